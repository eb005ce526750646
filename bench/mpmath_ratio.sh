#!/bin/sh
# mpmath_ratio.sh -- `spikecheck trace CASE` (certified full GD: balls,
# centred steps, precision escalation until every rising flag is decided)
# against a straightforward mpmath full GD of the same case at the
# precision the trace ends at (bench/mpmath_gd.py).  Prints both times and
# the ratio.  Usage: sh bench/mpmath_ratio.sh [SPIKECHECK [CASE [BITS]]]
# (BITS: the precision the trace needs; 512 for the showcase).  Needs
# python3 with mpmath (pip install mpmath, or apt-get install python3-mpmath).
set -u
SC=${1:-./spikecheck}
CASE=${2:-cases/showcase/whitened-delayed-spike.json}
BITS=${3:-512}
if ! python3 -c 'import mpmath' 2> /dev/null; then
    echo "mpmath ratio: python3 with mpmath not found (pip install mpmath): skipped"
    exit 0
fi
now() { date +%s.%N; }
t0=$(now)
"$SC" trace --max-precision "$BITS" "$CASE" > /tmp/sc-trace.$$ || { echo "trace failed"; exit 1; }
t1=$(now)
python3 "$(dirname "$0")/mpmath_gd.py" --precision "$BITS" "$CASE" 2> /tmp/sc-mp.$$
t2=$(now)
sc_rho=$(tail -1 /tmp/sc-trace.$$ | cut -d, -f4)
cat /tmp/sc-mp.$$
rm -f /tmp/sc-trace.$$ /tmp/sc-mp.$$
awk -v a="$t0" -v b="$t1" -v c="$t2" -v r="$sc_rho" -v bits="$BITS" 'BEGIN {
    ts = b - a; tm = c - b;
    printf "spikecheck trace (certified, up to %d bits): %.3f s, rho_T = %s\n", bits, ts, r;
    printf "mpmath full GD at %d bits (uncertified):   %.3f s\n", bits, tm;
    printf "ratio mpmath / spikecheck trace: %.0fx\n", tm / ts }'
