#!/usr/bin/env bash
# Thesis committees and defenses at a consortium's scale (issue 31): generates
# (with the first binary) the two committee shapes of `fellowmatch generate
# --committees` at FELLOWS new fellows (971 gives 728 second years, the
# 1,700-fellow consortium), without a seminar series so that committees and
# defenses are timed alone, then runs each binary given REPEAT times with
# `--timings --time-limit LIMIT` and prints per shape and binary the medians
# of the committee and defense phases, what was formed and proved, and the
# size of the model solved (summary.json's `model`; none when the direct
# committees were proved best).
#   Benchmarks/Scripts/committees.sh FELLOWS REPEAT LIMIT BINARY [BASELINE]
set -uo pipefail
fellows=$1; repeat=$2; limit=$3; shift 3
first=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for shape in ample tight; do
    "$first" generate --fellows "$fellows" --committees "$shape" --out "$work/$shape" >/dev/null
    rm -f "$work/$shape/sessions.csv"
done
for shape in ample tight; do
    for bin in "$@"; do
        bin=$(realpath "$bin")
        echo "== $shape, $bin (load $(cut -d' ' -f1-3 /proc/loadavg))"
        for k in $(seq 1 "$repeat"); do
            out="$work/out-$k"
            /usr/bin/time -f "whole %e s, peak %M KB" "$bin" run "$work/$shape" --no-history --out "$out" \
                --timings --time-limit "$limit" >/dev/null 2>"$work/err-$k"
            grep -E '^  (committees|defenses|thesis diagnosis) |^whole' "$work/err-$k" | tr '\n' ' '
            python3 - "$out/summary.json" <<'P'
import json, sys
s = json.load(open(sys.argv[1]))
c, d = s.get("committees", {}), s.get("defenses", {})
def size(e):
    m = e.get("model")
    return "no model" if m is None else "model %d rows x %d columns (%d binaries), %d of %d choices" % (
        m["rows"], m["columns"], m["binaries"], m["choices_kept"], m["choices_possible"])
print("\n    committees: %d formed, %d without, proved %s, worst %s, total %s, max load %s; %s" % (
    len(c.get("committees", [])), len(c.get("without_committee", [])), c.get("proved"),
    c.get("worst_expertise"), c.get("total_expertise"), c.get("max_load"), size(c)))
print("    defenses: %d held, %d without, proved %s; %s" % (
    len(d.get("defenses", [])), len(d.get("without_defense", [])), d.get("proved"), size(d)))
P
            rm -rf "$out"
        done
    done
done
