#!/bin/sh
# same_reports.sh -- the reports of two spikecheck binaries side by side:
# `check` (JSON, JUnit, HTML, float view) over every committed case
# directory and `trace` of every case, compared byte for byte, with the
# CPU time of each side.  For refactorings that must not change a report.
# Usage: sh bench/same_reports.sh OLD NEW [JOBS]   (from the repository root)
set -u
OLD=$1
NEW=$2
JOBS=${3:-2}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
DIRS="cases/regressions cases/showcase cases/figure3 cases/default cases/default-logistic cases/tight cases/sweep-wd"
diffs=0
for side in old new; do
    bin=$OLD; [ $side = new ] && bin=$NEW
    mkdir -p "$T/$side"
    /usr/bin/time -f "$side check: %U s user, %S s sys, %e s wall" \
        "$bin" check --jobs "$JOBS" --precision 53 --json "$T/$side/r.json" \
        --junit "$T/$side/r.xml" --html "$T/$side/r.html" $DIRS \
        > "$T/$side/table.txt" 2> "$T/$side/err.txt"
    tail -1 "$T/$side/err.txt"
    for d in $DIRS; do
        for f in "$d"/*.json; do
            "$bin" trace "$f" > "$T/$side/$(basename "$d")-$(basename "$f").csv" 2>&1
            echo "rc=$?" >> "$T/$side/$(basename "$d")-$(basename "$f").csv"
        done
    done
done
for f in $(cd "$T/old" && ls); do
    [ "$f" = err.txt ] && continue
    if ! cmp -s "$T/old/$f" "$T/new/$f"; then
        diffs=$((diffs + 1))
        echo "differs: $f"
        diff "$T/old/$f" "$T/new/$f" | head -6
    fi
done
echo "same_reports: $diffs file(s) differ"
[ "$diffs" -eq 0 ]
