#!/bin/sh
# mpmath_ratio.sh -- `spikecheck trace CASE` (certified full GD: balls,
# centred steps, precision escalation until every rising flag is decided,
# the CSV written) against a straightforward mpmath full GD of the same
# case at the precision the trace ends at (bench/mpmath_gd.py, also writing
# the CSV).  CPU seconds (user + sys) of both, so that other load on the
# machine does not enter the ratio.  Usage:
#   sh bench/mpmath_ratio.sh [SPIKECHECK [CASE [BITS]]]
# (BITS: the precision the trace needs, 512 for the showcase; both runs
# use it).  Needs
# python3 with mpmath (pip install mpmath, or apt-get install python3-mpmath).
set -u
SC=${1:-./spikecheck}
CASE=${2:-cases/showcase/whitened-delayed-spike.json}
BITS=${3:-512}
if ! python3 -c 'import mpmath' 2> /dev/null; then
    echo "mpmath ratio: python3 with mpmath not found (pip install mpmath): skipped"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# the same precision for both: the trace starts at BITS (the case's own
# precision would add the failed lower-precision attempts)
sed 's/"precision": *[0-9]*/"precision": '"$BITS"'/' "$CASE" > "$tmp/case.json"
# spikecheck: five runs, the least CPU time (the process is short)
best=
for i in 1 2 3 4 5; do
    /usr/bin/time -f "%U %S" -o "$tmp/t" "$SC" trace --max-precision "$BITS" "$tmp/case.json" > "$tmp/sc.csv" \
        || { echo "trace failed"; exit 1; }
    cpu=$(awk '{ print $1 + $2 }' "$tmp/t")
    best=$(awk -v a="$cpu" -v b="${best:-1e9}" 'BEGIN { print (a < b) ? a : b }')
done
python3 "$(dirname "$0")/mpmath_gd.py" --precision "$BITS" --csv "$CASE" > "$tmp/mp.csv" 2> "$tmp/mp.err" \
    || { cat "$tmp/mp.err"; exit 1; }
mp_cpu=$(tail -1 "$tmp/mp.err")
head -1 "$tmp/mp.err"
sc_rho=$(tail -1 "$tmp/sc.csv" | cut -d, -f4)
mp_rho=$(tail -1 "$tmp/mp.csv" | cut -d, -f4)
awk -v ts="$best" -v tm="$mp_cpu" -v r="$sc_rho" -v q="$mp_rho" -v bits="$BITS" 'BEGIN {
    printf "spikecheck trace (certified, %d bits, CSV written):       cpu %.3f s, rho_T = %s\n", bits, ts, r;
    printf "mpmath full GD at %d bits (uncertified, CSV written):     cpu %.3f s, rho_T = %s\n", bits, tm, q;
    printf "ratio mpmath / spikecheck trace (cpu): %.0fx\n", tm / ts }'
