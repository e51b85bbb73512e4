/**
 * The standard form's short path of `parseDocumentNumber` against the full reading it stands in
 * for (clean, NFKC, the shape of every accepted form), written out here as it was before the short
 * path existed: the two agree on every text, standard or not.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_SERIAL, parseDocumentNumber, type DocumentNumberResult } from "../../src/core/document-number.js";

const ZERO_WIDTH = /[\u200B-\u200F\u2060\uFEFF]/g;
const SHAPE =
  /^([^\s〔〕[\]【】()]+)\s*(?:〔\s*([0-9]{4})\s*〕|\[\s*([0-9]{4})\s*\]|【\s*([0-9]{4})\s*】|\(\s*([0-9]{4})\s*\))\s*(?:第)?\s*([0-9]+)\s*(号)?$/;

function fullReading(text: string): DocumentNumberResult {
  const cleaned = text.replace(ZERO_WIDTH, "").trim().normalize("NFKC");
  const match = SHAPE.exec(cleaned);
  if (match === null) return { ok: false, reason: "unrecognized" };
  const [, issuerCode = "", y1, y2, y3, y4, digits = ""] = match;
  const year = Number(y1 ?? y2 ?? y3 ?? y4);
  if (year < 1949 || year > 2099) return { ok: false, reason: "year-out-of-range" };
  const serial = Number(digits);
  if (serial === 0) return { ok: false, reason: "zero-serial" };
  if (serial > MAX_SERIAL) return { ok: false, reason: "serial-too-large" };
  const normalized = `${issuerCode}〔${year}〕${serial}号`;
  return { ok: true, issuerCode, year, serial, standard: text === normalized, normalized };
}

/** Pieces of document numbers, standard and not: every one NFKC changes among them. */
const issuerChar = fc.constantFrom("宣", "政", "皖", "办", "发", "A", "z", "0", "9", "Ａ", "０", "㈠", "丷", "\uF900", "⼀", " ", "\u200b", "-", "〔");
const digit = fc.constantFrom("0", "1", "2", "5", "9", "０", "２", "٣");
const text = fc
  .tuple(
    fc.array(issuerChar, { minLength: 0, maxLength: 5 }),
    fc.constantFrom("〔", "[", "【", "(", "（", "〔 ", ""),
    fc.oneof(fc.constantFrom("2022", "1949", "1948", "2099", "2100", "0999", "２０２２"), fc.array(digit, { minLength: 3, maxLength: 5 }).map((d) => d.join(""))),
    fc.constantFrom("〕", "]", "】", ")", "）", " 〕", ""),
    fc.constantFrom("", "第", " "),
    fc.oneof(fc.array(digit, { minLength: 1, maxLength: 11 }).map((d) => d.join("")), fc.constantFrom("999999999", "1000000000", "0", "012")),
    fc.constantFrom("号", "", " 号", "号 ", "號"),
  )
  .map(([issuer, open, year, close, di, serial, hao]) => `${issuer.join("")}${open}${year}${close}${di}${serial}${hao}`);

/** Texts around the standard form: a 代字, 〔year〕, a serial and 号, with something before or after. */
const fastChar = fc.constantFrom("宣", "政", "A", "z", "0", "9");
const nearStandard = fc
  .tuple(
    fc.constantFrom("", " ", "\u200b", "〔", "-", "Ａ", "〇", "\u3400", "宣 "),
    fc.array(fastChar, { minLength: 0, maxLength: 4 }),
    fc.constantFrom("〔", "(", "〔〔"),
    fc.oneof(fc.integer({ min: 0, max: 9999 }).map(String), fc.constantFrom("1948", "1949", "2099", "2100", "0999")),
    fc.oneof(fc.integer({ min: 0, max: 2_000_000_000 }).map(String), fc.constantFrom("999999999", "1000000000", "0", "01")),
    fc.constantFrom("号", "号 ", "号号", "", "号\n"),
  )
  .map(([before, issuer, open, year, serial, hao]) => `${before}${issuer.join("")}${open}${year}〕${serial}${hao}`);

describe("parseDocumentNumber's standard-form path", () => {
  it("reads texts near the standard form as the full reading does", () => {
    fc.assert(
      fc.property(nearStandard, (t) => {
        expect(parseDocumentNumber(t)).toEqual(fullReading(t));
      }),
      { numRuns: 5000 },
    );
  });

  it("reads every text as the full reading does", () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(parseDocumentNumber(t)).toEqual(fullReading(t));
      }),
      { numRuns: 5000 },
    );
  });

  it("agrees on arbitrary text too", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 30 }), (t) => {
        expect(parseDocumentNumber(t)).toEqual(fullReading(t));
      }), { numRuns: 2000 });
  });

  it("calls a standard number standard when its 代字 is outside the short path's characters (〇, CJK extension A)", () => {
    for (const t of ["宣〇〔2022〕1号", "\u3400政〔2022〕1号"]) expect(parseDocumentNumber(t)).toMatchObject({ ok: true, standard: true, normalized: t });
  });

  it("reads the standard form and its edges", () => {
    for (const t of [
      "宣政〔2022〕12号",
      "宣政〔1948〕1号",
      "宣政〔1949〕1号",
      "宣政〔2099〕999999999号",
      "宣政〔2100〕1号",
      "宣政〔2〕12号",
      "宣政〔2022〕1000000000号",
      "宣政〔2022〕012号",
      "Ａ〔2022〕1号",
      "宣政〔2022〕0号",
      " 宣政〔2022〕12号",
      "宣政〔2022〕12号 ",
      "宣政〔2022〕１２号",
      "宣政〔2022〕x号",
      "宣政〔2022〕1x号",
    ])
      expect(parseDocumentNumber(t)).toEqual(fullReading(t));
  });
});
