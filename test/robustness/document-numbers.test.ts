/**
 * Document numbers under hostile text (issue 5, SPEC §5): mismatched brackets, an empty issuer, a
 * zero serial, two years, invisible characters inside; and for any text at all, the parser
 * returns an answer and what it normalises re-parses as standard.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocumentNumber, safeScore } from "../../src/index.js";
import { RUNS, validInput, type JsonObject } from "./support.js";

/** The eight bracket characters of SPEC §5, and full-width and vertical forms NFKC maps onto them. */
const PAIRS: [string, string][] = [
  ["〔", "〕"],
  ["[", "]"],
  ["【", "】"],
  ["(", ")"],
];
const VARIANTS: [string, string][] = [
  ["（", "）"],
  ["［", "］"],
  ["︹", "︺"],
];
/** Which pair a bracket belongs to after NFKC (index into PAIRS). */
const pairOf = (c: string): number => PAIRS.findIndex(([open, close]) => c.normalize("NFKC") === open || c.normalize("NFKC") === close);

/** Zero-width and direction marks SPEC §5 step 1 removes. */
const REMOVED = ["\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u2060", "\uFEFF"];

describe("parseDocumentNumber on hostile text", () => {
  it("refuses every mismatched bracket pair and accepts every matched one", () => {
    const opens = [...PAIRS, ...VARIANTS].map(([open]) => open);
    const closes = [...PAIRS, ...VARIANTS].map(([, close]) => close);
    for (const open of opens) {
      for (const close of closes) {
        const text = `宣政${open}2022${close}12号`;
        const parsed = parseDocumentNumber(text);
        if (pairOf(open) === pairOf(close)) {
          expect(parsed, text).toMatchObject({ ok: true, issuerCode: "宣政", year: 2022, serial: 12, standard: open === "〔" && close === "〕" });
        } else {
          expect(parsed, text).toEqual({ ok: false, reason: "unrecognized" });
        }
      }
    }
  });

  it("refuses an empty issuer, a zero serial, two years in brackets, and brackets inside the issuer", () => {
    const refused: [string, string][] = [
      ["〔2022〕12号", "unrecognized"],
      ["  〔2022〕12号", "unrecognized"],
      ["\u200B〔2022〕12号", "unrecognized"],
      ["\u3000〔2022〕12号", "unrecognized"],
      ["宣政〔2022〕0号", "zero-serial"],
      ["宣政〔2022〕000号", "zero-serial"],
      ["宣政〔2022〕第0号", "zero-serial"],
      ["宣政〔2022〕０号", "zero-serial"],
      ["宣政〔2022〕〔2023〕12号", "unrecognized"],
      ["〔2022〕〔2023〕12号", "unrecognized"],
      ["宣政〔2022〕〔2023〕", "unrecognized"],
      ["宣〔政〔2022〕12号", "unrecognized"],
      ["宣政]〔2022〕12号", "unrecognized"],
      ["宣政〔2022〕12号〔2023〕", "unrecognized"],
      ["宣政〔22〕12号", "unrecognized"],
      ["宣政〔20222〕12号", "unrecognized"],
      ["宣政〔0000〕1号", "year-out-of-range"],
      ["宣政〔1948〕1号", "year-out-of-range"],
      ["宣政〔2100〕1号", "year-out-of-range"],
      ["宣政〔٢٠٢٢〕12号", "unrecognized"],
      ["宣政〔2022〕-1号", "unrecognized"],
      ["宣政〔2022〕1.5号", "unrecognized"],
      ["宣政〔2022〕99999999999999999999号", "serial-too-large"],
      ["", "unrecognized"],
      ["\u200B\u200F", "unrecognized"],
    ];
    for (const [text, reason] of refused) expect(parseDocumentNumber(text), JSON.stringify(text)).toEqual({ ok: false, reason });
  });

  it("ignores right-to-left marks and zero-width spaces anywhere inside, and calls the text non-standard", () => {
    const clean = "宣政〔2022〕12号";
    for (const mark of REMOVED) {
      for (let at = 0; at <= clean.length; at += 1) {
        const text = `${clean.slice(0, at)}${mark}${clean.slice(at)}`;
        expect(parseDocumentNumber(text), JSON.stringify(text)).toEqual({
          ok: true,
          issuerCode: "宣政",
          year: 2022,
          serial: 12,
          standard: false,
          normalized: clean,
        });
      }
    }
  });

  it("parses a number with invisible marks sprinkled anywhere as the clean number", () => {
    const clean = fc
      .tuple(fc.constantFrom("宣政", "皖建城", "国发", "A1"), fc.constantFrom(...PAIRS), fc.integer({ min: 1949, max: 2099 }), fc.integer({ min: 1, max: 9999 }))
      .map(([issuer, [open, close], year, serial]) => `${issuer}${open}${year}${close}${serial}号`);
    fc.assert(
      fc.property(clean, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...REMOVED)), { minLength: 1, maxLength: 4 }), (text, inserts) => {
        let dirty = text;
        for (const [at, mark] of inserts) {
          const i = at % (dirty.length + 1);
          dirty = `${dirty.slice(0, i)}${mark}${dirty.slice(i)}`;
        }
        const a = parseDocumentNumber(text);
        const b = parseDocumentNumber(dirty);
        expect(b).toEqual(a.ok ? { ...a, standard: false } : a);
      }),
      RUNS,
    );
  });

  it("answers any text without throwing, and what it normalises re-parses as itself and standard", () => {
    const unit = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom("宣", "政", "〔", "〕", "[", "]", "【", "】", "(", ")", "（", "）", "第", "号", "0", "1", "2", "9", "２", " ", "\u3000", "\n", "\u200B", "\u200F", "\u202E") },
      { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 1 }) },
    );
    const nearValid = fc
      .tuple(fc.string({ unit, maxLength: 4 }), fc.constantFrom("〔", "[", "【", "("), fc.integer({ min: 1900, max: 2150 }), fc.constantFrom("〕", "]", "】", ")"), fc.string({ unit, maxLength: 3 }), fc.nat(200), fc.string({ unit, maxLength: 2 }))
      .map(([a, open, year, close, b, serial, c]) => `${a}${open}${year}${close}${b}${serial}${c}`);
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit, maxLength: 20 }), nearValid, fc.string({ maxLength: 30 })), (text) => {
        const parsed = parseDocumentNumber(text);
        if (!parsed.ok) return;
        expect(parsed.year).toBeGreaterThanOrEqual(1949);
        expect(parsed.year).toBeLessThanOrEqual(2099);
        expect(Number.isSafeInteger(parsed.serial) && parsed.serial >= 1).toBe(true);
        expect(parsed.issuerCode).not.toBe("");
        expect(parseDocumentNumber(parsed.normalized)).toEqual({ ...parsed, standard: true });
        if (parsed.standard) expect(parsed.normalized).toBe(text);
      }),
      { numRuns: 400 },
    );
  });

  it("answers a 50 MB text at once", () => {
    const started = performance.now();
    expect(parseDocumentNumber(`${"宣".repeat(50_000_000)}〔2022〕`)).toEqual({ ok: false, reason: "unrecognized" });
    expect(parseDocumentNumber(`宣${" ".repeat(1_000_000)}x`)).toEqual({ ok: false, reason: "unrecognized" });
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe("document numbers in a score", () => {
  it("excludes a commendation whose number does not parse, whatever else, and flags a non-standard one", () => {
    const input = validInput();
    const base = (input["commendations"] as JsonObject[])[0] as JsonObject;
    input["commendations"] = [
      { ...base, id: "a", matter: "m-a", documentNumber: "宣政〔2022]12号" },
      { ...base, id: "b", matter: "m-b", documentNumber: "〔2022〕12号" },
      { ...base, id: "c", matter: "m-c", documentNumber: "宣政〔2022〕0号" },
      { ...base, id: "d", matter: "m-d", documentNumber: "宣政〔2022〕〔2023〕" },
      { ...base, id: "e", matter: "m-e", documentNumber: "宣\u200B政\u200F〔2022〕12号" },
      { ...base, id: "f", matter: "m-f", documentNumber: "宣政〔2021〕12号" },
      { ...base, id: "g", matter: "m-g", documentNumber: "宣政〔2022]12号", approved: false },
    ];
    const outcome = safeScore(input);
    if (!outcome.success) throw outcome.error;
    const { bonus, findings } = outcome.data;
    expect(bonus.excluded).toEqual([
      { id: "a", reason: "invalid-document-number", documentNumber: "宣政〔2022]12号", documentNumberError: "unrecognized" },
      { id: "b", reason: "invalid-document-number", documentNumber: "〔2022〕12号", documentNumberError: "unrecognized" },
      { id: "c", reason: "invalid-document-number", documentNumber: "宣政〔2022〕0号", documentNumberError: "zero-serial" },
      { id: "d", reason: "invalid-document-number", documentNumber: "宣政〔2022〕〔2023〕", documentNumberError: "unrecognized" },
      { id: "f", reason: "wrong-year", documentNumber: "宣政〔2021〕12号", documentYear: 2021 },
      { id: "g", reason: "not-approved" },
    ]);
    expect(bonus.counted.map((c) => c.id)).toEqual(["e"]);
    expect(findings.filter((f) => f.code === "nonstandard-document-number")).toEqual([
      { code: "nonstandard-document-number", id: "e", documentNumber: "宣\u200B政\u200F〔2022〕12号", normalized: "宣政〔2022〕12号" },
    ]);
  });
});
