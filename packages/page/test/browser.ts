/**
 * The offline page in a real browser: Debian's Chromium (`/usr/bin/chromium`, or `CHROMIUM`)
 * driven by playwright-core, with a fresh profile, opened from `file://`. Every request the browser
 * makes and every console error is recorded, so a test can say that none left the page.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { onPath } from "../../../test/support/programs.js";

export const root = fileURLToPath(new URL("../../..", import.meta.url));
export const pagePath = join(root, "packages/page/dist/wubi-wuping.html");
export const pageUrl = pathToFileURL(pagePath).href;

/** The launch arguments of the project's browser tests (no network side-traffic of the browser's own). */
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A browser with the page open, and what it recorded. */
export interface OpenPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every URL the browser requested, in order. */
  readonly requests: string[];
  /** Console errors and uncaught exceptions. */
  readonly errors: string[];
  close(): Promise<void>;
}

/**
 * Launches Chromium with a fresh profile and opens the built page.
 *
 * @throws Error when the page is not built or Chromium is not installed.
 */
export async function openPage(): Promise<OpenPage> {
  if (!existsSync(pagePath)) throw new Error(`${pagePath} is not built: run \`npm run build\` first (\`npm test\` does)`);
  const executablePath = process.env["CHROMIUM"] ?? onPath("chromium") ?? "chromium";
  if (!existsSync(executablePath)) throw new Error(`Chromium is not on PATH (Debian: apt-get install chromium; npm test installs it as root)`);
  const profile = mkdtempSync(join(tmpdir(), "wubi-wuping-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: ARGS,
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
    locale: "zh-CN",
  });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on("request", (request) => requests.push(request.url()));
  // Anything that would leave the machine is refused outright, besides being recorded.
  await context.route(/^(https?|wss?|ftp):/, (route) => route.abort());
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(pageUrl);
  return {
    context,
    page,
    requests,
    errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** What the page's file input takes: paths, or files given by name, type and bytes. */
export type Files = Parameters<Page["setInputFiles"]>[1];

/** Waits until the page has read what it was given and lists at least one file. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getElementById("main")?.getAttribute("aria-busy") === "false" && document.querySelector("#file-list li") !== null);
}

/** Loads files through the file input, replacing what was loaded, and waits for the page to settle. */
export async function loadFiles(page: Page, files: Files): Promise<void> {
  if ((await page.locator("#clear-files").count()) > 0) await page.click("#clear-files");
  await page.setInputFiles("#files", files);
  await settle(page);
}
