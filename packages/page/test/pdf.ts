/**
 * What a printed PDF holds, page by page: its orientation and its text, read with poppler's
 * `pdfinfo` and `pdftotext` (Debian package poppler-utils). Whitespace is removed from the text,
 * since a PDF's glyph runs carry no reliable spaces between Chinese characters.
 */
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** One printed page. */
export interface PdfPage {
  readonly size: "landscape" | "portrait";
  /** The page's text without any whitespace. */
  readonly text: string;
}

/** Text without whitespace, as `PdfPage.text` holds it. */
export const flat = (text: string): string => text.replace(/\s+/g, "");

/**
 * Writes `bytes` to `dir/name.pdf` and reads each page's orientation and text.
 *
 * @example
 * ```ts
 * (await pdfPages(await page.pdf(), work, "ranking"))[0]?.size; //=> "landscape"
 * ```
 */
export async function pdfPages(bytes: Uint8Array, dir: string, name: string): Promise<PdfPage[]> {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  const info = await run("pdfinfo", ["-f", "1", "-l", "9999", file]);
  const sizes = [...info.stdout.matchAll(/^Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) =>
    Number(m[1]) > Number(m[2]) ? ("landscape" as const) : ("portrait" as const),
  );
  const text = await run("pdftotext", ["-enc", "UTF-8", file, "-"], { maxBuffer: 64 * 1024 * 1024 });
  const pages = text.stdout.split("\f");
  return sizes.map((size, i) => ({ size, text: flat(pages[i] ?? "") }));
}
