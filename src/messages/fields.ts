/**
 * Fields as the office names them: a path of an input, a policy file or a list of results turned
 * into words (`components.routineInspection.rounds[1].score` → `日常督查第 2 轮的得分`), from one
 * tree of labels that follows the shape of the schemas.
 *
 * @internal
 */
import type { Lang } from "./lang.js";
import { COMPONENT_IDS } from "../model/components.js";
import { BALLOT_NAMES, COMPONENT_NAMES, LEVEL_NAMES, type Words } from "./labels.js";

/** One node of the label tree: its name, its fields, and (for a list) how an item is named. */
interface FieldNode {
  readonly name: Readonly<Record<Lang, string>>;
  /** The name stands alone, without the names of the objects that hold it (a component). */
  readonly standalone?: boolean;
  /** The fields are named without this node's name (`服务对象代表评价的“满意”票数`, not `…的测评票的…`). */
  readonly through?: boolean;
  readonly fields?: Readonly<Record<string, FieldNode>>;
  readonly item?: ListItem;
  /** How an object keyed by names (a box's marks, a survey's groups) names the entry under a key. */
  readonly entry?: KeyedEntry;
}

/** How an object keyed by names names the entry under `key`, from the name of its owner. */
interface KeyedEntry {
  readonly zh: (owner: string, key: string) => string;
  readonly en: (owner: string, key: string) => string;
  readonly fields?: Readonly<Record<string, FieldNode>>;
}

/** How a list names its `n`-th item (counting from 1), from the name of the list's owner. */
interface ListItem {
  readonly zh: (owner: string, n: number) => string;
  readonly en: (owner: string, n: number) => string;
  readonly fields: Readonly<Record<string, FieldNode>>;
}

const leaf = (zh: string, en: string): FieldNode => ({ name: { zh, en } });
const group = (zh: string, en: string, fields: Readonly<Record<string, FieldNode>>, through = false): FieldNode => ({
  name: { zh, en },
  fields,
  through,
});
const list = (zh: string, en: string, item: ListItem): FieldNode => ({ name: { zh, en }, item });

const ballots = (answer: keyof typeof BALLOT_NAMES): FieldNode => leaf(`“${BALLOT_NAMES[answer].zh}”票数`, `${BALLOT_NAMES[answer].en} ballots`);
const weight = (answer: keyof typeof BALLOT_NAMES): FieldNode =>
  leaf(`“${BALLOT_NAMES[answer].zh}”票的权重`, `the weight of a ${BALLOT_NAMES[answer].en} ballot`);

const ROUND: ListItem = {
  zh: (owner, n) => `${owner}第 ${n} 轮`,
  en: (owner, n) => `round ${n} of ${owner}`,
  fields: {
    id: leaf("编号", "id"),
    date: leaf("日期", "date"),
    score: leaf("得分", "score"),
    outOf: leaf("本轮满分", "full marks"),
    note: leaf("备注", "note"),
  },
};

const BALLOTS = group(
  "测评票",
  "ballots",
  {
    satisfied: ballots("satisfied"),
    basicallySatisfied: ballots("basicallySatisfied"),
    dissatisfied: ballots("dissatisfied"),
    unknown: ballots("unknown"),
  },
  true,
);

/** A survey's counts per rater group (docs/ballots.md): `服务对象代表评价“商户”类的“满意”票数`. */
const GROUPS: FieldNode = {
  name: { zh: "各类评价人的票数", en: "the counts per rater group" },
  entry: {
    zh: (owner, key) => `${owner}“${key}”类`,
    en: (owner, key) => `the group "${key}" of ${owner}`,
    fields: BALLOTS.fields as Readonly<Record<string, FieldNode>>,
  },
};

/** A ballot of a box (docs/ballots.md): `第 3 张票`, its marks `第 3 张票对 cgjdk 的评价`. */
const BALLOT: ListItem = {
  zh: (_owner, n) => `第 ${n} 张票`,
  en: (_owner, n) => `ballot ${n}`,
  fields: {
    id: leaf("票号", "id"),
    group: leaf("评价人类别", "rater group"),
    rater: leaf("评价人标识", "rater token"),
    seconds: leaf("用时（秒）", "time taken"),
    marks: {
      name: { zh: "评价", en: "marks" },
      through: true,
      entry: { zh: (owner, key) => `${owner}对 ${key} 的评价`, en: (owner, key) => `the mark for ${key} on ${owner}` },
    },
  },
};

