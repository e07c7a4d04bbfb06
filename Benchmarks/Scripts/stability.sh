#!/usr/bin/env bash
# Issue 32's speed check: generated intakes with mentors' rankings, solved
# with the same objective (total-rank) without stability (`report`), with
# `stable` and with `fewest-blocking-pairs`, each REPS times with a time
# limit per solve, in one sitting. Prints one line per run (wall seconds,
# status, objective, placed, blocking pairs, the cost of stability) and then
# the medians per intake and requirement.
#   Benchmarks/Scripts/stability.sh BINARY [TIME_LIMIT=60] [REPS=3] [SIZES="300 1000"]
set -uo pipefail
bin=$(realpath "$1"); limit=${2:-60}; reps=${3:-3}; sizes=${4:-300 1000}
work=/tmp/fellowmatch-stability-bench
rm -rf "$work"; mkdir -p "$work"; cd "$work"
intakes=()
for n in $sizes; do
    "$bin" generate --fellows "$n" --no-sessions --mentor-ranks independent --out "independent-$n" >/dev/null
    intakes+=("independent-$n")
done
# The second shape: mentors mostly agree (one strength per fellow), on the smallest size.
first=${sizes%% *}
"$bin" generate --fellows "$first" --no-sessions --mentor-ranks correlated --out "correlated-$first" >/dev/null
intakes+=("correlated-$first")
for intake in "${intakes[@]}"; do
    for req in report stable fewest-blocking-pairs; do
        dir="$intake-$req"; cp -r "$intake" "$dir"
        sed -i "s/^allow_unplaced = true/allow_unplaced = true\nstability = \"$req\"/" "$dir/scenario.toml"
        for r in $(seq 1 "$reps"); do
            start=$(date +%s.%N)
            "$bin" run "$dir" --no-history --time-limit "$limit" --out "$dir/out-$r" >"$dir/out-$r.txt" 2>&1
            end=$(date +%s.%N)
            python3 - "$dir" "$r" "$start" "$end" <<'PY'
import json, sys
d, r, a, b = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
s = json.load(open(f"{d}/out-{r}/summary.json"))
placed = sum(s["rank_profile"].values())
pairs = sum(1 for p in s["blocking_pairs"] if p["kind"] == "blocks")
money = len(s["blocking_pairs"]) - pairs
cost = s.get("stability_cost")
c = "-" if cost is None else f'{cost["difference"]:g}{"" if cost["proved"] else " (not proved)"}'
print(f'{d}\t{r}\t{b - a:.1f}\t{s["placement_status"]}\t{s["objective"]}\t{s["bound"]}\t{placed}\t{pairs}+{money}\t{c}', flush=True)
PY
        done
    done
done | tee runs.tsv
echo
echo "median wall seconds per intake and requirement:"
python3 - <<'PY'
import statistics, collections
rows = collections.defaultdict(list)
for line in open("runs.tsv"):
    f = line.rstrip("\n").split("\t")
    rows[f[0]].append(f)
for d, fs in rows.items():
    print(f'{d}\t{statistics.median(float(f[2]) for f in fs):.1f} s\t' + " | ".join(f"{f[3]} obj {f[4]} placed {f[6]} pairs {f[7]} cost {f[8]}" for f in fs))
PY
