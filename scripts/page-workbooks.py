#!/usr/bin/python3
"""Writes the office workbooks the offline page's browser tests load, with openpyxl (as a clerk's
spreadsheet program would, not with the package's own writer):

  test/fixtures/page/examples-2022.xlsx  the seven bodies of examples/2022 (SPEC section 10 layout)
  test/fixtures/page/bodies-100.xlsx     100 bodies derived from them (for the load-and-rank figure)
  test/fixtures/page/wrong-cells.xlsx    the examples with a score that is not a number (督查暗访!D3)
                                         and a body id no row of 参评对象 has (投诉!A2)

Dates are date cells, scores numeric cells, ids text cells. Run from the repository root:
  /usr/bin/python3 scripts/page-workbooks.py
"""
import datetime
import glob
import json
import os

import openpyxl

ROUND_LABELS = {"routineInspection": "日常督查", "specialInspection": "专项督查", "unannouncedVisit": "随机暗访"}
SURVEY_LABELS = {"serviceRecipients": "服务对象代表评价", "deputies": "“两代表一委员”评价", "countyCounterparts": "县市区对口部门评价"}
CATEGORY = {"public-service": "公共服务", "law-enforcement": "行政执法", "comprehensive-management": "综合管理(审批)"}
LEVEL = {"municipal": "市委市政府", "provincial-department": "省直单位", "provincial": "省部级", "national": "党中央国务院"}
RECIPIENT = {"participant": "本人", "section": "科室", "unit": "单位"}
GROUND = {"case-filed": "立案查处", "disciplinary-sanction": "党纪政务处分", "media-exposure": "媒体曝光或通报批评", "vote-rigging": "拉票干扰考评", "other": "其他"}
SUBJECT = {"participant": "本人", "staff": "工作人员"}

HEADERS = {
    "参评对象": ["编号", "名称", "单位", "类别", "考评年度"],
    "督查暗访": ["编号", "考评项目", "日期", "得分", "满分", "轮次编号", "备注"],
    "投诉": ["编号", "投诉编号", "受理日期", "是否查实", "扣分"],
    "测评": ["编号", "考评项目", "满意", "基本满意", "不满意", "不了解", "测评日期"],
    "市领导评分": ["编号", "得分", "评分人", "日期"],
    "表彰": ["编号", "表彰编号", "事项", "层级", "对象", "文号", "已审核", "表彰名称", "发文机关", "加分"],
    "一票否决": ["编号", "否决编号", "情形", "涉及", "日期", "已认定", "依据", "原因"],
}
TEXT_COLUMNS = {"编号", "轮次编号", "投诉编号", "表彰编号", "否决编号", "文号", "依据"}


def date(text):
    return None if text is None else datetime.date.fromisoformat(text)


def number(value):
    """A JSON number or decimal string as a numeric cell's value."""
    if value is None:
        return None
    text = str(value)
    return int(text) if "." not in text else float(text)


def yes(flag):
    return "是" if flag else "否"


def rows_of(inputs):
    sheets = {name: [] for name in HEADERS}
    for body in inputs:
        p = body["participant"]
        pid = p["id"]
        sheets["参评对象"].append([pid, p["name"], p.get("unit"), CATEGORY[p["category"]], body["year"]])
        components = body["components"]
        for cid, label in ROUND_LABELS.items():
            for r in components.get(cid, {}).get("rounds", []):
                sheets["督查暗访"].append([pid, label, date(r["date"]), number(r["score"]), number(r.get("outOf")), r.get("id"), r.get("note")])
        for c in components.get("complaints", {}).get("complaints", []):
            sheets["投诉"].append([pid, c["id"], date(c["date"]), yes(c["verified"]), number(c.get("deduction"))])
        for cid, label in SURVEY_LABELS.items():
            survey = components.get(cid)
            if survey is None:
                continue
            b = survey["ballots"]
            sheets["测评"].append([pid, label, b["satisfied"], b["basicallySatisfied"], b["dissatisfied"], b.get("unknown"), date(survey.get("date"))])
        for s in components.get("cityLeaders", {}).get("scores", []):
            sheets["市领导评分"].append([pid, number(s["score"]), s.get("by"), date(s.get("date"))])
        for c in body.get("commendations", []):
            sheets["表彰"].append([pid, c["id"], c["matter"], LEVEL[c["level"]], RECIPIENT[c["recipient"]], c["documentNumber"], yes(c["approved"]), c.get("title"), c.get("issuer"), number(c.get("awarded"))])
        for v in body.get("vetoes", []):
            sheets["一票否决"].append([pid, v["id"], GROUND[v["ground"]], SUBJECT[v["subject"]], date(v["date"]), yes(v["confirmed"]), v.get("reference"), v.get("reason")])
    return sheets


def write(inputs, path, spoil=None):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in rows_of(inputs).items():
        sheet = book.create_sheet(name)
        headers = HEADERS[name]
        sheet.append(headers)
        for row in rows:
            sheet.append(row)
        for column, header in enumerate(headers, start=1):
            for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
                if header in TEXT_COLUMNS and cell.value is not None:
                    cell.value = str(cell.value)
                    cell.number_format = "@"
                elif isinstance(cell.value, datetime.date):
                    cell.number_format = "yyyy-mm-dd"
    if spoil is not None:
        spoil(book)
    book.save(path)


def spoil(book):
    book["督查暗访"]["D3"] = "二十三"
    book["投诉"]["A2"] = "nobody"


def derived(examples, count):
    """`count` bodies cycling through the examples, each with its own id and name and slightly lower round scores."""
    bodies = []
    for i in range(count):
        body = json.loads(json.dumps(examples[i % len(examples)]))
        body["participant"]["id"] = f"b{i + 1:03d}"
        body["participant"]["name"] = f"{body['participant']['name']}（{i // len(examples) + 1}）"
        step = (i * 7) % 20
        for cid in ROUND_LABELS:
            for r in body["components"].get(cid, {}).get("rounds", []):
                score = max(0.0, float(str(r["score"])) - step * 0.05)
                r["score"] = f"{score:.2f}"
        bodies.append(body)
    return bodies


def main():
    examples = [json.load(open(path, encoding="utf-8")) for path in sorted(glob.glob("examples/2022/*.json"))]
    os.makedirs("test/fixtures/page", exist_ok=True)
    write(examples, "test/fixtures/page/examples-2022.xlsx")
    write(derived(examples, 100), "test/fixtures/page/bodies-100.xlsx")
    write(examples, "test/fixtures/page/wrong-cells.xlsx", spoil)


if __name__ == "__main__":
    main()
