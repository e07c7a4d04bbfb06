#!/usr/bin/env bash
# The whole run, phase by phase (issue 33): runs one fellowmatch binary
# REPEAT times on each scenario folder given, into a fresh output folder each
# time (--no-history), and prints per run the whole wall-clock time, the
# peak memory and `run --timings`' phases, then the median of each phase.
#   Benchmarks/Scripts/whole-run.sh BINARY REPEAT FOLDER...
# A binary without --timings (an earlier release) gives the whole time only.
set -uo pipefail
bin=$(realpath "$1"); repeat=$2; shift 2
for folder in "$@"; do
    name=$(basename "$folder")
    log=$(mktemp -d)
    for k in $(seq 1 "$repeat"); do
        out="$log/out-$k"
        timings=--timings
        "$bin" run --help | grep -q -- --timings || timings=
        /usr/bin/time -f "whole %e s, peak %M KB" "$bin" run "$folder" --no-history --out "$out" $timings \
            >/dev/null 2>"$log/err-$k"
        grep -E '^  [a-z]|^whole' "$log/err-$k" >"$log/t-$k"
        rm -rf "$out"
    done
    echo "== $name (load $(cut -d' ' -f1-3 /proc/loadavg))"
    cat "$log"/t-* | awk -v n="$repeat" '
        /^whole/ { w[++nw] = $2; m[nw] = $5; next }
        { name = $1; for (i = 2; i <= NF - 3; i++) name = name " " $i
          if (!(name in seen)) { seen[name] = 1; order[++no] = name }
          v[name, ++c[name]] = $(NF - 2) }
        function median(a, k,   t, i, j, x) {
            for (i = 1; i <= k; i++) t[i] = a[i]
            for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (t[j] < t[i]) { x = t[i]; t[i] = t[j]; t[j] = x }
            return t[int((k + 1) / 2)] }
        END {
            for (i = 1; i <= nw; i++) ws = ws " " w[i]
            for (i = 1; i <= nw; i++) { ww[i] = w[i]; mm[i] = m[i] }
            printf "  %-22s %8.3f  (runs:%s)  peak %d KB\n", "whole (time)", median(ww, nw), ws, median(mm, nw)
            for (o = 1; o <= no; o++) { name = order[o]; for (i = 1; i <= c[name]; i++) a[i] = v[name, i]
                printf "  %-22s %8.3f\n", name, median(a, c[name]) } }'
    rm -rf "$log"
done
