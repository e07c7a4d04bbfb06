#!/usr/bin/env bash
# Runs every command a coordinator uses on the demo and on a generated
# 1,000-fellow intake with one fellowmatch binary, and keeps what each printed,
# its exit status and every file it wrote, in one folder. Two such folders
# (before and after a change) are then compared with `diff -r`: only the
# timing fields of summary.json (solve_seconds) may differ.
#   Benchmarks/Scripts/same-outputs.sh BINARY RESULT_FOLDER
set -uo pipefail
bin=$(realpath "$1"); result=$2
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=/tmp/fellowmatch-same-outputs
rm -rf "$work" "$result"; mkdir -p "$work" "$result"
cp -r "$repo/Scenarios/demo" "$work/demo"
cd "$work"
step() { # name, command...
    local name=$1; shift
    "$@" >"$result/$name.out" 2>"$result/$name.err"; echo "exit $?" >>"$result/$name.out"
}
export FELLOWMATCH_HISTORY="$work/history.sqlite"
step check "$bin" check demo
step run "$bin" run demo --out demo/out --public --no-history
step whatif "$bin" run demo/what-if/grant-cut.toml --no-history
step compare "$bin" compare demo demo/what-if/grant-cut.toml demo/what-if/lab-grant-ends.toml demo/what-if/rank-maximal.toml demo/what-if/sabbatical.toml demo/what-if/three-more.toml
step explain "$bin" explain demo --all --output demo/explain.md
step binds "$bin" binds demo
step export "$bin" export demo --format lp --output demo/model.lp
step apply "$bin" apply demo/what-if/grant-cut.toml --to applied
step recorded "$bin" run demo --out demo/out-recorded
step publish "$bin" publish 1 --note "the committee agreed"
step rematch "$bin" run demo/what-if/sabbatical.toml --out demo/out-rematch
step history "$bin" history
step show "$bin" history show 1
step diff "$bin" history diff 1 2
step next "$bin" next-intake demo --to next
step generate "$bin" generate --fellows 1000 --out g1000
step run1000 "$bin" run g1000 --out g1000/out --no-history
step bad "$bin" run /nonexistent
rm -f history.sqlite
for d in demo applied next g1000; do
    find "$d" -type f | sort | while read -r f; do
        mkdir -p "$result/files/$(dirname "$f")"
        cp "$f" "$result/files/$f"
    done
done
# Timing differs run to run.
find "$result/files" -name summary.json -exec sed -i -E 's/"(solve_seconds|seconds)" : [0-9.e+-]+/"\1" : 0/' {} +
# manifest.json holds summary.json's SHA-256, so it differs with the timing: its other lines are compared.
find "$result/files" -name manifest.json -exec sed -i -E '/"summary.json"/d' {} +
find "$result" -name '*.out' -exec sed -i -E 's/[0-9]+(\.[0-9]+)? s\b/N s/g; s/[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}(:[0-9]{2})?Z?/TIME/g' {} +
