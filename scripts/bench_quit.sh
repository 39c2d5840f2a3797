#!/usr/bin/env bash
# Quitting: from Ctrl+Q to the window gone and to the process gone, with
# a conversation in progress (one choice made, so there is an unfinished
# conversation to save), against the bare window closed the same way.
#
#   scripts/bench_quit.sh [RUNS] [SCENARIO]
source "$(dirname "$0")/perf_common.sh"

runs=${1:-5}
scenario=${2:-relapse}

now() { date +%s.%N; }

# quit_run ARGS...: "seconds-to-window-gone seconds-to-exit".
quit_run() {
    local pid wid t0 gone="" i
    "$@" >/dev/null 2>&1 &
    pid=$!
    for _ in $(seq 100); do
        wid=$(xdotool search --onlyvisible --pid "$pid" 2>/dev/null | head -n1) && [ -n "$wid" ] && break
        sleep 0.2
    done
    sleep 2
    xdotool windowfocus --sync "$wid"
    xdotool key 1
    sleep 1
    t0=$(now)
    xdotool key ctrl+q
    for i in $(seq 500); do
        if ! xdotool search --onlyvisible --pid "$pid" >/dev/null 2>&1; then
            gone=$(now)
            break
        fi
        sleep 0.01
    done
    wait "$pid" 2>/dev/null || true
    python3 -c "print(f'{$gone - $t0:.3f} {$(now) - $t0:.3f}')"
}

echo "quit: seconds from Ctrl+Q to the window gone, and to the process gone ($runs runs)"
for _ in $(seq "$runs"); do
    echo "attune $(quit_run "$APP" --open "$scenario")"
done
