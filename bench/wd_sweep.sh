#!/bin/sh
# wd_sweep.sh -- [W6-a]'s period against 1/(eta lambda) across the committed
# sweep cases/sweep-wd/ (the delayed-spike data, eta = 3, lambda = 1/50 ..
# 1/200, 1500 steps), and the least-squares slope and intercept of
# period = slope / (eta lambda) + intercept.  On demand (not in CI): about
# 2 s.  Usage: sh bench/wd_sweep.sh [DIR]   (run from the repository root)
set -eu
dir=${1:-cases/sweep-wd}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
./spikecheck check --theorem W6-a --json "$out" "$dir" > /dev/null
awk -F'"' '
    /"case":/           { c = $4 }
    /"spikes":/         { s = $4 }
    /"period":/         { p = $4 }
    /"inv_eta_lambda":/ { x = $4; printf "%-28s spikes %4d  1/(eta lambda) %8.3f  period %8.3f\n", c, s, x, p;
                          if (p != "") { n++; sx += x; sy += p; sxx += x * x; sxy += x * p }; p = "" }
    END {
        if (n < 2) { print "fewer than two cases with a period"; exit 1 }
        b = (n * sxy - sx * sy) / (n * sxx - sx * sx)
        printf "fit over %d cases: period = %.4f / (eta lambda) + %.4f\n", n, b, (sy - b * sx) / n
    }' "$out"
