/**
 * Document numbers per GB/T 9704-2012 §7.2.5 and the forms SPEC §5 accepts or refuses.
 */
import { describe, expect, it } from "vitest";
import { parseDocumentNumber } from "../../src/index.js";

describe("parseDocumentNumber", () => {
  it("reads a standard number: 代字〔年份〕序号号", () => {
    expect(parseDocumentNumber("宣政〔2022〕12号")).toEqual({
      ok: true,
      issuerCode: "宣政",
      year: 2022,
      serial: 12,
      standard: true,
      normalized: "宣政〔2022〕12号",
    });
  });

  it("normalises square brackets, 第 and a leading zero", () => {
    expect(parseDocumentNumber("皖建[2022]第012号")).toEqual({
      ok: true,
      issuerCode: "皖建",
      year: 2022,
      serial: 12,
      standard: false,
      normalized: "皖建〔2022〕12号",
    });
  });

  it.each([
    ["国发【2023】5号", "国发〔2023〕5号"],
    ["皖政办（2022）7号", "皖政办〔2022〕7号"],
    ["宣政〔２０２２〕１２号", "宣政〔2022〕12号"],
    [" 宣政〔2022〕12号 ", "宣政〔2022〕12号"],
    ["宣政〔2022〕12", "宣政〔2022〕12号"],
    ["宣政 〔2022〕 12号", "宣政〔2022〕12号"],
    ["宣政\u200b〔2022〕12号", "宣政〔2022〕12号"],
    ["宣办发〔2022〕9 号", "宣办发〔2022〕9号"],
    ["宣组〔 2022 〕第 5号", "宣组〔2022〕5号"],
    ["皖建 [ 2022 ] 第 012 号", "皖建〔2022〕12号"],
    ["国发【 2023 】5号", "国发〔2023〕5号"],
    ["宣政\u3000〔2022〕\u300012\u3000号", "宣政〔2022〕12号"],
    ["宣政〔2022〕999999999号", "宣政〔2022〕999999999号"],
  ])("parses %s as %s", (text, normalized) => {
    expect(parseDocumentNumber(text)).toMatchObject({ ok: true, standard: text === normalized, normalized });
  });

  it.each([
    ["宣政〔22〕12号", "unrecognized"],
    ["〔2022〕12号", "unrecognized"],
    ["宣政〔2022]12号", "unrecognized"],
    ["宣政〔2022〕0号", "zero-serial"],
    ["宣政2022年12号", "unrecognized"],
    ["宣政〔2022〕12号文", "unrecognized"],
    ["宣政〔1900〕3号", "year-out-of-range"],
    ["宣政〔2022〕1000000000号", "serial-too-large"],
    ["宣政〔2022〕第 0001000000000 号", "serial-too-large"],
    ["宣政〔20 22〕12号", "unrecognized"],
    ["宣政〔2022〕1 2号", "unrecognized"],
    ["", "unrecognized"],
  ])("refuses %s (%s)", (text, reason) => {
    expect(parseDocumentNumber(text)).toEqual({ ok: false, reason });
  });
});
