#!/usr/bin/env bash
# Start-up: process start to the first presented frame (`--exit-after-frames
# 1`, so the time includes closing the window), Attune against the bare
# eframe window, alternating in one hyperfine run.
#
#   scripts/bench_startup.sh [ROUNDS] [ARGS FOR ATTUNE...]
#
# ROUNDS (default 10) rounds of bare, attune; each runs 3 times.
source "$(dirname "$0")/perf_common.sh"

rounds=${1:-10}
shift || true
out=$(mktemp --suffix=.json)

commands=()
for i in $(seq "$rounds"); do
    commands+=(-n "bare-$i" "$BARE --exit-after-frames 1")
    commands+=(-n "attune-$i" "$APP --exit-after-frames 1 $*")
done
hyperfine -N --warmup 2 --runs 3 --export-json "$out" --style basic "${commands[@]}" >&2

summary() {
    jq -r --arg who "$1" '.results[] | select(.command | startswith($who + "-")) | .times[]' "$out" \
        | awk '{print $1 * 1000}' | stats
}
read -r bare_med bare_q1 bare_q3 bare_n < <(summary bare)
read -r app_med app_q1 app_q3 app_n < <(summary attune)
echo "start-up (ms)      median    q1      q3      runs"
printf 'bare window   %9s %7s %7s %5s\n' "$bare_med" "$bare_q1" "$bare_q3" "$bare_n"
printf 'attune        %9s %7s %7s %5s\n' "$app_med" "$app_q1" "$app_q3" "$app_n"
python3 -c "print(f'ratio attune/bare: {$app_med / $bare_med:.2f} (target <= 1.25)')"
rm -f "$out"
