// Takes the screenshot of the offline page shown in the READMEs: the seven examples of
// examples/2022 loaded, one body chosen. Needs `npm run build` and Chromium (/usr/bin/chromium or
// CHROMIUM). Writes docs/images/offline-page.png.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const profile = mkdtempSync(join(tmpdir(), "wubi-wuping-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? "chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  viewport: { width: 1440, height: 1000 },
  deviceScaleFactor: 1,
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(pathToFileURL(join(root, "packages/page/dist/wubi-wuping.html")).href);
  const dir = join(root, "examples/2022");
  await page.setInputFiles("#files", readdirSync(dir).filter((f) => f.endsWith(".json")).sort().map((f) => join(dir, f)));
  await page.waitForSelector("tr[data-participant-id]");
  await page.click('tr[data-participant-id="cgjdk"]');
  await page.waitForSelector("#sensitivity-body[aria-busy=false] svg");
  const bottom = await page.evaluate(() => {
    const explain = document.querySelector("[data-explain] table.records");
    return Math.ceil((explain?.getBoundingClientRect().bottom ?? 1000) + window.scrollY + 16);
  });
  await page.screenshot({ path: join(root, "docs/images/offline-page.png"), clip: { x: 0, y: 0, width: 1440, height: bottom }, fullPage: true });
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
