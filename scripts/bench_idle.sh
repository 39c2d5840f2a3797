#!/usr/bin/env bash
# Idle: the app open on a conversation, no input for 10 s. Counts the
# frames drawn (ATTUNE_FRAME_LOG prints one line per frame) and the CPU
# time spent (utime + stime from /proc/PID/stat), for Attune and the bare
# window.
#
#   scripts/bench_idle.sh [SECONDS] [SCENARIO]
source "$(dirname "$0")/perf_common.sh"

seconds=${1:-10}
scenario=${2:-relapse}
tick=$(getconf CLK_TCK)

# idle NAME COMMAND...: start it, let it settle, then watch it.
idle() {
    local name=$1 log pid before after t0 t1
    shift
    log=$(mktemp)
    ATTUNE_FRAME_LOG=1 "$@" 2>"$log" &
    pid=$!
    # Settled: a first frame, then none for 5 s (waits at most 60 s).
    local last=-1 now quiet=0
    for _ in $(seq 60); do
        sleep 1
        now=$(grep -c '^attune: frame' "$log" || true)
        if [ "$now" -gt 0 ] && [ "$now" = "$last" ]; then
            quiet=$((quiet + 1))
            [ "$quiet" -ge 5 ] && break
        else
            quiet=0
        fi
        last=$now
    done
    before=$(grep -c '^attune: frame' "$log" || true)
    t0=$(cpu_ticks "$pid")
    sleep "$seconds"
    after=$(grep -c '^attune: frame' "$log" || true)
    t1=$(cpu_ticks "$pid")
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    python3 -c "
frames = $after - $before
cpu = ($t1 - $t0) / $tick
print(f'{\"$name\":12} frames drawn while idle: {frames:3}   CPU: {cpu:.2f} s in $seconds s = {100 * cpu / $seconds:.2f}% of a core   (frames before idle: $before)')"
    rm -f "$log"
}

idle "bare window" "$BARE"
idle "attune" "$APP" --open "$scenario"
