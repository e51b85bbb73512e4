/**
 * The packages beside the core that some commands need: `@wubi-wuping/workbook` (template, import,
 * `rank --format xlsx`, `verify --published X.xlsx`) and `@wubi-wuping/service` (serve). The core
 * installs without them; a command loads its package when it runs, and when the package is not
 * installed says in one line which one to install (exit 2), as docs/cli.md describes.
 */
import type { Lang } from "../index.js";
import { CliError, EXIT } from "./io.js";

/**
 * The package a command needs: its name on the registry.
 *
 * @example
 * ```ts
 * const name: FrontEndPackage = "@wubi-wuping/workbook";
 * ```
 */
export type FrontEndPackage = "@wubi-wuping/workbook" | "@wubi-wuping/service";

/**
 * The one line for a package that is not installed: its name and the command that installs it.
 *
 * @example
 * ```ts
 * notInstalled("@wubi-wuping/workbook", "en");
 * //=> "this command needs the package @wubi-wuping/workbook, which is not installed: npm install @wubi-wuping/workbook (with a global wubi-wuping: npm install -g @wubi-wuping/workbook)"
 * ```
 */
export function notInstalled(name: FrontEndPackage, lang: Lang): string {
  return lang === "zh"
    ? `此命令需要 ${name} 包，但它尚未安装：请运行 npm install ${name}（全局安装的 wubi-wuping 请运行 npm install -g ${name}）`
    : `this command needs the package ${name}, which is not installed: npm install ${name} (with a global wubi-wuping: npm install -g ${name})`;
}

/** Whether `cause` says that `name` itself (not something inside it) could not be found. */
function isMissing(cause: unknown, name: FrontEndPackage): boolean {
  const { code, message } = (cause ?? {}) as { code?: unknown; message?: unknown };
  return (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") && typeof message === "string" && message.includes(`'${name}'`);
}

/**
 * Loads a front-end package, or throws the `CliError` (exit 2) that names it and how to install it.
 *
 * @example
 * ```ts
 * const { writeResults } = await loadWorkbook("zh");
 * ```
 */
export async function loadWorkbook(lang: Lang): Promise<typeof import("@wubi-wuping/workbook")> {
  try {
    return await import("@wubi-wuping/workbook");
  } catch (cause) {
    if (isMissing(cause, "@wubi-wuping/workbook")) throw new CliError(notInstalled("@wubi-wuping/workbook", lang), EXIT.usage);
    throw cause;
  }
}

/**
 * Loads `@wubi-wuping/service`, or throws the `CliError` (exit 2) that names it.
 *
 * @example
 * ```ts
 * const { startService } = await loadService("en");
 * ```
 */
export async function loadService(lang: Lang): Promise<typeof import("@wubi-wuping/service")> {
  try {
    return await import("@wubi-wuping/service");
  } catch (cause) {
    if (isMissing(cause, "@wubi-wuping/service")) throw new CliError(notInstalled("@wubi-wuping/service", lang), EXIT.usage);
    throw cause;
  }
}