function componentNode(id: (typeof COMPONENT_IDS)[number]): FieldNode {
  const name = { zh: COMPONENT_NAMES[id].zh, en: COMPONENT_NAMES[id].en.replace(/ \(.*\)$/, "") };
  switch (id) {
    case "complaints":
      return {
        name,
        standalone: true,
        fields: {
          complaints: list("投诉记录", "complaints", {
            zh: (_owner, n) => `第 ${n} 件投诉`,
            en: (_owner, n) => `complaint ${n}`,
            fields: { id: leaf("编号", "id"), date: leaf("日期", "date"), verified: leaf("“是否查实”", "verified flag"), deduction: leaf("扣分", "deduction") },
          }),
        },
      };
    case "serviceRecipients":
    case "deputies":
    case "countyCounterparts":
      return { name, standalone: true, fields: { ballots: BALLOTS, date: leaf("测评日期", "date"), groups: GROUPS } };
    case "cityLeaders":
      return {
        name,
        standalone: true,
        fields: {
          scores: list("评分记录", "scores", {
            zh: (owner, n) => `${owner}第 ${n} 项`,
            en: (owner, n) => `entry ${n} of ${owner}`,
            fields: { by: leaf("评分人", "by"), score: leaf("分数", "score"), date: leaf("日期", "date") },
          }),
        },
      };
    default:
      return { name, standalone: true, fields: { rounds: list("各轮记录", "rounds", ROUND) } };
  }
}

const COMPONENT_FIELDS: Readonly<Record<string, FieldNode>> = Object.fromEntries(COMPONENT_IDS.map((id) => [id, componentNode(id)]));

const PARTICIPANT = group("参评对象", "the participant", {
  id: leaf("编号", "id"),
  name: leaf("名称", "name"),
  unit: leaf("所在单位", "unit"),
  category: leaf("类别", "category"),
});

const LEVEL_FIELDS = (prefix: Readonly<Record<Lang, string>>): Readonly<Record<string, FieldNode>> =>
  Object.fromEntries(
    (Object.entries(LEVEL_NAMES) as [string, Readonly<Record<Lang, string>>][]).map(([level, name]) => [
      level,
      leaf(`${name.zh}${prefix.zh}`, `${level} ${prefix.en}`),
    ]),
  );

/** The fields of a score input (docs/formats.md) and of a policy file (docs/assumptions.md); their top keys differ. */
const ROOT: FieldNode = group("输入", "the input", {
  year: leaf("考评年度", "the year"),
  participant: PARTICIPANT,
  components: group("考评项目", "the components", COMPONENT_FIELDS),
  commendations: list("表彰表扬", "commendations", {
    zh: (_owner, n) => `第 ${n} 项表彰`,
    en: (_owner, n) => `commendation ${n}`,
    fields: {
      id: leaf("编号", "id"),
      matter: leaf("事项", "matter"),
      level: leaf("级别", "level"),
      recipient: leaf("授予对象", "recipient"),
      documentNumber: leaf("文号", "document number"),
      approved: leaf("“是否审核通过”", "approved flag"),
      title: leaf("名称", "title"),
      issuer: leaf("发文单位", "issuer"),
      awarded: leaf("酌情加分", "awarded points"),
    },
  }),
  vetoes: list("一票否决事项", "vetoes", {
    zh: (_owner, n) => `第 ${n} 项否决事项`,
    en: (_owner, n) => `veto ${n}`,
    fields: {
      id: leaf("编号", "id"),
      ground: leaf("否决依据", "ground"),
      subject: leaf("涉及对象", "subject"),
      date: leaf("日期", "date"),
      confirmed: leaf("“是否认定”", "confirmed flag"),
      reference: leaf("文书编号", "reference"),
      reason: leaf("原因", "reason"),
    },
  }),
  // A ballot box (docs/ballots.md).
  component: leaf("考评项目", "the component"),
  date: leaf("测评日期", "the survey date"),
  issued: leaf("发出票数", "the number of ballots issued"),
  ballots: list("测评票", "the ballots", BALLOT),
  // A policy file (definePolicy's overrides).
  id: leaf("政策编号", "the policy id"),
  label: leaf("政策名称", "the policy label"),
  surveyWeights: group("测评票权重", "the survey weights", {
    satisfied: weight("satisfied"),
    basicallySatisfied: weight("basicallySatisfied"),
    dissatisfied: weight("dissatisfied"),
  }, true),
  complaintDeduction: leaf("经查实投诉每件的扣分", "the deduction per complaint"),
  minRounds: leaf("每年不少于的督查次数", "the minimum rounds"),
  commendationPoints: group("表彰加分", "the commendation points", LEVEL_FIELDS({ zh: "表彰的加分", en: "commendation points" }), true),
  unitCeiling: leaf("单位表彰的酌情加分上限", "the unit commendation ceiling"),
  bonusCap: leaf("加分上限", "the bonus cap"),
  tiers: list("等次分数线", "the tiers", {
    zh: (_owner, n) => `第 ${n} 条等次分数线`,
    en: (_owner, n) => `tier ${n}`,
    fields: { tier: leaf("等次", "tier"), min: leaf("最低分", "minimum") },
  }),
  excellentQuota: leaf("优秀等次比例", "the excellent quota"),
  decimals: leaf("保留小数位数", "the decimals"),
  ballotQuorum: leaf("测评票最低收回率", "the ballot quorum"),
  repeatedRater: leaf("重复评价人的处理", "the rule for repeated raters"),
  minSeconds: leaf("最短答题用时（秒）", "the shortest time per ballot"),
  groupWeights: group("评价人类别权重", "the rater group weights", {
    serviceRecipients: leaf(`${COMPONENT_NAMES.serviceRecipients.zh}的评价人类别权重`, "the group weights of serviceRecipients"),
    deputies: leaf(`${COMPONENT_NAMES.deputies.zh}的评价人类别权重`, "the group weights of deputies"),
    countyCounterparts: leaf(`${COMPONENT_NAMES.countyCounterparts.zh}的评价人类别权重`, "the group weights of countyCounterparts"),
  }, true),
});

