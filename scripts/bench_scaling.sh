#!/usr/bin/env bash
# Whole-process scaling of the CLI on generated files: wall time and peak
# RSS of `attune check`, `attune play --pick best` and `attune stats` on
# scenarios of 1k, 10k and 100k nodes and on one node offering 1k, 10k and
# 50k options. Prints the markdown tables of docs/performance.md, with the
# growth from 10k to 100k.
#
#   scripts/bench_scaling.sh [RUNS]        (default 3; the median is shown)
#
# Needs GNU time (Debian's `time`). PERF_NO_BUILD=1 skips the build.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

runs=${1:-3}
if [ -z "${PERF_NO_BUILD:-}" ]; then
    nice cargo build --release --bin attune -p attune >&2
    nice cargo build --release -p attune-bench --example generate >&2
fi
APP="$PWD/target/release/attune"
GEN="$PWD/target/release/examples/generate"

work="$(mktemp -d)"
XDG_DATA_HOME="$work/data"
export XDG_DATA_HOME
trap 'rm -rf "$work"' EXIT

# measure CMD...: "median-seconds median-peak-MiB" over $runs runs.
measure() {
    local i
    for i in $(seq "$runs"); do
        # A refused file exits with 1; only the figures matter here.
        /usr/bin/time -o "$work/time" -f '%e %M' "$@" >/dev/null 2>&1 || true
        tail -n1 "$work/time"
    done | python3 -c '
import statistics, sys
rows = [line.split() for line in sys.stdin if line.strip()]
secs = statistics.median(float(r[0]) for r in rows)
mib = statistics.median(int(r[1]) for r in rows) / 1024
print(f"{secs:.2f} {mib:.0f}")'
}

# table KIND SIZES...: one row per size, a column pair per command.
table() {
    local kind=$1
    shift
    echo
    echo "| $kind | file | check: time | check: peak | play --pick best: time | play: peak | stats: time | stats: peak |"
    echo "|---|---|---|---|---|---|---|---|"
    for n in "$@"; do
        local file="$work/$kind-$n.ron"
        "$GEN" "$kind" "$n" >"$file"
        local size
        size=$(python3 -c "import os; print(f'{os.path.getsize(\"$file\") / 2**20:.1f} MiB')")
        read -r ct cm <<<"$(measure "$APP" check "$file")"
        read -r pt pm <<<"$(measure "$APP" play "$file" --pick best)"
        read -r st sm <<<"$(measure "$APP" stats "$file")"
        echo "| $n | $size | $ct s | $cm MiB | $pt s | $pm MiB | $st s | $sm MiB |"
        echo "$kind $n $ct $cm $pt $pm $st $sm" >>"$work/rows"
        rm -f "$file"
    done
}

echo "attune $(git rev-parse --short HEAD), $runs runs each, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%d)"
table nodes 1000 10000 100000
table options 1000 10000 50000

echo
echo "Growth from 10k to 100k nodes (time, peak memory):"
python3 - "$work/rows" <<'PY'
import sys
rows = {}
for line in open(sys.argv[1]):
    kind, n, *v = line.split()
    rows[(kind, int(n))] = [float(x) for x in v]
a, b = rows[("nodes", 10000)], rows[("nodes", 100000)]
for i, name in enumerate(["check", "play --pick best", "stats"]):
    t = b[2 * i] / a[2 * i] if a[2 * i] > 0 else float("inf")
    m = b[2 * i + 1] / a[2 * i + 1]
    print(f"- {name}: time {t:.1f}x, peak memory {m:.1f}x")
PY
