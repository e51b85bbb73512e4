/**
 * `tally`, `safeTally`, `tallyStream` and `applyTally` (SPEC §13): what a box counts, what it
 * refuses and how it says so, and the ballot rules as policy parameters.
 */
import { describe, expect, it } from "vitest";
import { InputError, applyTally, definePolicy, safeScore, safeTally, score, tally, tallyStream, xuancheng2022 } from "../../src/index.js";
import { completeInput, type Json } from "../support/inputs.js";

const HEADER = { year: 2022, component: "serviceRecipients", date: "2022-12-20" } as const;
const box = (ballots: unknown[], extra: Record<string, unknown> = {}) => ({ ...HEADER, ...extra, ballots });

const issuesOf = (outcome: ReturnType<typeof safeTally>) => (outcome.success ? [] : outcome.error.issues);
const codesOf = (outcome: ReturnType<typeof safeTally>) => issuesOf(outcome).map((i) => ({ path: i.path, code: i.code }));

describe("tally", () => {
  it("counts each answer, written in Chinese or as its id, after NFKC and trimming", () => {
    const t = tally(
      box([
        { id: "1", marks: { a: "满意", b: " 基本满意 " } },
        { id: "2", marks: { a: "satisfied", b: "\u3000不满意" } },
        { id: "3", marks: { a: "不了解", b: "basically-satisfied" } },
      ]),
      { participants: ["a", "b"] },
    );
    expect(t.participants.map((p) => p.survey.ballots)).toEqual([
      { satisfied: 2, basicallySatisfied: 0, dissatisfied: 0, unknown: 1 },
      { satisfied: 0, basicallySatisfied: 2, dissatisfied: 1, unknown: 0 },
    ]);
    expect(t.box).toEqual({ year: 2022, component: "serviceRecipients", date: "2022-12-20", issued: null, returned: 3, counted: 3 });
    expect(t.assumptions).toEqual(["ballot-validity", "ballot-quorum", "repeated-rater", "ballot-speed", "group-weights"]);
  });

  it("lists blank and invalid ballots per participant and counts them nowhere", () => {
    const t = tally(
      box([
        { id: "1", marks: { a: ["满意", "不满意"], b: null } },
        { id: "2", marks: { a: ["满意", "satisfied", ""], b: "" } },
        { id: "3", marks: { a: [null, ""] } },
      ]),
      { participants: ["a", "b"] },
    );
    const [a, b] = t.participants;
    expect(a).toMatchObject({ blank: ["3"], invalid: ["1"], notCounted: [] });
    expect(a?.survey.ballots).toEqual({ satisfied: 1, basicallySatisfied: 0, dissatisfied: 0, unknown: 0 });
    expect(b).toMatchObject({ blank: ["1", "2", "3"], invalid: [] });
  });

  it("takes participants as ids, roster entries or inputs, in the order given", () => {
    const ballots = [{ id: "1", marks: { hjwsc: "满意" } }];
    const byInput = tally(box(ballots), { participants: [completeInput() as { participant: { id: string } }, { id: "other" }] });
    expect(byInput.participants.map((p) => p.participantId)).toEqual(["hjwsc", "other"]);
    expect(byInput.participants[1]?.blank).toEqual(["1"]);
  });

  it("sets aside all but the first ballot of a repeated rater under repeatedRater first, and reports the token either way", () => {
    const ballots = [
      { id: "1", rater: "r", marks: { a: "满意" } },
      { id: "2", rater: "s", marks: { a: "不满意" } },
      { id: "3", rater: "r", marks: { a: "不满意" } },
      { id: "4", marks: { a: "不满意" } },
    ];
    const counted = tally(box(ballots), { participants: ["a"] });
    expect(counted.participants[0]?.survey.ballots.dissatisfied).toBe(3);
    expect(counted.repeatedRaters).toEqual([{ rater: "r", ballots: ["1", "3"] }]);
    const first = tally(box(ballots), { participants: ["a"], policy: definePolicy({ id: "first", repeatedRater: "first" }) });
    expect(first.participants[0]).toMatchObject({ notCounted: ["3"], survey: { ballots: { satisfied: 1, dissatisfied: 2 } } });
    expect(first.box).toMatchObject({ returned: 4, counted: 3 });
    expect(first.repeatedRaters).toEqual([{ rater: "r", ballots: ["1", "3"] }]);
    expect(first.assumptions).not.toContain("repeated-rater");
  });

  it("lists the ballots faster than minSeconds, set-aside ones included, and counts them", () => {
    const policy = definePolicy({ id: "fast", minSeconds: 30, repeatedRater: "first" });
    const t = tally(
      box([
        { id: "1", rater: "r", seconds: 10, marks: { a: "满意" } },
        { id: "2", rater: "r", seconds: 5, marks: { a: "满意" } },
        { id: "3", seconds: 30, marks: { a: "满意" } },
      ]),
      { participants: ["a"], policy },
    );
    expect(t.tooFast).toEqual(["1", "2"]);
    expect(t.participants[0]?.survey.ballots.satisfied).toBe(2);
    expect(t.assumptions).toEqual(["ballot-validity", "ballot-quorum", "group-weights"]);
  });

  it("gives the counts per group in order of first appearance, zero where a group counted nothing", () => {
    const t = tally(
      box([
        { id: "1", group: "商户", marks: { a: "满意" } },
        { id: "2", group: "市民群众", marks: { a: null, b: "不满意" } },
      ]),
      { participants: ["a", "b"] },
    );
    expect(Object.keys(t.participants[0]?.survey.groups ?? {})).toEqual(["商户", "市民群众"]);
    expect(t.participants[0]?.survey.groups?.["市民群众"]).toEqual({ satisfied: 0, basicallySatisfied: 0, dissatisfied: 0, unknown: 0 });
    expect(t.participants[1]?.survey.groups?.["市民群众"]?.dissatisfied).toBe(1);
  });
});

