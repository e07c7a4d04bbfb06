#!/usr/bin/env python3
"""The workbook checks with another reader and writer than FellowMatch's own
(openpyxl): results.xlsx opens with numeric money and one row per fellow; the
template opens, and the template filled in with the demo's data runs to the
same placements as the demo folder.

    python3 Tests/Workbook/check_workbooks.py .build/debug/fellowmatch
"""
import csv
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEMO = os.path.join(ROOT, "Scenarios", "demo")
passed = failed = 0


def check(condition, what):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print(f"FAILED: {what}")


def run(binary, *args):
    env = dict(os.environ, FELLOWMATCH_HISTORY=os.path.join(work, "history.sqlite"))
    return subprocess.run([binary, *args], capture_output=True, text=True, env=env)


def results(binary):
    out = os.path.join(work, "out")
    r = run(binary, "run", DEMO, "--out", out, "--no-history")
    check(r.returncode == 0, f"run on the demo: {r.stderr}")
    wb = openpyxl.load_workbook(os.path.join(out, "results.xlsx"))
    check(wb.sheetnames[:2] == ["summary", "placements"], f"sheets {wb.sheetnames}")
    with open(os.path.join(DEMO, "fellows.csv"), encoding="utf-8") as f:
        fellows = sum(1 for _ in csv.DictReader(f))
    check(wb["placements"].max_row - 1 == fellows, "one placements row per fellow")
    amounts = [row[5] for row in wb["funding"].iter_rows(min_row=2, values_only=True)]
    check(all(isinstance(a, (int, float)) for a in amounts), "funding amounts are numbers")
    check(wb["funding"]["F2"].number_format.startswith("$"), "money is in currency format")
    budgets = [row[2:5] for row in wb["budgets"].iter_rows(min_row=2, values_only=True)]
    check(all(isinstance(v, (int, float)) for row in budgets for v in row), "budgets are numbers")
    check("input fellows" in wb.sheetnames, "the inputs are copied in")
    return out


def template(binary, folder_out):
    book = os.path.join(work, "template.xlsx")
    r = run(binary, "new", "--to", book)
    check(r.returncode == 0, f"new: {r.stderr}")
    wb = openpyxl.load_workbook(book)
    check("README" in wb.sheetnames and "fellows" in wb.sheetnames, "the template has its sheets")
    settings = wb["scenario"]
    for row in settings.iter_rows(min_row=2):
        row[0].value = row[1].value = None
    settings.append(["name", "Biomedical Informatics Fellowship"])
    settings.append(["intake", "2026-27"])
    settings.append(["objective.kind", "total-rank"])
    settings.append(["objective.mentor_weight", 0.2])
    settings.append(["funding.min_payment", 10000])
    settings.append(["tracks.imaging.max_new", 4])
    settings.append(["tracks.bioinformatics.min_new", 2])
    settings.append(["seminars.timezone", "America/New_York"])
    settings.append(["seminars.talks", '[{ status = "new", kind = "wip", count = 1 }, '
                     '{ status = "continuing", kind = "wip", count = 1 }, '
                     '{ status = "continuing", kind = "thesis", count = 1 }]'])
    settings.append(["seminars.mentor_required", '["thesis"]'])
    for name in sorted(os.listdir(DEMO)):
        if not name.endswith(".csv"):
            continue
        sheet = wb[name[:-4]]
        header = [c.value for c in sheet[1]]
        with open(os.path.join(DEMO, name), encoding="utf-8", newline="") as f:
            for k, row in enumerate(csv.DictReader(f)):
                for c, column in enumerate(header):
                    value = row.get(column, "")
                    if value != "":
                        sheet.cell(row=k + 2, column=c + 1, value=value)
    # Drop the template's empty rows of settings.
    filled = os.path.join(work, "filled.xlsx")
    wb.save(filled)
    out = os.path.join(work, "out-filled")
    r = run(binary, "run", filled, "--out", out, "--no-history")
    check(r.returncode == 0, f"run on the filled-in template: {r.stdout[-400:]} {r.stderr[-2000:]}")
    for name in ["placements.csv", "funding.csv"]:
        a = open(os.path.join(folder_out, name), encoding="utf-8").read()
        b = open(os.path.join(out, name), encoding="utf-8").read() if os.path.exists(os.path.join(out, name)) else ""
        check(a == b, f"{name} from the filled-in template equals the folder's")


if __name__ == "__main__":
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/fellowmatch"))
    work = tempfile.mkdtemp(prefix="fellowmatch-workbook-")
    try:
        template(binary, results(binary))
    finally:
        shutil.rmtree(work)
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
