#!/bin/sh
# cli.sh -- the command line end to end: exit codes, bad input (one line
# naming file and field, exit 2, no output left behind), atomic and
# byte-identical reports, replay, trace, gen.  Usage: sh tests/cli.sh BINARY
set -u
SC=${1:-./spikecheck}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
expect_rc() {   # expect_rc WANT DESCRIPTION CMD...
    want=$1; what=$2; shift 2
    "$@" > "$T/out" 2> "$T/err"; rc=$?
    if [ "$rc" -eq "$want" ]; then ok; else bad "$what: exit $rc, want $want"; sed 's/^/    /' "$T/err" | head -5; fi
}

SPIKE=tests/data/thm_spike.json

# list
expect_rc 0 "list" "$SC" list
[ "$(grep -c '^\(L1\|L6\|L7\|L12\|L13\|T2\.1\|T2\.2\|T3\.a\|T3\.b\|T3\.c\) ' "$T/out")" -eq 10 ] && ok || bad "list shows the 10 checkers"
grep -q 'reconstructed' "$T/out" && ok || bad "list shows provenance"
# BEYOND.md s.2-3 (sharpness, non-normality); the per-checker counts below
# follow the registry instead of a fixed number
[ "$(grep -c '^\(S1\|S2\|S3\|N1\|N2\|N3\) ' "$T/out")" -eq 6 ] && ok || bad "list shows S1-S3, N1-N3"
NCHK=$(grep -c '^[A-Z]' "$T/out")

# check, JSON, determinism
expect_rc 0 "check spike" "$SC" check --json "$T/a.json" "$SPIKE"
expect_rc 0 "check spike again" "$SC" check --json "$T/b.json" "$SPIKE"
cmp -s "$T/a.json" "$T/b.json" && ok || bad "identical inputs give identical JSON"
for key in checker case verdict provenance predicted observed slack precision steps seed replay; do
    grep -q "\"$key\":" "$T/a.json" && ok || bad "JSON record has $key"
done
[ "$(grep -c '"checker":' "$T/a.json")" -eq "$NCHK" ] && ok || bad "one record per checker"
ls "$T" | grep -q 'tmp' && bad "temporary file left behind" || ok

# a run killed midway leaves the previous report, and no temporary file
cp "$T/a.json" "$T/keep.json"
"$SC" check --json "$T/a.json" cases/default > /dev/null 2>&1 &
pid=$!
sleep 1
kill -9 "$pid" 2> /dev/null
wait "$pid" 2> /dev/null
cmp -s "$T/a.json" "$T/keep.json" && ok || bad "killed run changed the report"
ls "$T" | grep -q 'tmp' && bad "killed run left a temporary file" || ok

# exit codes: UNDECIDED (3) under a cap too low, VIOLATED (1) in a control run
expect_rc 3 "undecided under a low cap" "$SC" check --theorem L6 --max-precision 128 "$SPIKE"
grep -q 'UNDECIDED' "$T/out" && ok || bad "UNDECIDED shown"
expect_rc 1 "violated in a control run" "$SC" check --theorem T3.b --scale-bounds 1/4 "$SPIKE"
grep -q 'replay: spikecheck replay --theorem T3.b --scale-bounds 1/4' "$T/out" && ok || bad "replay line printed"
expect_rc 1 "replay reproduces it" "$SC" replay --theorem T3.b --scale-bounds 1/4 "$SPIKE"
mkdir "$T/rg"
expect_rc 1 "save counterexample" "$SC" check --save-counterexamples "$T/rg" --theorem T3.b --scale-bounds 1/4 "$SPIKE"
[ -f "$T/rg/T3.b-whitened-delayed-spike.json" ] && ok || bad "counterexample saved"
expect_rc 1 "saved counterexample replays" "$SC" replay --theorem T3.b --scale-bounds 1/4 "$T/rg/T3.b-whitened-delayed-spike.json"
expect_rc 0 "replay one checker" "$SC" replay --theorem L7 "$SPIKE"
grep -q '^L7 .*HOLDS' "$T/out" && ok || bad "replay prints the verdict"

