"""Checks the DOM that headless Chromium rendered for FellowMatch's pages.

Usage: check_pages.py WORK_DIR SCENARIO_DIR. Prints one line per check and
closes with 'N passed, N failed'; exits 1 when any check failed.
check_pages.py --count FILE.pdf prints the PDF's number of pages.
"""
import csv
import glob
import json
import os
import re
import sys

# The most US-letter pages the demo's printed report may take (issue 27).
MAX_PRINTED_PAGES = 4


def pdf_pages(path):
    """The pages of a PDF, in pure Python: its /Type /Page objects (not the
    /Pages tree nodes), checked against the page tree's root /Count."""
    with open(path, "rb") as f:
        data = f.read()
    pages = len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", data))
    counts = [int(n) for n in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", data)]
    counts += [int(n) for n in re.findall(rb"/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", data)]
    return pages, max(counts) if counts else None
from html.parser import HTMLParser


class Page(HTMLParser):
    """The text and the elements (tag, attributes, section) of a page."""

    def __init__(self):
        super().__init__()
        self.elements = []
        self.text = []
        self.sections = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "section":
            self.sections.append(a.get("id", ""))
        self.elements.append((tag, a, self.sections[-1] if self.sections else ""))

    def handle_endtag(self, tag):
        if tag == "section" and self.sections:
            self.sections.pop()

    def handle_data(self, data):
        self.text.append(data)

    def all_text(self):
        return " ".join(" ".join(self.text).split())


def load(path):
    p = Page()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    return p


def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def main():
    if sys.argv[1] == "--count":
        print(pdf_pages(sys.argv[2])[0])
        return
    work, scenario = sys.argv[1], sys.argv[2]
    results = []

    def check(name, ok, detail=""):
        results.append(ok)
        print(("ok     " if ok else "FAILED ") + name + ("" if ok or not detail else ": " + detail))

    fellows = rows(os.path.join(scenario, "fellows.csv"))
    summary = json.load(open(os.path.join(work, "run", "summary.json"), encoding="utf-8"))

    report = load(os.path.join(work, "report.dom.html"))
    text = report.all_text()
    missing = [f["name"] for f in fellows if f["name"] not in text]
    check("report: every fellow's name is on the page", not missing, ", ".join(missing))
    bars = [a for t, a, s in report.elements if t == "rect" and "bar" in a.get("class", "").split() and s == "ranks"]
    charts = [a for t, a, s in report.elements if t == "svg" and s == "ranks"]
    ranks = sorted(summary["rank_profile"], key=int)
    check("report: the rank chart is an SVG with one bar per rank", len(charts) == 1 and len(bars) == len(ranks),
          f"{len(charts)} charts, {len(bars)} bars for ranks {ranks}")
    values = {a.get("data-label"): a.get("data-value") for a in bars}
    check("report: each bar shows its rank's count",
          all(values.get(f"{r}{'st' if r == '1' else 'nd' if r == '2' else 'rd' if r == '3' else 'th'}") == str(n)
              for r, n in summary["rank_profile"].items()), str(values))
    check("report: the bars and axes are labelled", "Choice (the fellow's rank of the lab)" in text and "New fellows" in text)
    months = [a for t, a, s in report.elements if t == "div" and a.get("class") == "month"]
    check("report: the seminar calendar has its months", any(s == "seminars" for _, _, s in report.elements) and len(months) >= 9,
          f"{len(months)} months")
    check("report: funding sources are shown to the office", "NLM T15 training grant" in text)

    public = load(os.path.join(work, "report-public.dom.html"))
    ptext = public.all_text()
    check("public report: every fellow's name is on the page", all(f["name"] in ptext for f in fellows))
    lowered = ptext.lower()
    leaks = [w for w in ("citizen", "permanent resident", "citizenship", "external") if w in lowered]
    check("public report: no citizenship or external funding", not leaks, ", ".join(leaks))
    sources = rows(os.path.join(scenario, "funding.csv"))
    leaked = [s["name"] for s in sources if s["name"] and s["name"] in ptext] + [s["id"] for s in sources if s["id"] in ptext]
    check("public report: no funding source", not leaked, ", ".join(leaked))
    reasons = [r["reason"] for r in rows(os.path.join(scenario, "availability.csv")) if r.get("reason")]
    shown = [r for r in reasons if r in ptext]
    check("public report: no availability reason", not shown, ", ".join(shown))
    with open(os.path.join(work, "run", "placements-public.csv"), encoding="utf-8") as f:
        pcsv = f.read()
    check("public placements.csv: no funding split or citizenship",
          "funding" not in pcsv.splitlines()[0] and "citizen" not in pcsv and not any(s["id"] in pcsv for s in sources))

    comparison = load(os.path.join(work, "comparison.dom.html"))
    ctext = comparison.all_text()
    labels = ["base"] + sorted(os.path.splitext(n)[0] for n in os.listdir(os.path.join(scenario, "what-if")) if n.endswith(".toml"))
    check("comparison: every scenario is a column", all(l in ctext for l in labels))
    cbars = [a for t, a, s in comparison.elements if t == "rect" and "bar" in a.get("class", "").split() and s == "ranks"]
    data = json.load(open(os.path.join(work, "compare", "comparison.json"), encoding="utf-8"))
    expected = len({r for c in data for r in c["rank_profile"]}) * len(data)
    check("comparison: the rank chart has a bar per rank and scenario", len(cbars) == expected, f"{len(cbars)} of {expected}")
    moves = sum(len(c.get("moves") or []) for c in data)
    move_rows = [1 for t, a, s in comparison.elements if t == "tr" and s == "moves"]
    check("comparison: the per-fellow moves are listed", moves > 0 and len(move_rows) > moves // 2, f"{len(move_rows)} rows")

    pdf = os.path.join(work, "report.pdf")
    pages, count = pdf_pages(pdf)
    check(f"printed report: at most {MAX_PRINTED_PAGES} letter pages", 0 < pages <= MAX_PRINTED_PAGES,
          f"{pages} pages")
    check("printed report: the page objects agree with the page tree", count is None or count == pages,
          f"{pages} page objects, /Count {count}")
    sessions = rows(os.path.join(scenario, "sessions.csv"))
    items = [a for t, a, s in report.elements if t == "li" and s == "seminars"]
    check("report: the printable list of seminar dates has every session, empty ones too",
          len(items) == len(sessions), f"{len(items)} items for {len(sessions)} sessions")
    texts = sorted(glob.glob(os.path.join(work, "report-page-*.txt")))
    if texts:
        stamp = "Draft, not recorded in the run history."
        unstamped = [os.path.basename(t) for t in texts
                     if stamp not in " ".join(open(t, encoding="utf-8").read().split())]
        check("printed report: the stamp is on every page", len(texts) == pages and not unstamped,
              ", ".join(unstamped) or f"{len(texts)} of {pages} pages")
    else:
        print("skip   printed report: the stamp on every page (needs pdftotext, poppler-utils)")

    passed = sum(results)
    print(f"{passed} passed, {len(results) - passed} failed")
    sys.exit(0 if passed == len(results) else 1)


if __name__ == "__main__":
    main()
