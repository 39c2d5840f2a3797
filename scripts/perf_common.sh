# Shared by the whole-process benchmarks: builds Attune and the bare
# baseline window in one release build, runs under a fresh Xvfb, and
# keeps all app data in a temporary folder. Source it; don't run it.
#
# Needs Debian's xvfb, xauth, mesa-vulkan-drivers, hyperfine, time and
# xdotool (see docs/performance.md).

set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

SCREEN="-screen 0 1280x800x24"

# Re-run the calling script inside its own X server unless one is given.
if [ -z "${DISPLAY:-}" ]; then
    exec xvfb-run -a -s "$SCREEN" bash "$0" "$@"
fi

# PERF_PROFILE=dev measures the debug build instead (only frame counts
# mean anything there); PERF_NO_BUILD=1 skips the build.
profile=${PERF_PROFILE:-release}
dir=$([ "$profile" = dev ] && echo debug || echo "$profile")
if [ -z "${PERF_NO_BUILD:-}" ]; then
    # One build for both, so features and profile are the same.
    nice cargo build --profile "$profile" --bin attune --example bare_window >&2
fi
APP="$PWD/target/$dir/attune"
BARE="$PWD/target/$dir/examples/bare_window"

XDG_DATA_HOME="$(mktemp -d)"
export XDG_DATA_HOME
trap 'rm -rf "$XDG_DATA_HOME"' EXIT

# Median and interquartile range of numbers on stdin, one per line.
stats() {
    python3 -c '
import statistics, sys
xs = sorted(float(x) for x in sys.stdin if x.strip())
q = statistics.quantiles(xs, n=4) if len(xs) > 1 else [xs[0]] * 3
print(f"{statistics.median(xs):.3f} {q[0]:.3f} {q[2]:.3f} {len(xs)}")'
}

# CPU time (user + system) of a process in clock ticks, from /proc.
cpu_ticks() {
    awk '{print $14 + $15}' "/proc/$1/stat"
}

# The process started by $1 (a shell job) or its only child, for tools
# that wrap the real program.
leaf_pid() {
    local pid=$1 child
    while child=$(pgrep -P "$pid" | head -n1) && [ -n "$child" ]; do
        pid=$child
    done
    echo "$pid"
}