# HTML: statements, counts, a figure for a showcase case; a note without gnuplot
mkdir -p "$T/showcase"; cp "$SPIKE" "$T/showcase/spike.json"
expect_rc 0 "html" "$SC" check --html "$T/r.html" "$T/showcase/spike.json"
grep -q '<svg' "$T/r.html" && grep -q 'Rising-edge peak' "$T/r.html" && ok || bad "HTML has the statements and a plot"
expect_rc 0 "html without gnuplot" env PATH=/nonexistent "$SC" check --html "$T/r2.html" "$T/showcase/spike.json"
grep -q 'Plot not drawn: gnuplot is not installed' "$T/r2.html" && ok || bad "HTML notes the missing plot"

# JUnit, claims baseline, shards
expect_rc 0 "junit" "$SC" check --junit "$T/j.xml" "$SPIKE" tests/data/thm_plain.json
[ "$(grep -c '<testcase ' "$T/j.xml")" -eq $((2 * NCHK)) ] && ok || bad "one testcase per checker x case"
[ "$(grep -c '<skipped ' "$T/j.xml")" -eq 9 ] && ok || bad "NOT-APPLICABLE is skipped"
expect_rc 1 "junit failure" "$SC" check --junit "$T/jf.xml" --theorem T3.b --scale-bounds 1/4 "$SPIKE"
grep -q '<failure type="VIOLATED"' "$T/jf.xml" && grep -q 'replay: spikecheck replay --theorem T3.b' "$T/jf.xml" && ok || bad "JUnit failure holds the replay line"
expect_rc 0 "write baseline" "$SC" check --baseline "$T/base.txt" --update-baseline "$SPIKE" tests/data/thm_t22.json
expect_rc 0 "same claims" "$SC" check --baseline "$T/base.txt" "$SPIKE" tests/data/thm_t22.json
grep -q 'no claim changed' "$T/out" && ok || bad "baseline unchanged"
sed 's/^T2.2\tthm_t22\tHOLDS/T2.2\tthm_t22\tNOT-APPLICABLE/' "$T/base.txt" > "$T/base2.txt"
expect_rc 4 "changed claim" "$SC" check --baseline "$T/base2.txt" "$SPIKE" tests/data/thm_t22.json
grep -q 'changed: T2.2.thm_t22: NOT-APPLICABLE -> HOLDS' "$T/out" && ok || bad "the change is listed"
expect_rc 2 "--update-baseline alone" "$SC" check --update-baseline "$SPIKE"
expect_rc 2 "bad shard" "$SC" check --shard 3/2 "$SPIKE"
mkdir "$T/sh"; cp tests/data/thm_t21.json tests/data/thm_t22.json tests/data/thm_t3c.json tests/data/thm_plain.json "$T/sh"
expect_rc 0 "unsharded" "$SC" check --baseline "$T/all.txt" --update-baseline "$T/sh"
expect_rc 0 "shard 1/2" "$SC" check --baseline "$T/s1.txt" --update-baseline --shard 1/2 "$T/sh"
expect_rc 0 "shard 2/2" "$SC" check --baseline "$T/s2.txt" --update-baseline --shard 2/2 "$T/sh"
cat "$T/s1.txt" "$T/s2.txt" | grep -v '^#' | sort > "$T/s12.txt"
grep -v '^#' "$T/all.txt" | sort | cmp -s - "$T/s12.txt" && ok || bad "shards cover the suite exactly"
expect_rc 0 "unsharded json" "$SC" check --precision 53 --json "$T/all.json" "$T/sh"
for k in 1 2 3; do
    expect_rc 0 "shard $k/3 json" "$SC" check --precision 53 --shard $k/3 --json "$T/p$k.json" "$T/sh"
done
expect_rc 0 "merge" "$SC" merge -o "$T/m.json" "$T/p3.json" "$T/p1.json" "$T/p2.json"
cmp -s "$T/all.json" "$T/m.json" && ok || bad "merged shards equal the unsharded report"
if command -v parallel > /dev/null 2>&1; then
    # the README's GNU parallel sweep: two shards at once, then merge
    expect_rc 0 "GNU parallel shards" parallel --will-cite -j 2 "$SC" check --precision 53 \
        --shard {}/2 --json "$T/gp{}.json" "$T/sh" ::: 1 2
    expect_rc 0 "merge parallel shards" "$SC" merge -o "$T/gm.json" "$T/gp1.json" "$T/gp2.json"
    cmp -s "$T/all.json" "$T/gm.json" && ok || bad "GNU parallel sweep equals the unsharded report"
