#!/bin/sh
# check_vs_trace.sh -- issue 13's target, "check with every checker on one
# case within 3x of trace of the same case", for two spikecheck binaries
# side by side (OLD: e.g. main's HEAD built from `git archive` in /tmp).
# On demand, never in CI.
#
# For each case, RUNS rounds (default 5), each running in turn OLD trace,
# NEW trace, OLD check, NEW check (whole processes, default options, so
# start-up and the exact data analysis are in on both sides); the time of
# a run is its CPU time, user + sys, from /usr/bin/time, so that other
# load on the machine enters as little as it can.  Printed: the medians,
# check / trace per binary, and old / new of check (> 1: NEW is faster).
# The check JSON and the trace CSV of the two binaries must be byte for
# byte the same (a refactoring of the sharing may not change a report);
# the script fails otherwise.
#
# Usage: sh bench/check_vs_trace.sh OLD NEW [RUNS] [CASE...]
# (default cases: the showcase, bench/whitened-64x16.json and the
# 1200-step case of cases/deep/)
set -u
if [ $# -lt 2 ]; then
    echo "usage: sh bench/check_vs_trace.sh OLD NEW [RUNS] [CASE...]" >&2
    exit 2
fi
OLD=$1
NEW=$2
RUNS=${3:-5}
shift 2
[ $# -gt 0 ] && shift
CASES=${*:-"cases/showcase/whitened-delayed-spike.json bench/whitened-64x16.json cases/deep/rho-3e-201-1200-steps.json"}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
bad=0

# cpu FILE CMD...: runs CMD (stdout to FILE.out), appends user + sys to FILE
cpu() {
    f=$1
    shift
    /usr/bin/time -f "%U %S" -o "$f.t" "$@" > "$f.out" 2> /dev/null
    awk '{ printf "%.3f\n", $1 + $2 }' "$f.t" >> "$f"
}

# median FILE: the median of the numbers in FILE, one a line
median() {
    sort -n "$1" | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2];
        else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

printf '%-40s %8s %8s %7s   %8s %8s %7s   %9s\n' case "old tr" "old chk" \
    "chk/tr" "new tr" "new chk" "chk/tr" "chk o/n"
for c in $CASES; do
    k=$(basename "$c" .json)
    : > "$T/$k.ot"; : > "$T/$k.nt"; : > "$T/$k.oc"; : > "$T/$k.nc"
    r=0
    while [ $r -lt "$RUNS" ]; do
        cpu "$T/$k.ot" "$OLD" trace "$c"
        cpu "$T/$k.nt" "$NEW" trace "$c"
        cpu "$T/$k.oc" "$OLD" check --json "$T/$k.old.json" "$c"
        cpu "$T/$k.nc" "$NEW" check --json "$T/$k.new.json" "$c"
        r=$((r + 1))
    done
    ot=$(median "$T/$k.ot"); nt=$(median "$T/$k.nt")
    oc=$(median "$T/$k.oc"); nc=$(median "$T/$k.nc")
    echo "$k $ot $oc $nt $nc" | awk '{
        printf "%-40s %8.3f %8.3f %6.1fx   %8.3f %8.3f %6.1fx   %8.2fx\n",
            $1, $2, $3, $3 / $2, $4, $5, $5 / $4, $3 / $5 }'
    if ! cmp -s "$T/$k.old.json" "$T/$k.new.json" \
        || ! cmp -s "$T/$k.oc.out" "$T/$k.nc.out"; then
        echo "  differs: the check reports of $c"
        bad=1
    fi
    if ! cmp -s "$T/$k.ot.out" "$T/$k.nt.out"; then
        echo "  differs: the trace CSV of $c"
        bad=1
    fi
done
echo "CPU seconds (user + sys), medians of $RUNS; chk o/n > 1: NEW is faster"
[ $bad -eq 0 ] && echo "reports: the same (check JSON and table, trace CSV)"
exit $bad