describe("a box refused", () => {
  it("reports every problem at once with its path, in Chinese by default", () => {
    const outcome = safeTally(
      box(
        [
          { id: "1", group: "商户", marks: { a: "很满意", x: "满意" } },
          { id: "1", marks: { a: [["满意"]] } },
          { id: "", seconds: -1, marks: {} },
        ],
        { issued: 2 },
      ),
      { participants: ["a"] },
    );
    expect(codesOf(outcome)).toEqual([
      { path: ["ballots", 0, "marks", "a"], code: "invalid-mark" },
      { path: ["ballots", 0, "marks", "x"], code: "unknown-participant" },
      { path: ["ballots", 1, "marks", "a"], code: "invalid-mark" },
      { path: ["ballots", 1, "id"], code: "duplicate-id" },
      { path: ["ballots", 1, "group"], code: "missing-group" },
      { path: ["ballots", 2, "id"], code: "too_small" },
      { path: ["ballots", 2, "seconds"], code: "too_small" },
      { path: ["ballots", 2, "group"], code: "missing-group" },
      { path: ["issued"], code: "box-over-issued" },
    ]);
    const messages = issuesOf(outcome).map((i) => i.message);
    expect(messages[0]).toBe(
      '第 1 张票对 a 的评价无法识别（填写的是 "很满意"）：应为满意、基本满意、不满意、不了解（或 satisfied、basically-satisfied、dissatisfied、unknown）之一；未勾选的留空或写 null；勾选了多项的写成列表，如 ["满意", "不满意"]',
    );
    expect(messages[1]).toBe('第 1 张票评价了编号 "x"，但参评对象名单中没有这个编号；请核对编号，或把该对象加入名单（participants）');
    expect(messages[4]).toBe('第 2 张票（票号 "1"）没有填写评价人类别（group）：本票箱已有票填写了评价人类别，每张票都必须填写');
    expect(messages[8]).toBe("收回 3 张测评票，多于发出的 2 张：按有效票条件（ballot-validity）整箱无效，一张都不计；请核对发出票数（issued）和票箱");
  });

  it("speaks English on request", () => {
    const outcome = safeTally(box([{ id: "1", marks: { x: "满意" } }], { issued: 0 }), { participants: ["a"], lang: "en" });
    expect(issuesOf(outcome).map((i) => i.message)).toEqual([
      'Ballot 1 marks "x", which is not among the participants; check the id, or add the participant to the list',
      "1 ballots came back but only 0 were issued: the whole box is void (ballot-validity) and nothing is counted; check the number issued and the box",
    ]);
  });

  it("refuses a box below the policy's quorum, but not 0 returned of 0 issued", () => {
    const policy = definePolicy({ id: "q", ballotQuorum: "0.8" });
    const four = Array.from({ length: 4 }, (_, i) => ({ id: String(i), marks: {} }));
    expect(codesOf(safeTally(box(four, { issued: 6 }), { participants: [], policy }))).toEqual([{ path: ["issued"], code: "below-quorum" }]);
    expect(issuesOf(safeTally(box(four, { issued: 6 }), { participants: [], policy }))[0]?.message).toBe(
      "发出 6 张测评票，只收回 4 张，收回率低于政策要求的 0.8（ballot-quorum）：本次测评不能计票；请补收测评票，或核对发出票数（issued）",
    );
    expect(safeTally(box(four, { issued: 5 }), { participants: [], policy }).success).toBe(true);
    expect(safeTally(box([], { issued: 0 }), { participants: [], policy }).success).toBe(true);
    expect(safeTally(box(four, { issued: 6 }), { participants: [] }).success).toBe(true);
  });

  it("refuses a group the policy does not weigh, and a ballot without a group under group weights", () => {
    const policy = definePolicy({ id: "g", groupWeights: { serviceRecipients: { 商户: 1, 市民群众: 2 } } });
    const outcome = safeTally(box([{ id: "1", group: "群众", marks: {} }, { id: "2", marks: {} }]), { participants: [], policy });
    expect(codesOf(outcome)).toEqual([
      { path: ["ballots", 0, "group"], code: "unknown-group" },
      { path: ["ballots", 1, "group"], code: "missing-group" },
    ]);
    expect(issuesOf(outcome)[0]?.message).toBe('第 1 张票的评价人类别 "群众" 不在政策为服务对象代表评价设定的评价人类别权重中（现有："商户"、"市民群众"）；请改正类别名称，或在政策的 groupWeights 中为它设定权重');
  });

  it("refuses what is not a box, and bad participants, without throwing", () => {
    expect(codesOf(safeTally(null, { participants: [] }))).toEqual([{ path: [], code: "invalid_type" }]);
    expect(codesOf(safeTally({ ...HEADER, extra: 1 }, { participants: ["a", "a", 3] as never }))).toEqual([
      { path: ["ballots"], code: "invalid_type" },
      { path: ["extra"], code: "unrecognized_keys" },
      { path: ["participants", 1], code: "duplicate-id" },
      { path: ["participants", 2], code: "invalid_type" },
    ]);
    expect(() => tally(box([{ id: "1", marks: { x: 1 } }]), { participants: [] })).toThrow(InputError);
  });

  it("caps the issues of a box of many bad ballots", () => {
    const ballots = Array.from({ length: 1500 }, (_, i) => ({ id: String(i), marks: { a: "好" } }));
    const issues = issuesOf(safeTally(box(ballots), { participants: ["a"] }));
    expect(issues).toHaveLength(1001);
    expect(issues[1000]).toMatchObject({ path: ["ballots"], code: "too-many-issues", params: { shown: 1000, total: 1500 } });
  });
});