else
    echo "note: GNU parallel not installed (sh .ci/install-deps fuzz installs it): sweep test not run"
fi
expect_rc 2 "merge of a non-report" "$SC" merge -o "$T/m2.json" "$SPIKE"
[ -e "$T/m2.json" ] && bad "failed merge left a file" || ok

# --from-first moves [T2.2]'s reference time past an initial rising edge
F=cases/default/whitened-0008-above.json
expect_rc 0 "T2.2 at t = 0" "$SC" check --theorem T2.2 "$F"
grep -q 'fails at t = 0: H2 or (i)' "$T/out" && ok || bad "(i) fails at t = 0"
expect_rc 0 "T2.2 --from-first" "$SC" check --from-first --theorem T2.2 "$F"
grep -q 'reference time [1-9]' "$T/out" && ok || bad "--from-first finds a later reference time"

# the float64 view
expect_rc 0 "float view" "$SC" check --theorem L7 --precision 53 "$SPIKE"
grep -q 'float view .* at 53 bits: [1-9][0-9]* of 760' "$T/out" && ok || bad "float view lists differing steps"

# trace
expect_rc 0 "trace" "$SC" trace --digits 8 "$SPIKE"
[ "$(head -1 "$T/out")" = "t,a,b,rho,gamma,W,h,loss,rising" ] && ok || bad "trace header"
[ "$(wc -l < "$T/out")" -eq 762 ] && ok || bad "trace has steps+1 rows"
expect_rc 0 "trace --reduced" "$SC" trace --reduced "$SPIKE"
sed -n '663p' "$T/out" | grep -q '^661,.*,0\.2565967' && ok || bad "reduced trace: rho_661 = 0.2566"
expect_rc 0 "trace float" "$SC" trace --precision 53 "$SPIKE"
expect_rc 2 "trace --reduced on plain data" "$SC" trace --reduced tests/data/thm_plain.json

# gen: deterministic, loadable
expect_rc 0 "gen" "$SC" gen --suite whitened --count 8 --seed 5 -o "$T/g1"
expect_rc 0 "gen again" "$SC" gen --suite whitened --count 8 --seed 5 -o "$T/g2"
diff -r "$T/g1" "$T/g2" > /dev/null && ok || bad "gen is deterministic"
[ "$(ls "$T/g1" | wc -l)" -eq 8 ] && ok || bad "gen writes count files"
expect_rc 2 "gen unknown suite" "$SC" gen --suite nope --count 1 --seed 1 -o "$T/g3"

# bad input: one line naming the file, exit 2, nothing written
for f in tests/data/bad/*.json; do
    rm -f "$T/r.json"
    "$SC" check --json "$T/r.json" "$f" > "$T/out" 2> "$T/err"; rc=$?
    if [ "$rc" -ne 2 ]; then bad "$f: exit $rc, want 2"; continue; fi
    if [ "$(wc -l < "$T/err")" -ne 1 ] || ! grep -q "^spikecheck: $f: " "$T/err"; then
        bad "$f: message is not one line naming the file"; sed 's/^/    /' "$T/err" | head -3; continue
    fi
    if [ -e "$T/r.json" ] || ls "$T" | grep -q 'tmp'; then bad "$f: output left behind"; continue; fi
    ok
done
expect_rc 2 "missing case file" "$SC" check "$T/nope.json"
expect_rc 2 "unwritable output" "$SC" check --json /nonexistent/dir/r.json "$SPIKE"
grep -q 'nonexistent/dir/r.json' "$T/err" && ok || bad "unwritable path named"
expect_rc 2 "unknown option" "$SC" check --bogus "$SPIKE"
expect_rc 2 "unknown checker" "$SC" check --theorem X9 "$SPIKE"
expect_rc 2 "bad precision value" "$SC" check --max-precision abc "$SPIKE"
expect_rc 2 "bad scale" "$SC" check --scale-bounds -1 "$SPIKE"
expect_rc 2 "no command" "$SC"

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
