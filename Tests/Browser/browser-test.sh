#!/usr/bin/env bash
# Browser test of the pages FellowMatch writes (issue 13): renders the demo's
# report.html, report-public.html and comparison.html in headless Chromium
# (Debian's `chromium`), saves screenshots, and checks the rendered DOM.
#
#   bash Tests/Browser/browser-test.sh                  # screenshots in .build/browser-test/
#   bash Tests/Browser/browser-test.sh --update-readme  # also copies the report's screenshot to docs/images/report.png
#
# Needs: chromium (apt-get install chromium), python3, a built fellowmatch (swift build).
set -euo pipefail
cd "$(dirname "$0")/../.."

work=".build/browser-test"
rm -rf "$work"
mkdir -p "$work"
chromium_bin=$(command -v chromium || command -v chromium-browser || true)
[ -n "$chromium_bin" ] || { echo "browser test: chromium is not installed (apt-get install chromium)"; exit 2; }

swift build --product fellowmatch >/dev/null
bin="$(swift build --show-bin-path)/fellowmatch"
"$bin" run Scenarios/demo --out "$work/run" --public --no-history --fresh >/dev/null
"$bin" compare Scenarios/demo Scenarios/demo/what-if/*.toml --out "$work/compare" >/dev/null 2>&1

render() { # page, name, height
    local page="$(pwd)/$1" name="$2" height="$3"
    "$chromium_bin" --headless --no-sandbox --disable-gpu --hide-scrollbars --run-all-compositor-stages-before-draw \
        --dump-dom "file://$page" > "$work/$name.dom.html" 2>/dev/null
    "$chromium_bin" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,"$height" \
        --screenshot="$work/$name.png" "file://$page" >/dev/null 2>&1
    [ -s "$work/$name.dom.html" ] && [ -s "$work/$name.png" ] || { echo "browser test: chromium rendered nothing for $1"; exit 1; }
}
render "$work/run/report.html" report 1600
render "$work/run/report-public.html" report-public 1600
render "$work/compare/comparison.html" comparison 1600

# The report printed to PDF (US letter, as a coordinator prints it): check_pages.py counts its pages.
"$chromium_bin" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$work/report.pdf" "file://$(pwd)/$work/run/report.html" >/dev/null 2>&1
[ -s "$work/report.pdf" ] || { echo "browser test: chromium printed nothing for report.html"; exit 1; }
# Where poppler-utils is installed: the printed pages as text (the stamp check) and as images to look at.
if command -v pdftotext >/dev/null 2>&1; then
    pages=$(python3 Tests/Browser/check_pages.py --count "$work/report.pdf")
    for ((p = 1; p <= pages; p++)); do
        pdftotext -f "$p" -l "$p" "$work/report.pdf" "$work/report-page-$p.txt"
    done
fi
if command -v pdftoppm >/dev/null 2>&1; then pdftoppm -r 80 -png "$work/report.pdf" "$work/report-print"; fi

python3 Tests/Browser/check_pages.py "$work" Scenarios/demo
if [ "${1:-}" = "--update-readme" ]; then
    mkdir -p docs/images
    cp "$work/report.png" docs/images/report.png
    echo "browser test: copied the report's screenshot to docs/images/report.png"
fi
echo "browser test: screenshots in $work/"
