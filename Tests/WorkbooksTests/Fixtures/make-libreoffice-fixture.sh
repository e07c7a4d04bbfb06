#!/usr/bin/env bash
# Writes demo-libreoffice.xlsx: the openpyxl demo workbook (made by
# make-fixtures.py) opened and saved again by LibreOffice, a third writer
# (shared strings, its own styles and date formats). Needs Debian's
# libreoffice-calc-nogui. The .xlsx it writes is committed; never edit it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/demo-openpyxl.xlsx" "$work/demo-libreoffice.xlsx"
mkdir "$work/out"
HOME="$work" soffice --headless --calc --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$work/out" \
    "$work/demo-libreoffice.xlsx" >/dev/null
cp "$work/out/demo-libreoffice.xlsx" "$here/demo-libreoffice.xlsx"