describe("tallyStream", () => {
  it("gives what safeTally gives, ballot by ballot", () => {
    const ballots = [
      { id: "1", group: "商户", rater: "r", seconds: 3, marks: { a: "满意", b: ["满意", "不满意"] } },
      { id: "2", group: "企业代表", rater: "r", marks: { a: "不了解" } },
    ];
    const policy = definePolicy({ id: "s", repeatedRater: "first", minSeconds: 10 });
    const stream = tallyStream(HEADER, { participants: ["a", "b"], policy });
    for (const ballot of ballots) stream.add(ballot);
    expect(JSON.stringify(stream.finish())).toBe(JSON.stringify(safeTally(box(ballots), { participants: ["a", "b"], policy })));
  });
});

describe("applyTally", () => {
  const t = () =>
    tally(box([{ id: "1", marks: { hjwsc: "满意" } }, { id: "2", marks: { hjwsc: "基本满意" } }, { id: "3", marks: { hjwsc: "不了解" } }]), {
      participants: ["hjwsc"],
    });

  it("sets the survey from the tally, and scoring is §4 unchanged", () => {
    const { serviceRecipients: _hand, ...others } = completeInput()["components"] as Json;
    const input = { ...completeInput(), components: others };
    const [applied] = applyTally([input], [t()]) as [Json];
    expect((applied["components"] as Json)["serviceRecipients"]).toEqual({ ballots: { satisfied: 1, basicallySatisfied: 1, dissatisfied: 0, unknown: 1 }, date: "2022-12-20" });
    expect(input.components).not.toHaveProperty("serviceRecipients");
    const typed = { ...input, components: { ...others, serviceRecipients: { ballots: { satisfied: 1, basicallySatisfied: 1, dissatisfied: 0, unknown: 1 }, date: "2022-12-20" } } };
    expect(score(applied)).toEqual(score(typed));
  });

  it("accepts equal hand counts and refuses others, naming both", () => {
    const input = completeInput();
    const same = { ...input, components: { ...(input["components"] as Json), serviceRecipients: { ballots: { satisfied: 1, basicallySatisfied: 1, dissatisfied: 0 } } } };
    expect(() => applyTally([same], [t()])).not.toThrow();
    try {
      applyTally([input], [t()]);
      throw new Error("expected counts-differ");
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      const issue = (error as InputError).issues[0];
      expect(issue).toMatchObject({ path: ["inputs", 0, "components", "serviceRecipients"], code: "counts-differ" });
      expect(issue?.message).toBe(
        "hjwsc 的服务对象代表评价：输入中的票数（满意 41、基本满意 6、不满意 1、不了解 2）与测评票的统计（满意 1、基本满意 1、不满意 0、不了解 1）不一致；请核对手工统计的票数，或删除输入中的该项后重新合并",
      );
    }
  });

  it("refuses two boxes for one participant, year and component", () => {
    expect(() => applyTally([], [t(), t()])).toThrow(/同一对象同一年度同一项目只能有一个票箱/);
    try {
      applyTally([], [t(), t()], { lang: "en" });
    } catch (error) {
      expect((error as InputError).issues.map((i) => [i.path, i.code])).toEqual([[["tallies", 1, "participants", 0], "duplicate-survey"]]);
    }
  });

  it("leaves inputs without a tally as they are", () => {
    const other = { ...completeInput(), year: 2023 };
    expect(applyTally([other], [t()])[0]).toBe(other);
  });
});

