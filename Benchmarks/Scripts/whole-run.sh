#!/usr/bin/env bash
# The whole run, phase by phase (issue 33): runs each fellowmatch binary
# REPEAT times on each scenario folder given, the binaries taking turns (so
# a baseline and a candidate meet the same machine), into a fresh output
# folder each time (--no-history), and prints per binary and folder the
# median whole wall-clock time, the peak memory and `run --timings`' phases.
#   Benchmarks/Scripts/whole-run.sh "BINARY [BINARY...]" REPEAT FOLDER...
# A binary without --timings (an earlier release) gives the whole time only.
# The output folders are removed only after the last run: on an ext4 file
# system without a journal (this project's benchmark machine), creating files
# within a few minutes of deleting thousands is up to 15 times slower (the
# kernel skips recently deleted inodes one by one), which would be measured
# as the next run's `write`. Leave five minutes after deleting a large output
# before a sitting.
#
# With AS_USED=1, each binary runs as a coordinator uses it instead: every
# run of a folder records into one history and re-writes one output folder
# (after one run that is not measured), so the k-th measured run reads a
# history of k earlier runs of the intake and checks the files the run
# before it wrote.
set -uo pipefail
read -r -a bins <<<"$1"
repeat=$2
shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# run BINARY FOLDER LOG K: one run of FOLDER, its phases in LOG/t-K.
run() {
    local bin=$1 folder=$2 log=$3 k=$4 timings=--timings out="$3/out-$4" history=(--no-history)
    "$bin" run --help | grep -q -- --timings || timings=
    if [ "${AS_USED:-0}" = 1 ]; then out="$log/out" history=(--history "$log/history.sqlite"); fi
    /usr/bin/time -f "whole %e s, peak %M KB" "$bin" run "$folder" "${history[@]}" --out "$out" \
        $timings >/dev/null 2>"$log/err-$k"
    grep -E '^  [a-z]|^whole' "$log/err-$k" >"$log/t-$k"
}
for folder in "$@"; do
    name=$(basename "$folder")
    if [ "${AS_USED:-0}" = 1 ]; then
        for b in "${!bins[@]}"; do
            mkdir -p "$work/$name-$b"
            run "$(realpath "${bins[$b]}")" "$folder" "$work/$name-$b" 0
            rm "$work/$name-$b/t-0"
        done
    fi
    for k in $(seq 1 "$repeat"); do
        for b in "${!bins[@]}"; do
            bin=$(realpath "${bins[$b]}")
            log="$work/$name-$b"
            mkdir -p "$log"
            run "$bin" "$folder" "$log" "$k"
        done
    done
    for b in "${!bins[@]}"; do
        log="$work/$name-$b"
        echo "== $name, ${bins[$b]} (load $(cut -d' ' -f1-3 /proc/loadavg))"
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
                    if (median(a, c[name]) >= 0.0005) printf "  %-22s %8.3f\n", name, median(a, c[name]) } }'
    done
done
