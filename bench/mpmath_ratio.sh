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
# use it), or
#   sh bench/mpmath_ratio.sh --needed [SPIKECHECK [CASE [RUNS [MP_RUNS]]]]
# for the certified trace against mpmath at the precision mpmath needs
# for the same 20 digits, with mpmath's last row at the certified run's
# bits and at 78 digits (bench/mpmath_needed.py; default CASE the
# 1200-step case of cases/deep/).  Needs python3 with mpmath (pip install mpmath, or apt-get
# install python3-mpmath).
set -u
NEEDED=
if [ "${1:-}" = "--needed" ]; then
    NEEDED=1
    shift
fi
SC=${1:-./spikecheck}
if [ -n "$NEEDED" ]; then
    CASE=${2:-cases/deep/rho-3e-201-1200-steps.json}
else
    CASE=${2:-cases/showcase/whitened-delayed-spike.json}
fi
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
if [ -n "$NEEDED" ]; then
    exec python3 "$(dirname "$0")/mpmath_needed.py" "$SC" "$CASE" \
        ${3:+"$3"} ${4:+"$4"}
fi
python3 "$(dirname "$0")/mpmath_ratio.py" "$SC" "$CASE" "$BITS" \
    ${4:+"$4"} ${5:+"$5"}