describe("the ballot rules as policy parameters", () => {
  it("are assumed in the preset, each with its assumption id", () => {
    const p = xuancheng2022.parameters;
    expect([p.ballotQuorum, p.repeatedRater, p.minSeconds, p.groupWeights]).toEqual([
      { value: null, provenance: { kind: "assumed", assumption: "ballot-quorum" } },
      { value: "count", provenance: { kind: "assumed", assumption: "repeated-rater" } },
      { value: null, provenance: { kind: "assumed", assumption: "ballot-speed" } },
      { value: null, provenance: { kind: "assumed", assumption: "group-weights" } },
    ]);
  });

  it("are set by definePolicy, which records the policy as their provenance", () => {
    const policy = definePolicy({ id: "b", ballotQuorum: 0.8, repeatedRater: "first", minSeconds: 20, groupWeights: { deputies: { 商户: "0.4", 市民群众: 0.6 } } });
    expect(policy.parameters.ballotQuorum).toEqual({ value: "0.8", provenance: { kind: "policy", policy: "b" } });
    expect(policy.parameters.groupWeights.value).toEqual({ deputies: { 商户: "0.4", 市民群众: "0.6" } });
    expect(policy.parameters.minSeconds.value).toBe(20);
  });

  it("refuse a quorum outside (0, 1], a weight of 0, an empty group list and an unknown rule", () => {
    try {
      definePolicy({ id: "x", ballotQuorum: "1.5", repeatedRater: "last", minSeconds: 1.5, groupWeights: { deputies: {}, serviceRecipients: { 商户: 0 } } }, { lang: "en" });
      throw new Error("expected refusal");
    } catch (error) {
      expect((error as InputError).issues.map((i) => [i.path, i.code])).toEqual([
        [["ballotQuorum"], "too_big"],
        [["repeatedRater"], "invalid_value"],
        [["minSeconds"], "invalid_type"],
        [["groupWeights", "serviceRecipients", "商户"], "too_small"],
        [["groupWeights", "deputies"], "too_small"],
      ]);
    }
  });

  it("leave every score of an input without groups as it was", () => {
    const policy = definePolicy({ id: "b2", ballotQuorum: 0.8, repeatedRater: "first", minSeconds: 20 });
    const a = score(completeInput());
    const b = score(completeInput(), { policy });
    expect(b.total).toBe(a.total);
    expect(b.assumptions).toEqual(a.assumptions);
    expect(safeScore(completeInput(), { policy }).success).toBe(true);
  });
});
