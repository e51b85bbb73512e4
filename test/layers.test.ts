/**
 * The layers of the source: model/ (schemas and types) depends on no rule, policy or entry;
 * core/ on no entry; the arithmetic (decimal.js) and the calendar (date-fns) on nothing else of the library.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "..", "src");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
  );
}

/** The folders of src/ that a file under `folder` imports from (`decimal` for the arithmetic). */
function importedFolders(folder: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of filesUnder(join(SRC, folder))) {
    for (const match of readFileSync(file, "utf8").matchAll(/from "(\.[^"]+)"/g)) {
      const target = relative(SRC, join(file, "..", match[1] as string));
      const top = target.split("/")[0] as string;
      const name = top.endsWith(".js") ? top.slice(0, -3) : top;
      found.set(name, [...(found.get(name) ?? []), relative(SRC, file)]);
    }
  }
  return found;
}

describe("the layers of the source", () => {
  it("keeps model/ free of policies, rules and entries", () => {
    const folders = [...importedFolders("model").keys()].sort();
    expect(folders.filter((f) => !["model", "decimal", "dates"].includes(f))).toEqual([]);
  });

  it("keeps core/ free of the entries", () => {
    const folders = [...importedFolders("core").keys()];
    expect(folders.filter((f) => ["api", "cli", "explain", "index"].includes(f))).toEqual([]);
  });

  it("keeps the arithmetic and the calendar free of the rest of the library: decimal.js and date-fns only", () => {
    const imports = (file: string): string[] => [...readFileSync(join(SRC, file), "utf8").matchAll(/from "([^"]+)"/g)].map((m) => m[1] as string);
    expect(imports("decimal.ts")).toEqual(["decimal.js"]);
    expect(imports("dates.ts")).toEqual(["date-fns"]);
  });

  it("leaves decimal.js and date-fns to those two modules", () => {
    const users = filesUnder(SRC).filter((file) => /from "(decimal\.js|date-fns)"/.test(readFileSync(file, "utf8")));
    expect(users.map((file) => relative(SRC, file)).sort()).toEqual(["dates.ts", "decimal.ts"]);
  });

  it("lists the components in one place", () => {
    const code = (file: string): string =>
      readFileSync(file, "utf8")
        .split("\n")
        .filter((line) => !/^\s*(\*|\/\/)/.test(line))
        .join("\n");
    const listing = filesUnder(SRC).filter((file) => /"routineInspection",\s*"specialInspection"|id: "routineInspection"/.test(code(file)));
    // The workbook's sheet layout still names its round and survey components by hand (noted in the
    // report of issue #9); every other part reads model/components.ts.
    expect(listing.map((file) => relative(SRC, file))).toEqual(["model/components.ts", "workbook/layout.ts"]);
  });
});
