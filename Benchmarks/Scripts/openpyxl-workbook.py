#!/usr/bin/env python3
"""Writes a scenario folder as a workbook with openpyxl, typed as the test
fixtures are (Tests/WorkbooksTests/Fixtures/make-fixtures.py: numbers,
dates and times as such, its `typed`), for the workbook-reading benchmark's
second shape: openpyxl writes every text as an inline string (no shared
strings part), where libxlsxwriter, the first shape, shares them.

    python3 Benchmarks/Scripts/openpyxl-workbook.py FOLDER FILE.xlsx

(make-fixtures.py's own loop asks for `sheet.max_row` per row, which
openpyxl computes over every cell: fine for the demo, hours for 5,000
fellows; here the row is counted.)
"""
import csv
import importlib.util
import os
import sys
import tomllib

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location(
    "make_fixtures", os.path.join(HERE, "..", "..", "Tests", "WorkbooksTests", "Fixtures", "make-fixtures.py"))
fixtures = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fixtures)


def workbook(folder):
    wb = openpyxl.Workbook()
    readme = wb.active
    readme.title = "README"
    readme["A1"] = "A generated scenario, written by openpyxl."
    settings = wb.create_sheet("scenario")
    settings.append(["key", "value"])
    with open(os.path.join(folder, "scenario.toml"), "rb") as f:
        for key, value in fixtures.flatten(tomllib.load(f)):
            settings.append([key, fixtures.toml_text(value) if isinstance(value, (list, dict)) else value])
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".csv"):
            continue
        sheet = wb.create_sheet(name[:-4])
        with open(os.path.join(folder, name), newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        header = rows[0]
        sheet.append(header)
        for r, row in enumerate(rows[1:], start=2):
            sheet.append([fixtures.typed(c, v) for c, v in zip(header, row)])
            for k, column in enumerate(header, start=1):
                if column in fixtures.DATE_COLUMNS:
                    sheet.cell(row=r, column=k).number_format = "yyyy-mm-dd"
                elif column in fixtures.TIME_COLUMNS:
                    sheet.cell(row=r, column=k).number_format = "h:mm"
    return wb


if __name__ == "__main__":
    workbook(sys.argv[1]).save(sys.argv[2])
