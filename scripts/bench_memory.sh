#!/usr/bin/env bash
# Memory: peak RSS ("Maximum resident set size" from /usr/bin/time -v)
# after a full playthrough and its debrief, driven with the keyboard
# through xdotool, against the bare window left open as long.
#
#   scripts/bench_memory.sh [RUNS] [SCENARIO]
source "$(dirname "$0")/perf_common.sh"

runs=${1:-5}
scenario=${2:-relapse}

# peak_kib FILE: the peak RSS in KiB from a /usr/bin/time -v report.
peak_kib() {
    awk -F': ' '/Maximum resident set size/ {print $2}' "$1"
}

# window_of PID: the X window of a process, once it is mapped.
window_of() {
    local wid
    for _ in $(seq 100); do
        wid=$(xdotool search --sync --onlyvisible --pid "$1" 2>/dev/null | head -n1) && [ -n "$wid" ] && {
            echo "$wid"
            return
        }
        sleep 0.2
    done
    echo "no window for process $1" >&2
    return 1
}

bare_run() {
    local job pid report
    report=$(mktemp)
    /usr/bin/time -v -o "$report" "$BARE" 2>/dev/null &
    job=$!
    sleep 1
    pid=$(leaf_pid "$job")
    window_of "$pid" >/dev/null
    sleep 17
    kill "$pid"
    wait "$job" 2>/dev/null || true
    peak_kib "$report"
    rm -f "$report"
}

attune_run() {
    local job pid wid report
    report=$(mktemp)
    /usr/bin/time -v -o "$report" "$APP" --open "$scenario" 2>/dev/null &
    job=$!
    sleep 1
    pid=$(leaf_pid "$job")
    wid=$(window_of "$pid")
    sleep 2
    xdotool windowfocus --sync "$wid"
    # Option 1 every turn until an ending (extra presses do nothing), then
    # Enter for the debrief. Keys sent faster than a frame can be drawn
    # under load were lost, so each waits half a second.
    for _ in $(seq 25); do
        xdotool key 1
        sleep 0.5
    done
    xdotool key Return
    sleep 3
    if [ -n "${PERF_SHOT:-}" ]; then
        import -window root "$PERF_SHOT"
    fi
    kill "$pid"
    wait "$job" 2>/dev/null || true
    peak_kib "$report"
    rm -f "$report"
}

bare=()
app=()
for _ in $(seq "$runs"); do
    bare+=("$(bare_run)")
    app+=("$(attune_run)")
done
read -r bare_med bare_q1 bare_q3 _ < <(printf '%s\n' "${bare[@]}" | awk '{print $1 / 1024}' | stats)
read -r app_med app_q1 app_q3 _ < <(printf '%s\n' "${app[@]}" | awk '{print $1 / 1024}' | stats)
echo "peak RSS (MiB)     median    q1      q3      runs"
printf 'bare window   %9s %7s %7s %5s\n' "$bare_med" "$bare_q1" "$bare_q3" "$runs"
printf 'attune        %9s %7s %7s %5s\n' "$app_med" "$app_q1" "$app_q3" "$runs"
python3 -c "print(f'ratio attune/bare: {$app_med / $bare_med:.2f} (target <= 1.3)')"