/** A list of score results (what `rank` reads): `第 2 条结果的总分`. */
const RESULTS: FieldNode = list("计分结果", "the results", {
  zh: (_owner, n) => `第 ${n} 条结果`,
  en: (_owner, n) => `result ${n}`,
  fields: {
    year: leaf("考评年度", "year"),
    participant: PARTICIPANT,
    policy: group("计分政策", "policy", { id: leaf("计分政策", "policy") }, true),
    status: leaf("状态", "status"),
    vetoed: leaf("“是否否决”", "vetoed flag"),
    tier: leaf("等次", "tier"),
    total: leaf("总分", "total"),
  },
});

/** A named field: its words, and the node it reached (for the keys it may hold). */
interface Named {
  readonly text: string;
  readonly node: FieldNode | undefined;
}

function walk(path: readonly (string | number)[], lang: Lang): Named {
  let node: FieldNode | undefined = typeof path[0] === "number" ? RESULTS : ROOT;
  let text = "";
  // The name of the object holding the current list, which names its items: `日常督查` + `第 2 轮`.
  let owner = "";
  for (const part of path) {
    if (typeof part === "number") {
      const item: ListItem | undefined = node?.item;
      if (item === undefined) return { text: "", node: undefined };
      text = item[lang](owner, part + 1);
      node = { name: { zh: text, en: text }, fields: item.fields };
      continue;
    }
    const next: FieldNode | undefined = node?.fields !== undefined && Object.hasOwn(node.fields, part) ? node.fields[part] : undefined;
    if (next === undefined && node?.entry !== undefined) {
      const entry: KeyedEntry = node.entry;
      text = entry[lang](owner === "" || node.through !== true ? text.replace(/的各类评价人的票数$|^the counts per rater group of /, "") : owner, part);
      node = { name: { zh: text, en: text }, ...(entry.fields === undefined ? {} : { fields: entry.fields }), through: true };
      owner = text;
      continue;
    }
    if (next === undefined) return { text: "", node: undefined };
    if (node?.through === true) text = owner;
    else owner = text;
    const name = next.name[lang];
    if (text === "" || next.standalone === true) text = name;
    else text = lang === "zh" ? `${text}的${name}` : `${name.startsWith("the ") ? name : `the ${name}`} of ${text}`;
    node = next;
  }
  return { text, node };
}

/**
 * The words for a path, or `""` when the path leaves the known fields (an unknown key, a result
 * list): a message then names the field by its path alone.
 *
 * @example
 * ```ts
 * fieldName(["components", "routineInspection", "rounds", 1, "score"], "zh"); //=> "日常督查第 2 轮的得分"
 * fieldName(["participant", "category"], "en"); //=> "category of the participant"
 * ```
 */
export function fieldName(path: readonly (string | number)[], lang: Lang): string {
  return path.length === 0 ? "" : walk(path, lang).text;
}

/**
 * The name of a key under the object at `path` (for a suggestion: `routineInspection（日常督查）`),
 * or `undefined` when the tree has no name for it.
 *
 * @example
 * ```ts
 * keyName(["components"], "routineInspection", "zh"); //=> "日常督查"
 * ```
 */
export function keyName(path: readonly (string | number)[], key: string, lang: Lang): string | undefined {
  const fields = path.length === 0 ? ROOT.fields : walk(path, lang).node?.fields;
  return fields !== undefined && Object.hasOwn(fields, key) ? fields[key]?.name[lang] : undefined;
}

/**
 * The name of an enum member where the table of names knows it (`public-service` → `公共服务`).
 *
 * @example
 * ```ts
 * valueName("provincial", "zh", LEVEL_NAMES); //=> "省部级"
 * ```
 */
export function valueName(value: string, lang: Lang, ...tables: readonly Words<string>[]): string | undefined {
  for (const table of tables) if (Object.hasOwn(table, value)) return table[value]?.[lang];
  return undefined;
}
