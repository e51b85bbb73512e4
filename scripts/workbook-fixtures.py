"""Writes the sheets of sheets.json as an .xlsx with openpyxl (see scripts/workbook-fixtures.mjs).

Usage: python3 scripts/workbook-fixtures.py sheets.json out.xlsx

Cells: {"t": "s"} text, {"t": "n"} number, {"t": "d"} a date cell (yyyy-mm-dd), {"t": "b"} a boolean.
"""
import datetime
import json
import sys

from openpyxl import Workbook


def value(cell):
    if cell is None:
        return None
    kind, v = cell["t"], cell["v"]
    if kind == "d":
        return datetime.date.fromisoformat(v)
    return v


def main(source, target):
    with open(source, encoding="utf-8") as f:
        book = json.load(f)
    wb = Workbook()
    wb.remove(wb.active)
    for sheet in book:
        ws = wb.create_sheet(sheet["name"])
        ws.append(sheet["headers"])
        for row in sheet["rows"]:
            ws.append([value(c) for c in row])
            for cell, spec in zip(ws[ws.max_row], row):
                if spec is not None and spec["t"] == "d":
                    cell.number_format = "yyyy-mm-dd"
                if spec is not None and spec["t"] == "s":
                    cell.number_format = "@"
    wb.save(target)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
