#!/usr/bin/env bash
# Writes demo-libreoffice.xlsx and formulas-libreoffice.xlsx: the openpyxl
# workbooks of make-fixtures.py opened and saved again by LibreOffice, a third
# writer (shared strings, its own styles and date formats, and the formulas'
# values computed and stored). Needs Debian's libreoffice-calc-nogui. The
# .xlsx files it writes are committed; never edit them.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/out"
for name in demo formulas; do
    cp "$here/$name-openpyxl.xlsx" "$work/$name-libreoffice.xlsx"
    HOME="$work" soffice --headless --calc --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$work/out" \
        "$work/$name-libreoffice.xlsx" >/dev/null 2>&1
    cp "$work/out/$name-libreoffice.xlsx" "$here/$name-libreoffice.xlsx"
done
