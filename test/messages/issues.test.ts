/**
 * The one renderer of input problems: natural Chinese (no English left), English on request,
 * fields named by their office labels, offending values echoed, misspelt keys answered with the
 * nearest valid one. Paths and codes never depend on the language.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { definePolicy, InputError, safeScore } from "../../src/index.js";
import { fieldName } from "../../src/messages/fields.js";
import { completeInput, withComponents, type Json } from "../support/inputs.js";

const messages = (input: unknown, lang: "zh" | "en" = "zh", allowIncomplete = false): string[] => {
  const outcome = safeScore(input, { lang, allowIncomplete });
  if (outcome.success) throw new Error("expected an input error");
  return outcome.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

const FIXTURES = new URL("../fixtures/bad-inputs/", import.meta.url);
const fixtureInputs = readdirSync(FIXTURES)
  .filter((name) => name.endsWith(".json"))
  .flatMap((name) => {
    try {
      return [[name, JSON.parse(readFileSync(new URL(name, FIXTURES), "utf8")) as unknown] as const];
    } catch {
      return []; // the files that are not JSON are the CLI's to refuse
    }
  });

describe("Chinese messages", () => {
  it("leave no English word in any message of the bad-input fixtures, other than keys and values quoted from the input", () => {
    for (const [name, input] of fixtureInputs) {
      for (const line of messages(input)) {
        const text = line.slice(line.indexOf(": ") + 2).replace(/"[^"]*"/g, "").replace(/\b[a-z]+[A-Z][A-Za-z]*\b|\b[a-z]+(-[a-z]+)+\b/g, "");
        expect(text, `${name}: ${line}`).not.toMatch(/\b(expected|received|Invalid|object|string|number|boolean|key|undefined|array)\b/);
      }
    }
  });

  it("name the field by its label, echo the value and read as sentences", () => {
    const input = withComponents(
      {
        routineInspection: { rounds: [{ date: "2022-04-12", score: 23 }, { date: "2022/10/18", score: 26 }] },
        complaints: { complaints: [{ id: "c1", date: "2022-01-05", verified: "是" }] },
        serviceRecipients: { ballots: { satisfied: 41.5, basicallySatisfied: 6, dissatisfied: 1 } },
        cityLeaders: { scores: [{ score: "10.5" }] },
      },
      { year: "2022", commendations: [{ id: "b1", matter: "先进", level: "provincal", recipient: "section", documentNumber: "x", approved: true, awarded: 1 }] },
    );
    expect(messages(input)).toMatchInlineSnapshot(`
      [
        "year: 考评年度应为数字，填写的是文字 "2022"",
        "components.routineInspection.rounds.1.date: 日常督查第 2 轮的日期应为 YYYY-MM-DD 格式的真实日期，如 2022-05-18（年份 1949 至 2099），填写的是 "2022/10/18"",
        "components.routineInspection.rounds.1.score: 日常督查第 2 轮的得分高于本轮满分 25（填写的是 "26"）",
        "components.complaints.complaints.0.verified: 第 1 件投诉的“是否查实”应为 true 或 false，填写的是文字 "是"",
        "components.serviceRecipients.ballots.satisfied: 服务对象代表评价的“满意”票数应为整数，填写的是数字 41.5",
        "components.cityLeaders.scores.0.score: 分管联系市领导评价第 1 项的分数不得大于 10，填写的是 "10.5"",
        "commendations.0.level: 第 1 项表彰的级别应为以下之一：municipal（市委市政府）、provincial-department（省直单位）、provincial（省部级）、national（党中央、国务院），填写的是 "provincal"；是否应为 provincial（省部级）？",
        "commendations.0.awarded: 第 1 项表彰授予所属科室，不填写酌情加分（awarded）：只有授予所在单位的表彰才按关联度酌情加分，其他表彰按级别计分；请删除 awarded",
      ]
    `);
  });

  it("suggest the nearest valid key, with its label, for a misspelt one", () => {
    const input = completeInput();
    const components = input["components"] as Json;
    components["routineInspectoin"] = components["routineInspection"];
    delete components["routineInspection"];
    (input["participant"] as Json)["catgory"] = "public-service";
    expect(messages(input, "zh", true)).toMatchInlineSnapshot(`
      [
        "participant.catgory: 参评对象中没有 "catgory" 这一项；是否应为 category（类别）？",
        "components.routineInspectoin: 考评项目中没有 "routineInspectoin" 这一项；是否应为 routineInspection（日常督查）？",
      ]
    `);
    expect(messages(input, "en", true)).toMatchInlineSnapshot(`
      [
        "participant.catgory: There is no key "catgory" in the participant; did you mean category (category)?",
        "components.routineInspectoin: There is no key "routineInspectoin" in the components; did you mean routineInspection (routine inspection)?",
      ]
    `);
  });

  it("state how long a text is that is too long, unless it is huge", () => {
    const long = { ...completeInput(), participant: { id: "x".repeat(101), name: "名".repeat(1_000_001), category: "public-service" } };
    expect(messages(long)).toEqual(["participant.id: 参评对象的编号过长：最多 100 个字符，现有 101 个", "participant.name: 参评对象的名称过长：最多 1000 个字符"]);
  });

  it("say only to remove a key that is near no valid one", () => {
    expect(messages({ ...completeInput(), remarks: "x" })).toEqual(['remarks: 输入中没有 "remarks" 这一项，请删除或改正']);
  });

  it("name what is missing and what it should be", () => {
    expect(messages({ year: 2022 })).toMatchInlineSnapshot(`
      [
        "participant: 缺少参评对象（participant），应填写对象（{ … }）",
        "components: 缺少考评项目（components），应填写对象（{ … }）",
      ]
    `);
  });

  it("name each missing component by its label", () => {
    const input = completeInput();
    delete (input["components"] as Json)["deputies"];
    expect(messages(input)).toEqual(["components.deputies: 缺少“两代表一委员”评价的有效记录；请补齐数据，或用 allowIncomplete 计为暂定结果"]);
  });

  it("name the fields of a policy file", () => {
    let error: unknown;
    try {
      definePolicy({ id: "x", surveyWeights: { satisfied: "1", basicallysatisfied: "0.6", dissatisfied: "0" }, decimals: 7 });
    } catch (cause) {
      error = cause;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues.map((i) => i.message)).toMatchInlineSnapshot(`
      [
        "缺少“基本满意”票的权重（basicallySatisfied），应填写数字",
        "测评票权重中没有 "basicallysatisfied" 这一项；是否应为 basicallySatisfied（“基本满意”票的权重）？",
        "保留小数位数不得大于 4，填写的是 7",
      ]
    `);
  });

  it("say which forms a field of several forms takes", () => {
    let error: unknown;
    try {
      definePolicy({ id: "x", unitCeiling: true as never });
    } catch (cause) {
      error = cause;
    }
    expect((error as InputError).issues.map((i) => i.message)).toEqual(["单位表彰的酌情加分上限应为 level-points，或数字，填写的是 true"]);
  });
});

describe("messages and data", () => {
  it("give the same paths and codes in both languages", () => {
    for (const [, input] of fixtureInputs) {
      const zh = safeScore(input);
      const en = safeScore(input, { lang: "en" });
      if (zh.success || en.success) continue;
      expect(zh.error.issues.map((i) => [i.path, i.code])).toEqual(en.error.issues.map((i) => [i.path, i.code]));
    }
  });

  it("name a field from its path: component label, item number from 1, field label", () => {
    expect(fieldName(["components", "routineInspection", "rounds", 1, "score"], "zh")).toBe("日常督查第 2 轮的得分");
    expect(fieldName(["commendations", 0, "documentNumber"], "zh")).toBe("第 1 项表彰的文号");
    expect(fieldName(["components", "routineInspection", "rounds", 1, "score"], "en")).toBe("the score of round 2 of routine inspection");
    expect(fieldName(["components", "nope", "rounds"], "zh")).toBe("");
  });
});

describe("a year that puts every record outside its windows", () => {
  it("is said once, at the year, instead of one line per component", () => {
    const input = JSON.parse(readFileSync("examples/2022/cgjdk.json", "utf8")) as Json;
    input["year"] = 2023;
    expect(messages(input)).toMatchInlineSnapshot(`
      [
        "year: 所有记录都不在 2023 年度的计分时段内（日常考评 2023-01-01 至 2023-12-31，综合评价 2023-12-01 至 2024-02-29）；请核对考评年度（year）是否填写正确",
      ]
    `);
    const outcome = safeScore(input);
    expect(!outcome.success && outcome.error.issues.map((i) => i.code)).toEqual(["all-outside-window"]);
  });

  it("is not said when a record counted, nor when nothing was dated outside", () => {
    const input = JSON.parse(readFileSync("examples/2022/cgjdk.json", "utf8")) as Json;
    input["year"] = 2023;
    const components = input["components"] as Json;
    components["routineInspection"] = { rounds: [{ date: "2023-03-01", score: 20 }] };
    const codes = safeScore(input);
    expect(!codes.success && codes.error.issues.map((i) => i.code)).toEqual(Array(6).fill("missing-component"));
    const empty = completeInput();
    for (const id of Object.keys(empty["components"] as Json)) delete (empty["components"] as Json)[id];
    const none = safeScore(empty);
    expect(!none.success && none.error.issues.every((i) => i.code === "missing-component")).toBe(true);
  });

  it("still scores provisionally with allowIncomplete", () => {
    const input = JSON.parse(readFileSync("examples/2022/cgjdk.json", "utf8")) as Json;
    input["year"] = 2023;
    const outcome = safeScore(input, { allowIncomplete: true });
    expect(outcome.success && outcome.data.status).toBe("provisional");
  });
});
