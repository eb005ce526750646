#!/bin/sh
# mpmath_ratio.sh -- `spikecheck trace CASE` (certified full GD: balls,
# centred steps, every rising flag decided, every printed digit certain,
# the CSV written) against a straightforward mpmath full GD of the same
# case at the same precision (bench/mpmath_gd.py, also writing the CSV).
# The timing is done by bench/mpmath_ratio.py; its header says exactly
# what is compared: CPU time (user + sys, from the kernel's rusage) of
# whole processes at the case's horizon and at 1 step, medians of repeated
# runs, the difference giving the per-step cost (step + CSV row) on both
# sides, start-up excluded on both sides.  A case with generated data is
# first written out exactly (`spikecheck expand`), since mpmath_gd.py reads
# explicit data only.  Usage:
#   sh bench/mpmath_ratio.sh [SPIKECHECK [CASE [BITS [RUNS [MP_RUNS]]]]]
# (BITS: the precision the trace needs, 512 for the showcase; both runs
# use it).  Needs python3 with mpmath (pip install mpmath, or apt-get
# install python3-mpmath).
set -u
SC=${1:-./spikecheck}
CASE=${2:-cases/showcase/whitened-delayed-spike.json}
BITS=${3:-512}
if ! python3 -c 'import mpmath' 2> /dev/null; then
    echo "mpmath ratio: python3 with mpmath not found (pip install mpmath): skipped"
    exit 0
fi
if ! grep -q '"loss": *"square"' "$CASE"; then
    echo "mpmath ratio: $CASE: square-loss cases only (mpmath_gd.py measures rho against the least-squares w*)" >&2
    exit 1
fi
if grep -q '"generator"' "$CASE"; then
    X=$(mktemp /tmp/spikecheck-bench.XXXXXX)
    trap 'rm -f "$X"' EXIT
    "$SC" expand -o "$X" "$CASE" || exit 2
    CASE=$X
fi
python3 "$(dirname "$0")/mpmath_ratio.py" "$SC" "$CASE" "$BITS" \
    ${4:+"$4"} ${5:+"$5"}
