#!/usr/bin/env python3
"""Writes the workbook fixtures of Tests/WorkbooksTests with openpyxl, a
writer other than FellowMatch's own (libxlsxwriter): inline strings, no
shared strings part, real dates and times, formulas without cached values.

    pip install openpyxl==3.1.5
    python3 Tests/WorkbooksTests/Fixtures/make-fixtures.py

The .xlsx files it writes are committed; never edit them by hand.
"""
import csv
import datetime
import os
import tomllib

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
DEMO = os.path.join(HERE, "..", "..", "..", "Scenarios", "demo")
DATE_COLUMNS = {"date", "withdrawn_on"}
TIME_COLUMNS = {"start", "end"}
NUMBER_COLUMNS = {"capacity", "cost", "external_funding", "budget", "rank", "score"}


def typed(column, text):
    """A CSV cell as a spreadsheet keeps it: dates, times and numbers typed."""
    if text == "":
        return None
    if column in DATE_COLUMNS:
        return datetime.date.fromisoformat(text)
    if column in TIME_COLUMNS:
        h, m = text.split(":")
        return datetime.time(int(h), int(m))
    if column in NUMBER_COLUMNS:
        number = float(text)
        return int(number) if number.is_integer() else number
    return text


def flatten(table, prefix=""):
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            yield from flatten(value, name + ".")
        else:
            yield name, value


def toml_text(value):
    if isinstance(value, list):
        return "[" + ", ".join(toml_text(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {toml_text(v)}" for k, v in value.items()) + " }"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return str(value)


def demo_workbook(date1904=False):
    wb = openpyxl.Workbook()
    wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904 if date1904 else openpyxl.utils.datetime.CALENDAR_WINDOWS_1900
    readme = wb.active
    readme.title = "README"
    readme["A1"] = "The demo scenario, written by openpyxl."
    settings = wb.create_sheet("scenario")
    settings.append(["key", "value"])
    with open(os.path.join(DEMO, "scenario.toml"), "rb") as f:
        for key, value in flatten(tomllib.load(f)):
            if isinstance(value, (list, dict)):
                value = toml_text(value)
            settings.append([key, value])
    for name in sorted(os.listdir(DEMO)):
        if not name.endswith(".csv"):
            continue
        sheet = wb.create_sheet(name[:-4])
        with open(os.path.join(DEMO, name), newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        header = rows[0]
        sheet.append(header)
        for row in rows[1:]:
            sheet.append([typed(c, v) for c, v in zip(header, row)])
            for cell, column in zip(sheet[sheet.max_row], header):
                if column in DATE_COLUMNS:
                    cell.number_format = "yyyy-mm-dd"
                elif column in TIME_COLUMNS:
                    cell.number_format = "h:mm"
    return wb


def main():
    demo_workbook().save(os.path.join(HERE, "demo-openpyxl.xlsx"))
    demo_workbook(date1904=True).save(os.path.join(HERE, "demo-openpyxl-1904.xlsx"))

    # Every lab's capacity as a formula giving the same number, saved without
    # values (LibreOffice computes and stores them: make-libreoffice-fixture.sh).
    wb = demo_workbook()
    labs = wb["labs"]
    capacity = [c.value for c in labs[1]].index("capacity") + 1
    for row in range(2, labs.max_row + 1):
        cell = labs.cell(row=row, column=capacity)
        cell.value = f"={cell.value}*2-{cell.value}"
    wb.save(os.path.join(HERE, "formulas-openpyxl.xlsx"))

    wb = demo_workbook()
    labs = wb["labs"]
    labs["E3"] = "=2+3"  # a formula openpyxl saves without its value
    labs.append([])
    labs.append(["lab99", "Below a blank row", "Somewhere", "a", 1])
    wb["fellows"].merge_cells("B2:C2")
    wb["mentors"].title = "mentor"
    wb.save(os.path.join(HERE, "mistakes-openpyxl.xlsx"))


if __name__ == "__main__":
    main()
