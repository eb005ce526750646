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
# [L6] UNDECIDED under a 256-bit cap: the norm projection keeps full GD in
# absolute coordinates, where q ~ rho^2 (rho = 3.2e-41 at step 69, rho^2 ~
# 2^-270) is below 256 bits; it HOLDS at 1024 (test_whitened.c)
WDP=cases/showcase/whitened-wd-projected.json

# list
expect_rc 0 "list" "$SC" list
[ "$(grep -c '^\(L1\|L6\|L7\|L12\|L13\|T2\.1\|T2\.2\|T3\.a\|T3\.b\|T3\.c\|F3\) ' "$T/out")" -eq 11 ] && ok || bad "list shows the 11 checkers"
grep -q 'reconstructed' "$T/out" && ok || bad "list shows provenance"
grep -q '^LP .*\[derived\] derived here.*docs/loss_peak.md' "$T/out" && ok || bad "list shows LP's derived provenance and its docs/ proof"
# BEYOND.md s.2-3 (sharpness, non-normality); the per-checker counts below
# follow the registry instead of a fixed number
[ "$(grep -c '^\(S1\|S2\|S3\|N1\|N2\|N3\) ' "$T/out")" -eq 6 ] && ok || bad "list shows S1-S3, N1-N3"
# S2, S3, N2 are statements of several claims (issue 18): 12 S and N lines
[ "$(grep -Ec '^ {0,2}[SN][1-3](-[A-Za-z0-9]+)? +.*\[(exact|reconstructed|observational)\]' "$T/out")" -eq 12 ] && ok || bad "list shows the 12 S and N claims"
# one line per claim (a statement of several claims heads them unindented)
NCHK=$(grep -Ec '^ {0,2}[A-Z][^ ]* +.*\[(exact|reconstructed|observational|derived)\]' "$T/out")

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
expect_rc 3 "undecided under a low cap" "$SC" check --theorem L6-iff --max-precision 256 "$WDP"
grep -q "^L6-iff .*whitened-wd-projected .*UNDECIDED .*precision cap 256 bits reached: sign of Lambda undecided at step 69$" "$T/out" \
    && ok || bad "UNDECIDED shown with its reason"
expect_rc 1 "violated in a control run" "$SC" check --theorem T3.b-P --scale-bounds 1/4 "$SPIKE"
grep -q 'replay: spikecheck replay --theorem T3.b-P --scale-bounds 1/4' "$T/out" && ok || bad "replay line printed"
expect_rc 1 "replay reproduces it" "$SC" replay --theorem T3.b-P --scale-bounds 1/4 "$SPIKE"
mkdir "$T/rg"
expect_rc 1 "save counterexample" "$SC" check --save-counterexamples "$T/rg" --theorem T3.b-P --scale-bounds 1/4 "$SPIKE"
[ -f "$T/rg/T3.b-P-whitened-delayed-spike.json" ] && ok || bad "counterexample saved"
expect_rc 1 "saved counterexample replays" "$SC" replay --theorem T3.b-P --scale-bounds 1/4 "$T/rg/T3.b-P-whitened-delayed-spike.json"
expect_rc 0 "replay one checker" "$SC" replay --theorem L7-eq "$SPIKE"
grep -q '^L7-eq .*HOLDS' "$T/out" && ok || bad "replay prints the verdict"

# HTML: statements, counts, a figure for a showcase case; a note without gnuplot
mkdir -p "$T/showcase"; cp "$SPIKE" "$T/showcase/spike.json"
expect_rc 0 "html" "$SC" check --html "$T/r.html" "$T/showcase/spike.json"
grep -q '<svg' "$T/r.html" && grep -q 'Rising-edge peak' "$T/r.html" && ok || bad "HTML has the statements and a plot"
expect_rc 0 "html without gnuplot" env PATH=/nonexistent "$SC" check --html "$T/r2.html" "$T/showcase/spike.json"
grep -q 'Plot not drawn: gnuplot is not installed' "$T/r2.html" && ok || bad "HTML notes the missing plot"

# a hostile case name reaches gnuplot only as an inert label: the figure is
# drawn and nothing runs (the name carries a gnuplot system() call, a
# backquote, a macro and a newline)
mkdir -p "$T/evil/showcase"
sed "s|\"name\": \"[^\"]*\"|\"name\": \"x'; system('touch $T/evil/RAN1'); print '\`touch $T/evil/RAN2\`@m\\\\nset output '$T/evil/RAN3'\"|" \
    "$SPIKE" > "$T/evil/showcase/e.json"
grep -q "system('touch" "$T/evil/showcase/e.json" && ok || bad "hostile-name case built"
expect_rc 0 "html, hostile name" "$SC" check --html "$T/evil/r.html" "$T/evil/showcase/e.json"
expect_rc 1 "html, hostile name, violated" "$SC" check --html "$T/evil/v.html" --theorem T3.b-P --scale-bounds 1/4 "$T/evil/showcase/e.json"
[ "$(grep -c '<svg' "$T/evil/r.html")" -ge 1 ] && [ "$(grep -c '<svg' "$T/evil/v.html")" -ge 1 ] && ok || bad "hostile name: figures drawn"
ls "$T/evil" | grep -q RAN && bad "hostile name ran a command" || ok
grep -q 'x?; system(?touch' "$T/evil/r.html" && ok || bad "hostile name shown as an inert label"

# [LP]'s provenance "derived" (docs/loss_peak.md) in every report
expect_rc 0 "LP in every report" "$SC" check --theorem LP --json "$T/lp.json" --junit "$T/lp.xml" --html "$T/lp.html" --markdown "$T/lp.md" "$SPIKE"
grep -Eq '^LP +derived +1 ' "$T/out" && grep -q '"provenance": *"derived"' "$T/lp.json" \
    && grep -q '<property name="provenance" value="derived"/>' "$T/lp.xml" && grep -q 'class="derived"' "$T/lp.html" \
    && grep -q '^| LP | derived | 1 | 0 | 0 | 0 |' "$T/lp.md" && ok || bad "the derived provenance in the table, JSON, JUnit, HTML and Markdown"

# JUnit, claims baseline, shards
expect_rc 0 "junit" "$SC" check --junit "$T/j.xml" "$SPIKE" tests/data/thm_plain.json
[ "$(grep -c '<testcase ' "$T/j.xml")" -eq $((2 * NCHK)) ] && ok || bad "one testcase per checker x case"
NNA=$("$SC" check --all "$SPIKE" tests/data/thm_plain.json | grep -c 'NOT-APPLICABLE')
[ "$NNA" -ge 9 ] && [ "$(grep -c '<skipped ' "$T/j.xml")" -eq "$NNA" ] && ok || bad "NOT-APPLICABLE is skipped"
expect_rc 1 "junit failure" "$SC" check --junit "$T/jf.xml" --theorem T3.b-P --scale-bounds 1/4 "$SPIKE"
grep -q '<failure type="VIOLATED"' "$T/jf.xml" && grep -q 'replay: spikecheck replay --theorem T3.b' "$T/jf.xml" && ok || bad "JUnit failure holds the replay line"
expect_rc 0 "write baseline" "$SC" check --baseline "$T/base.txt" --update-baseline "$SPIKE" tests/data/thm_t22.json
expect_rc 0 "write a baseline that records a finding" "$SC" check --theorem T3.b-P --scale-bounds 1/4 --baseline "$T/basev.txt" --update-baseline "$SPIKE"
grep -qx 'baseline .*/basev.txt: rewritten (1 records)' "$T/out" && grep -q 'VIOLATED' "$T/basev.txt" && ok || bad "the rewritten baseline says so and keeps the VIOLATED"
expect_rc 0 "same claims" "$SC" check --baseline "$T/base.txt" "$SPIKE" tests/data/thm_t22.json
grep -q 'no claim changed' "$T/out" && ok || bad "baseline unchanged"
sed 's/^T2.2-T\tthm_t22\tHOLDS/T2.2-T\tthm_t22\tNOT-APPLICABLE/' "$T/base.txt" > "$T/base2.txt"
expect_rc 4 "changed claim" "$SC" check --baseline "$T/base2.txt" "$SPIKE" tests/data/thm_t22.json
grep -q 'changed: T2.2-T.thm_t22: NOT-APPLICABLE -> HOLDS' "$T/out" && ok || bad "the change is listed"
# a vacuous truth: no step of this logistic case rises, so [T5.3-E]'s and [T5.3-3]'s "not rising" conclusions were
# never at risk, while [T5.3-U]'s bounds were checked; --theorem T5.3 selects the statement's three claims
expect_rc 0 "vacuous T5.3" "$SC" check --theorem T5.3 --json "$T/vac.json" --baseline "$T/vac.txt" --update-baseline cases/default-logistic/logistic-0002-small-eta.json
[ "$(grep -c '"checker":' "$T/vac.json")" -eq 3 ] && ok || bad "--theorem T5.3 runs its three claims"
grep -q '"exercised": false' "$T/vac.json" && ok || bad "JSON marks the vacuous HOLDS"
grep -q 'T5.3-E.*HOLDS (vacuous)' "$T/vac.txt" && grep -q 'T5.3-3.*HOLDS (vacuous)' "$T/vac.txt" && grep -Pq 'T5.3-U\t.*\tHOLDS$' "$T/vac.txt" \
    && ok || bad "the baseline keeps vacuous apart"
grep -Eq '^T5.3-E +reconstructed +1 +0 +1 +0 +0 +0 ' "$T/out" && grep -Eq '^T5.3-U +reconstructed +1 +1 +0 ' "$T/out" \
    && ok || bad "the coverage table counts the vacuous HOLDS apart"
expect_rc 0 "vacuous T5.3, JUnit and Markdown" "$SC" check --theorem T5.3 --junit "$T/vac.xml" --markdown "$T/vac.md" cases/default-logistic/logistic-0002-small-eta.json
grep -A6 '<testcase classname="T5.3-E"' "$T/vac.xml" | grep -q '<property name="exercised" value="false"/>' \
    && grep -A8 '<testsuite name="T5.3-E"' "$T/vac.xml" | grep -q '<property name="vacuous" value="1"/>' \
    && grep -A6 '<testcase classname="T5.3-U"' "$T/vac.xml" | grep -q '<property name="exercised" value="true"/>' \
    && grep -q '^| T5.3-E | reconstructed | 1 (1 vacuous) | 0 | 0 | 0 | - |$' "$T/vac.md" \
    && grep -q '^| T5.3-U | reconstructed | 1 | 0 | 0 | 0 | - |$' "$T/vac.md" && ok || bad "JUnit and Markdown tell the vacuous HOLDS apart"
expect_rc 2 "--theorem names no claim" "$SC" check --theorem T5.9 cases/default-logistic/logistic-0002-small-eta.json
grep -q "unknown claim or statement 'T5.9'" "$T/err" && ok || bad "an unknown --theorem is named"
# coverage: NOT-APPLICABLE grouped by the hypothesis that failed, with a label in the JSON
expect_rc 0 "coverage groups" "$SC" check --theorem T5.1-1 --json "$T/cov.json" "$SPIKE" tests/data/logi_small.json tests/data/logi_A_1000.json
grep -Eq '^T5.1-1 +reconstructed +1 +1 +0 +0 +0 +2 ' "$T/out" && grep -q '^ *N/A 1: square loss$' "$T/out" \
    && grep -q '^ *N/A 1: eta > eta_max$' "$T/out" && ok || bad "coverage: N/A by failing hypothesis"
grep -q '"failed_hypothesis": "eta > eta_max"' "$T/cov.json" && grep -q '"statement": "T5.1"' "$T/cov.json" \
    && ok || bad "JSON: the failed hypothesis and the statement of a claim"
# a case file name that is no UTF-8: the JSON keeps every key (the byte as '?')
mkdir "$T/u8"; cp "$SPIKE" "$T/u8/$(printf 'a\377b').json"
expect_rc 0 "non-UTF-8 name" "$SC" check --theorem L1 --json "$T/u8.json" "$T/u8"
grep -q '"case_file": ".*/u8/a?b.json"' "$T/u8.json" && grep -q '"replay": ' "$T/u8.json" && ok || bad "JSON keeps case_file and replay of a non-UTF-8 name"
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
# ---- issue 5 (scale): journals, resume, merge into every format ----
expect_rc 0 "unsharded junit, html" "$SC" check --precision 53 --junit "$T/all.xml" --html "$T/all.html" "$T/sh"
for k in 1 2 3; do
    expect_rc 0 "shard $k/3 journal" "$SC" check --precision 53 --html "$T/ph.html" --shard $k/3 --journal "$T/p$k.jnl" "$T/sh"
done
expect_rc 0 "merge journals" "$SC" merge -o "$T/mj.json" -o "$T/mj.xml" -o "$T/mj.html" "$T/p2.jnl" "$T/p3.jnl" "$T/p1.jnl"
cmp -s "$T/all.json" "$T/mj.json" && cmp -s "$T/all.xml" "$T/mj.xml" && cmp -s "$T/all.html" "$T/mj.html" \
    && ok || bad "merged journals give the unsharded JSON, JUnit and HTML"
expect_rc 0 "merge journals into one journal" "$SC" merge -o "$T/mj.jnl" "$T/p2.jnl" "$T/p3.jnl" "$T/p1.jnl"
expect_rc 0 "check a merged journal" "$SC" check --precision 53 --html "$T/mjc.html" --journal "$T/mj.jnl" --json "$T/mjc.json" --junit "$T/mjc.xml" "$T/sh"
grep -q 'mj.jnl: 4 of 4 cases restored, 0 run' "$T/err" && cmp -s "$T/all.json" "$T/mjc.json" && cmp -s "$T/all.xml" "$T/mjc.xml" \
    && cmp -s "$T/all.html" "$T/mjc.html" && ok || bad "check with a merged journal restores the unsharded reports"
expect_rc 2 "JUnit from JSON parts" "$SC" merge -o "$T/mx.xml" "$T/p1.json" "$T/p2.json"
expect_rc 2 "merge: unknown extension" "$SC" merge -o "$T/mx.txt" "$T/p1.jnl"
expect_rc 2 "merge: a case in two parts" "$SC" merge -o "$T/mx.json" "$T/p1.jnl" "$T/p1.jnl"
expect_rc 2 "merge: journals and JSON mixed" "$SC" merge -o "$T/mx.json" "$T/p1.jnl" "$T/p2.json"
[ -e "$T/mx.json" ] || [ -e "$T/mx.xml" ] && bad "failed merge left a file" || ok
# a sweep killed midway resumes from its journal: finished cases are not
# rerun, none is lost, the reports equal an uninterrupted run's
mkdir "$T/rs"; ls cases/default/*.json | head -12 | xargs -I{} cp {} "$T/rs"
expect_rc 0 "uninterrupted run" "$SC" check --precision 53 --json "$T/u.json" --junit "$T/u.xml" "$T/rs"
"$SC" check --precision 53 --journal "$T/r.jnl" --json "$T/k.json" --junit "$T/k.xml" "$T/rs" > /dev/null 2>&1 &
pid=$!
i=0
while [ "$(cat "$T/r.jnl" 2> /dev/null | wc -l)" -lt 3 ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
kill -9 "$pid" 2> /dev/null
wait "$pid" 2> /dev/null
[ ! -e "$T/k.json" ] && [ "$(wc -l < "$T/r.jnl")" -lt 13 ] && ok || bad "the run was killed before its end"
n0=$(($(wc -l < "$T/r.jnl") - 1))
expect_rc 0 "resumed run" "$SC" check --precision 53 --journal "$T/r.jnl" --json "$T/k.json" --junit "$T/k.xml" "$T/rs"
grep -q "r.jnl: $n0 of 12 cases restored, $((12 - n0)) run" "$T/err" && ok || bad "resume skips the $n0 finished cases"
cmp -s "$T/u.json" "$T/k.json" && cmp -s "$T/u.xml" "$T/k.xml" && ok || bad "resumed reports equal the uninterrupted ones"
printf '{"case_file":"cut sh' >> "$T/r.jnl"      # a line cut short by a kill
expect_rc 0 "resume after a cut line" "$SC" check --precision 53 --journal "$T/r.jnl" --json "$T/k2.json" "$T/rs"
grep -q "12 of 12 cases restored, 0 run" "$T/err" && cmp -s "$T/u.json" "$T/k2.json" && ok || bad "cut line dropped"
expect_rc 2 "journal of other options" "$SC" check --journal "$T/r.jnl" "$T/rs"
grep -q 'r.jnl: options: ' "$T/err" && grep -q 'precision=53 in the journal, precision=0 in this run' "$T/err" && ok || bad "other options named: $(cat "$T/err")"
sed '1s/"versions":"[^}]*}"/"versions":"spikecheck 0.0"/' "$T/r.jnl" > "$T/rv.jnl"
expect_rc 2 "journal of other versions" "$SC" check --precision 53 --journal "$T/rv.jnl" "$T/rs"
grep -q 'rv.jnl: options: .*(versions spikecheck 0.0 in the journal, ' "$T/err" && ! grep -q 'precision=' "$T/err" && ok || bad "other versions named, alone: $(cat "$T/err")"
expect_rc 2 "not a journal" "$SC" check --journal "$SPIKE" "$T/rs"
sed '3s/.*/{"damaged": /' "$T/r.jnl" > "$T/r2.jnl"
expect_rc 2 "damaged journal line" "$SC" check --precision 53 --journal "$T/r2.jnl" "$T/rs"
grep -q 'r2.jnl: line 3: not a journal line' "$T/err" && ok || bad "damaged line named"
# check --jobs N: worker processes, one journal each, read back in case
# order: the table, the exit code and every report equal one process's
expect_rc 0 "one process, html" "$SC" check --precision 53 --json "$T/all.json" --junit "$T/all.xml" --html "$T/all.html" "$T/sh"
cp "$T/out" "$T/all.out"
mkdir "$T/jobsdir"
expect_rc 0 "--jobs 3" env TMPDIR="$T/jobsdir" "$SC" check --jobs 3 --precision 53 --json "$T/jb.json" --junit "$T/jb.xml" --html "$T/jb.html" "$T/sh"
cmp -s "$T/all.json" "$T/jb.json" && cmp -s "$T/all.xml" "$T/jb.xml" && cmp -s "$T/all.html" "$T/jb.html" \
    && cmp -s "$T/all.out" "$T/out" && ok || bad "--jobs 3 gives the one-process table and reports"
[ -z "$(ls -A "$T/jobsdir")" ] && ok || bad "--jobs leaves no temporary journal"
expect_rc 0 "--jobs 2 with a journal" "$SC" check --jobs 2 --precision 53 --journal "$T/jj.jnl" --json "$T/jj.json" --junit "$T/jj.xml" "$T/rs"
cmp -s "$T/u.json" "$T/jj.json" && cmp -s "$T/u.xml" "$T/jj.xml" && [ -s "$T/jj.jnl.1" ] && [ -s "$T/jj.jnl.2" ] \
    && ok || bad "--jobs 2 journals FILE.1, FILE.2 and equals one process"
expect_rc 0 "--jobs 2 resumed" "$SC" check --jobs 2 --precision 53 --journal "$T/jj.jnl" --json "$T/jj2.json" "$T/rs"
grep -q "jj.jnl.1: 6 of 6 cases restored, 0 run" "$T/err" && grep -q "jj.jnl.2: 6 of 6 cases restored, 0 run" "$T/err" \
    && cmp -s "$T/u.json" "$T/jj2.json" && ok || bad "--jobs resumes each worker's journal"
# a killed worker: the run fails, its temporary journals stay and the
# printed --journal line resumes them to the one-process report
mkdir "$T/kd"
TMPDIR="$T/kd" "$SC" check --jobs 2 --precision 53 --json "$T/kd.json" "$T/rs" > /dev/null 2> "$T/kd.err" &
pid=$!
i=0
while [ "$(cat "$T"/kd/*/part.2 2> /dev/null | wc -l)" -lt 2 ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
kids=$(grep -l "^PPid:[[:space:]]*$pid\$" /proc/[0-9]*/status 2> /dev/null | cut -d/ -f3)
kill -9 $kids 2> /dev/null        # the workers (no procps on a bare machine)
wait "$pid"; rc=$?
part=$(ls -d "$T"/kd/spikecheck-jobs.* 2> /dev/null)/part
[ "$rc" -eq 2 ] && [ ! -e "$T/kd.json" ] && grep -q "add --journal $part --jobs 2 to resume" "$T/kd.err" \
    && ok || bad "a killed worker fails the run and names its kept journals"
expect_rc 0 "--jobs resumes the kept journals" "$SC" check --jobs 2 --precision 53 --journal "$part" --json "$T/kd.json" "$T/rs"
cmp -s "$T/u.json" "$T/kd.json" && ok || bad "the resumed run equals the one-process report"
expect_rc 1 "--jobs with a VIOLATED" "$SC" check --jobs 2 --theorem T3.b-P --scale-bounds 1/4 "$SPIKE" tests/data/thm_t22.json
expect_rc 2 "--jobs 0" "$SC" check --jobs 0 "$SPIKE"
expect_rc 2 "--jobs not a number" "$SC" check --jobs two "$SPIKE"
expect_rc 2 "--jobs, unwritable journal" "$SC" check --jobs 2 --json "$T/jn.json" --journal "$T/nodir/x.jnl" "$T/sh"
grep -q 'nodir/x.jnl' "$T/err" && grep -q 'worker 1 of 2 failed' "$T/err" && [ ! -e "$T/jn.json" ] \
    && ok || bad "a failed worker is named and nothing is written"
# tighten: deterministic for a seed, never worse than its start, the case
# it writes replays with the slack it printed
expect_rc 0 "tighten" "$SC" tighten --theorem T3.b-P --seed 3 --iters 40 -o "$T/t1.json"
cp "$T/out" "$T/t1.out"
expect_rc 0 "tighten again" "$SC" tighten --theorem T3.b-P --seed 3 --iters 40 -o "$T/t2.json"
sed 's/t2.json/t1.json/' "$T/out" | cmp -s - "$T/t1.out" && cmp -s "$T/t1.json" "$T/t2.json" && ok || bad "tighten is deterministic for a seed"
awk '/start/ { s = $0; sub(/.*start /, "", s); sub(/,.*/, "", s); b = $0; sub(/.*best /, "", b); sub(/ .*/, "", b);
     exit !(b + 0 <= s + 0 && b + 0 >= 1) }' "$T/t1.out" && ok || bad "tightest slack no worse than the start"
expect_rc 0 "tight case replays" "$SC" replay --theorem T3.b-P "$T/t1.json"
grep -q "^T3.b-P .*HOLDS *[0-9.]* *[0-9.e+-]* *$(sed -n 's/^slack \([0-9.]\{5\}\).*/\1/p' "$T/t1.out")" "$T/out" && ok || bad "replay shows the printed slack"
expect_rc 0 "tighten --min-observed" "$SC" tighten --theorem T2.2-T --min-observed 10 --iters 30 -o "$T/t4.json"
expect_rc 0 "its case" "$SC" replay --theorem T2.2-T "$T/t4.json"
grep -q 'first rising step [1-9][0-9][0-9]* <= t0 + T' "$T/out" && ok || bad "--min-observed keeps onsets t1 >= 10 only"
expect_rc 2 "tighten bad --min-observed" "$SC" tighten --theorem T2.2-T --min-observed x -o "$T/t3.json"
expect_rc 2 "tighten unknown checker" "$SC" tighten --theorem X9 -o "$T/t3.json"
expect_rc 2 "tighten without --theorem" "$SC" tighten -o "$T/t3.json"
expect_rc 2 "tighten bad --iters" "$SC" tighten --theorem T3.b-P --iters 0 -o "$T/t3.json"
expect_rc 2 "tighten unwritable" "$SC" tighten --theorem T3.b-P --iters 5 -o /nonexistent/dir/t.json
[ -e "$T/t3.json" ] && bad "failed tighten left a file" || ok
# tighten, logistic family ([T5.3] is a LOGISTIC.md statement): same
# seed, same file; the case it writes is logistic and the checker gives the
# verdict and slack that tighten printed; never worse than its start
expect_rc 0 "tighten T5.3" "$SC" tighten --theorem T5.3-3 --seed 3 --iters 25 -o "$T/l1.json"
cp "$T/out" "$T/l1.out"
expect_rc 0 "tighten T5.3 again" "$SC" tighten --theorem T5.3-3 --seed 3 --iters 25 -o "$T/l2.json"
cmp -s "$T/l1.json" "$T/l2.json" && ok || bad "tighten T5.3 is deterministic for a seed"
grep -q '"loss": "logistic"' "$T/l1.json" && grep -q '"generator": "logistic"' "$T/l1.json" && ok || bad "T5.3 climbs over logistic cases"
awk '/start/ { s = $0; sub(/.*start /, "", s); sub(/,.*/, "", s); b = $0; sub(/.*best /, "", b); sub(/ .*/, "", b);
     exit !(b + 0 <= s + 0 && b + 0 >= 1) }' "$T/l1.out" && ok || bad "T5.3: tightest slack no worse than the start"
expect_rc 0 "its T5.3 case" "$SC" check --theorem T5.3-3 --json "$T/l1.rep.json" "$T/l1.json"
v=$(sed -n 's/^tighten.*, \([A-Z-]*\)$/\1/p' "$T/l1.out"); s=$(sed -n 's/^slack //p' "$T/l1.out")
grep -q "\"verdict\": \"$v\"" "$T/l1.rep.json" && grep -q "\"slack\": \"$s\"" "$T/l1.rep.json" && ok || bad "T5.3 case gives the verdict $v and slack $s that tighten printed"
expect_rc 0 "tighten L9" "$SC" tighten --theorem L9 --iters 3 -o "$T/l3.json"
expect_rc 0 "tighten L9 --family logistic" "$SC" tighten --theorem L9 --family logistic --iters 3 -o "$T/l5.json"
cmp -s "$T/l3.json" "$T/l5.json" && grep -q '"loss": "logistic"' "$T/l3.json" && ok || bad "L9 climbs over the logistic family by default"
expect_rc 3 "tighten T5.3 --family whitened" "$SC" tighten --theorem T5.3-3 --family whitened --iters 3 -o "$T/l4.json"
grep -q 'no case within the hypotheses of T5.3-3' "$T/err" && ok || bad "square-loss cases are NOT-APPLICABLE for T5.3"
expect_rc 2 "tighten bad --family" "$SC" tighten --theorem T5.3-3 --family cubic -o "$T/l4.json"
expect_rc 2 "tighten --family without a name" "$SC" tighten --theorem T5.3-3 --family
[ -e "$T/l4.json" ] && bad "failed tighten --family left a file" || ok
# shrink: a control-run counterexample made smaller while it stays VIOLATED
mkdir "$T/shr"
expect_rc 0 "shrink" "$SC" shrink --theorem T3.b-P --scale-bounds 1/4 -o "$T/shr" "$SPIKE"
S1="$T/shr/T3.b-P-whitened-delayed-spike-shrunk.json"
[ -f "$S1" ] && grep -q "replay: spikecheck replay --theorem T3.b-P --scale-bounds 1/4 $S1" "$T/out" && ok || bad "shrunk case saved with its replay line"
awk '/^shrink/ { split($0, f, /steps |, n |, d |, bits/); split(f[2], s, / -> /); split(f[3], r, / -> /);
     split(f[4], d, / -> /); exit !(s[2] + 0 < s[1] + 0 && r[2] + 0 < r[1] + 0 && d[2] + 0 < d[1] + 0) }' "$T/out" \
    && ok || bad "fewer steps, rows and dimensions"
expect_rc 1 "shrunk case is still VIOLATED" "$SC" replay --theorem T3.b-P --scale-bounds 1/4 "$S1"
expect_rc 0 "shrunk case holds without the control factor" "$SC" replay --theorem T3.b-P "$S1"
expect_rc 2 "shrink a check that holds" "$SC" shrink --theorem T3.b-P -o "$T/shr" "$SPIKE"
grep -q 'T3.b-P is not VIOLATED on it' "$T/err" && [ "$(ls "$T/shr" | wc -l)" -eq 1 ] && ok || bad "nothing to shrink, nothing written"
expect_rc 2 "shrink unwritable" "$SC" shrink --theorem T3.b-P --scale-bounds 1/4 -o /nonexistent/dir "$SPIKE"
expect_rc 2 "shrink unknown checker" "$SC" shrink --theorem X9 "$SPIKE"
if command -v parallel > /dev/null 2>&1; then
    # the README's GNU parallel sweep: two shards at once, then merge
    expect_rc 0 "GNU parallel shards" parallel --will-cite -j 2 "$SC" check --precision 53 \
        --shard {}/2 --json "$T/gp{}.json" --journal "$T/gp{}.jnl" "$T/sh" ::: 1 2
    expect_rc 0 "merge parallel shards" "$SC" merge -o "$T/gm.json" "$T/gp1.json" "$T/gp2.json"
    cmp -s "$T/all.json" "$T/gm.json" && ok || bad "GNU parallel sweep equals the unsharded report"
    expect_rc 0 "merge parallel journals" "$SC" merge -o "$T/gj.json" -o "$T/gj.xml" "$T/gp1.jnl" "$T/gp2.jnl"
    cmp -s "$T/all.json" "$T/gj.json" && cmp -s "$T/all.xml" "$T/gj.xml" && ok || bad "GNU parallel journals give the unsharded JSON and JUnit"
else
    echo "note: GNU parallel not installed (sh .ci/install-deps fuzz installs it): sweep test not run"
fi
expect_rc 2 "merge of a non-report" "$SC" merge -o "$T/m2.json" "$SPIKE"
[ -e "$T/m2.json" ] && bad "failed merge left a file" || ok

# [T2.x] from every admissible reference time: on the spike (ii) fails at
# t = 0 and first holds at t0 = 5; --from-first judges t0 = 5 alone
expect_rc 0 "T2.2 from every t0" "$SC" check --theorem T2.2-T "$SPIKE" --json "$T/t22.json"
grep -q "\"t0\": \"5\\.0" "$T/t22.json" && grep -q "\"predicted\": \"272\\.0" "$T/t22.json" && ok || bad "T2.2 from t0 = 5, onset 209 <= 272"
expect_rc 0 "T2.2 --from-first" "$SC" check --from-first --theorem T2.2-T "$SPIKE" --json "$T/t22f.json"
grep -q "\"slack_t0\": \"5\\.0" "$T/t22f.json" && ok || bad "--from-first judges the earliest t0 alone"

# the float64 view
expect_rc 0 "float view" "$SC" check --theorem L7-eq --precision 53 --verbose "$SPIKE"
grep -q 'float view .* at 53 bits: [1-9][0-9]* of 760' "$T/out" && ok || bad "float view lists differing steps"

# trace
expect_rc 0 "trace" "$SC" trace --digits 8 "$SPIKE"
[ "$(head -1 "$T/out")" = "t,a,b,rho,gamma,W,h,loss,rising" ] && ok || bad "trace header"
[ "$(wc -l < "$T/out")" -eq 762 ] && ok || bad "trace has steps+1 rows"
expect_rc 0 "trace --reduced" "$SC" trace --reduced "$SPIKE"
sed -n '663p' "$T/out" | grep -q '^661,.*,0\.2565967' && ok || bad "reduced trace: rho_661 = 0.2566"
expect_rc 0 "trace float" "$SC" trace --precision 53 "$SPIKE"
expect_rc 2 "trace --reduced on plain data" "$SC" trace --reduced tests/data/thm_plain.json
# undefined flags are '-' and final: no reference direction (the data are
# not separable, so no hard-margin SVM exists), or
# a_0 = <w_0, w*> = 0 exactly (w_0 = X~^T c with c^T y = 0); exit 0 at the
# case's own 128 bits, so no precision was raised for them
expect_rc 0 "trace without a reference" "$SC" trace --max-precision 128 tests/data/logi_nonsep.json
[ -s "$T/err" ] && bad "trace without a reference: stderr not empty" || ok
awk -F, 'NR > 1 && NR < 42 && $9 != "-" { bad = 1 } END { exit bad || NR != 42 }' "$T/out" && ok || bad "no reference: every flag is -"
expect_rc 0 "trace from a_0 = 0" "$SC" trace --max-precision 128 tests/data/logi_a0_zero.json
sed -n 2p "$T/out" | grep -q '^0,0,.*,nan,.*,-$' && sed -n 3p "$T/out" | grep -q ',0$' && ok || bad "a_0 = 0 exactly: row 0 prints a = 0 and -"
# the float view's certified run stops there too (undefined flags are not
# compared and not undecided)
expect_rc 0 "float view without a reference" "$SC" check --theorem L12 --precision 53 --verbose tests/data/logi_nonsep.json tests/data/logi_a0_zero.json
[ "$(grep -c 'certified at 128 bits)$' "$T/out")" -eq 2 ] && ok || bad "float view: undefined flags certified at the case's 128 bits"
# the digits printed are certain: at the case's 128 bits the flags are
# decided but 17 values are not known to 33 digits, so the trace goes on
# to 256 bits, and then prints exactly what a 4096-bit run prints (at 20
# digits the split coordinates of src/dyn/split.c make 128 bits enough;
# since the exact zeros of the whitened split step are kept, 32 digits are
# certain at 128 bits too)
TT=cases/tight/T2.2.json
expect_rc 3 "trace: digits not certain under the cap" "$SC" trace --digits 33 --max-precision 128 "$TT"
grep -q 'values are not certain to 33 digits at 128 bits' "$T/err" && ok || bad "trace names the uncertain digits"
expect_rc 0 "trace: digits certain" "$SC" trace --digits 33 "$TT"
cp "$T/out" "$T/tt.csv"
sed 's/"precision": *128/"precision": 4096/' "$TT" > "$T/tt4096.json"
expect_rc 0 "trace at 4096 bits" "$SC" trace --digits 33 --max-precision 4096 "$T/tt4096.json"
cmp -s "$T/out" "$T/tt.csv" && ok || bad "trace digits differ from a 4096-bit run"
# rows stream out as they become final: the spike's trace to 70 digits
# rises from 256 to 512 bits partway (at step 406; at step 73 before the
# w*-component of the gradient was formed without cancellation in
# src/dyn/split.c) and prints rows 0..760
# once each, in order, the same CSV whatever the cap above 512
expect_rc 0 "trace across precisions" "$SC" trace --digits 70 --max-precision 512 "$SPIKE"
awk -F, 'NR > 1 && $1 != NR - 2 { bad = 1 } END { exit bad || NR != 762 }' "$T/out" && ok || bad "trace rows not 0..760 once each"
cp "$T/out" "$T/capped.csv"
expect_rc 3 "trace to 70 digits needs more than 256 bits" "$SC" trace --digits 70 --max-precision 256 "$SPIKE"
grep -q 'not certain to 70 digits at 256 bits (the first at step 406)' "$T/err" && ok || bad "trace to 70 digits: first uncertain row 406"
expect_rc 0 "trace, default cap" "$SC" trace --digits 70 "$SPIKE"
cmp -s "$T/out" "$T/capped.csv" && ok || bad "trace depends on the cap"

# issue 14: full GD carries rho in split coordinates (src/dyn/split.c), so
# the precision it needs does not grow with log2(1/rho).  rho falls to
# 3.13e-1376 in 250 steps: the old full GD was UNDECIDED at the default
# 4096-bit cap (42 values uncertain from step 230); now the trace is
# certain at the case's 256 bits (128 suffice), and its CSV equals the
# reduced recurrence's row for row, every step
D1=cases/deep/rho-3e-1376-250-steps.json
expect_rc 0 "trace, rho below 1e-1000, default cap" "$SC" trace "$D1"
cp "$T/out" "$T/deep.csv"
tail -1 "$T/deep.csv" | grep -qx '250,1.0161077777069518368,3.1807779990336974237e-1376,3.1303549375556912511e-1376,0.66037394611236577959,1.0324750159165602481,0.99999999350156854804,0.28195312564880534303,' \
    && ok || bad "trace: rho_250 = 3.1303549375556912511e-1376"
expect_rc 0 "trace --reduced, rho below 1e-1000" "$SC" trace --reduced "$D1"
cmp -s "$T/out" "$T/deep.csv" && ok || bad "full GD and the reduced recurrence print different rows (rho below 1e-1000)"
expect_rc 0 "[L7], rho below 1e-1000, default cap" "$SC" check --theorem L7-eq "$D1"
grep -q '^L7-eq .* HOLDS .* 256 ' "$T/out" && ok || bad "[L7] HOLDS at 256 bits with rho below 1e-1000"
# 1200 steps, rho to 2.97e-201: the old full GD failed at 512 bits (902
# values uncertain from step 750) and needed 1024; now 96 bits suffice
# and the trace succeeds under --max-precision 512 at the case's 256 bits
D2=cases/deep/rho-3e-201-1200-steps.json
expect_rc 0 "trace, 1200 steps, rho near 1e-200, cap 512" "$SC" trace --max-precision 512 "$D2"
cp "$T/out" "$T/deep2.csv"
[ "$(wc -l < "$T/deep2.csv")" -eq 1202 ] && tail -1 "$T/deep2.csv" | grep -q '^1200,1.0014870806821916941,2.9749033430099248515e-201,2.9704859906764688180e-201,' \
    && ok || bad "trace: 1201 rows, rho_1200 = 2.9704859906764688180e-201"
expect_rc 0 "trace --reduced, 1200 steps" "$SC" trace --reduced "$D2"
cmp -s "$T/out" "$T/deep2.csv" && ok || bad "full GD and the reduced recurrence print different rows (1200 steps)"

# expand: generated data and init written out exactly; the same case
W13=cases/default/whitened-0013-wide.json
expect_rc 0 "expand" "$SC" expand -o "$T/x13.json" "$W13"
grep -q '"generator"' "$T/x13.json" && bad "expand left a generator" || ok
"$SC" trace "$W13" > "$T/t13a.csv" 2>&1
"$SC" trace "$T/x13.json" > "$T/t13b.csv" 2>&1
cmp -s "$T/t13a.csv" "$T/t13b.csv" && ok || bad "expanded case traces differently"
L0=cases/default-logistic/logistic-0000-delayed.json
expect_rc 0 "expand a logistic case" "$SC" expand -o "$T/l0.json" "$L0"
"$SC" check --all "$L0" > "$T/l0a.txt" 2>&1
"$SC" check --all "$T/l0.json" > "$T/l0b.txt" 2>&1
cmp -s "$T/l0a.txt" "$T/l0b.txt" && ok || bad "expanded logistic case checks differently"
expect_rc 2 "expand to an unwritable path" "$SC" expand -o "$T/nodir/x.json" "$W13"
grep -q "$T/nodir/x.json" "$T/err" && ok || bad "expand names the bad path"
ls "$T" | grep -q 'tmp' && bad "expand left a temporary file" || ok
expect_rc 2 "expand without -o" "$SC" expand "$W13"

# gen: deterministic, loadable
expect_rc 0 "gen" "$SC" gen --suite whitened --count 8 --seed 5 -o "$T/g1"
expect_rc 0 "gen again" "$SC" gen --suite whitened --count 8 --seed 5 -o "$T/g2"
diff -r "$T/g1" "$T/g2" > /dev/null && ok || bad "gen is deterministic"
[ "$(ls "$T/g1" | wc -l)" -eq 8 ] && ok || bad "gen writes count files"
expect_rc 2 "gen unknown suite" "$SC" gen --suite nope --count 1 --seed 1 -o "$T/g3"

# [F3] hilbert suite and the Figure 3 section of the HTML report
expect_rc 0 "gen hilbert" "$SC" gen --suite hilbert --count 2 --seed 9 -o "$T/h1"
expect_rc 0 "gen hilbert again" "$SC" gen --suite hilbert --count 2 --seed 9 -o "$T/h2"
diff -r "$T/h1" "$T/h2" > /dev/null && ok || bad "gen hilbert is deterministic"
grep -q '"generator": "hilbert"' "$T/h1/hilbert-0001-logistic.json" && ok || bad "gen hilbert writes hilbert cases"
expect_rc 0 "generated hilbert cases load and run" "$SC" check --theorem F3 "$T/h1"
expect_rc 0 "figure 3 html" "$SC" check --precision 53 --html "$T/f3.html" cases/figure3
# per case: the certified-beside-float view, Lemma 6's Lambda_t, the
# sharpness panel and the learning-rate sweep
grep -q 'Figure 3 (paper Section 6)' "$T/f3.html" && [ "$(grep -c '<svg' "$T/f3.html")" -eq 8 ] && ok || bad "HTML has the Figure 3 section with eight plots"
grep -q 'Reference u\*: the Euclidean hard-margin SVM direction (A3 fails: 2 of 6 samples active; KKT verified over Q)' "$T/f3.html" && ok || bad "Figure 3 logistic caption names the hard-margin reference"
grep -q 'rho, h_t and Theta are not defined' "$T/f3.html" && bad "Figure 3 logistic panel still lacks rho, h and Theta" || ok
for c in logistic square; do
    for p in "Lemma 6's criterion Lambda_t" 'sharpness (S1-S2, N1-N3)' 'learning-rate sweep'; do
        grep -qF "figure3-hilbert-$c: $p</h3>" "$T/f3.html" && ok || bad "Figure 3 $c: no panel '$p'"
    done
done
grep -q 'the sign of Lambda_t turns from - to + at step 344 (first + at step 344); spike onset at step 348; 0 of 400 signs undecided' "$T/f3.html" && ok || bad "Figure 3 square: Lambda_t changes sign at the onset"
[ "$(grep -o ' eta [0-9/]*: ' "$T/f3.html" | wc -l)" -eq 14 ] && ok || bad "Figure 3 sweep: seven eta per loss"
grep -q 'eta 3/1000: onset 348, peak 368, ratio 1.278e+04;' "$T/f3.html" && grep -q 'eta 1: onset 202, peak 203, ratio 4.421;' "$T/f3.html" && ok || bad "Figure 3 sweep includes the case's own eta with its [F3] spike"
grep -q 'onset step 348, peak step 368' "$T/f3.html" && grep -q '53-bit run (float64 at 53): onset 214' "$T/f3.html" && ok || bad "Figure 3 caption: certified and float64 onsets"
# gnuplot gets its tick formats, not their printf spelling: no axis reads "%g" or "%L" (the Figure 3 panels' top row
# was passed through a %s with "%%g" in it, which gnuplot prints as a literal %g)
if command -v gnuplot > /dev/null 2>&1; then
    grep -Eq '>%(g|L)<|\{%L\}' "$T/f3.html" && bad "Figure 3 axes print a literal tick format" || ok
    grep -Eq '>%(g|L)<|\{%L\}' "$T/r.html" && bad "trajectory axes print a literal tick format" || ok
fi
expect_rc 0 "figure 3 html again" "$SC" check --precision 53 --html "$T/f3b.html" cases/figure3
cmp -s "$T/f3.html" "$T/f3b.html" && ok || bad "Figure 3 report is byte-identical on a rerun"
expect_rc 1 "F3 false claim" "$SC" check --theorem F3 --scale-bounds 10000 cases/figure3/hilbert-square.json
# LOGISTIC.md: the logistic suite (deterministic, loadable, every family,
# an A3 failure keeps the claims that need A3 NOT-APPLICABLE, while [L6],
# which needs only a unit u*, runs against the hard-margin SVM direction,
# certified over Q without A3) and the trace of dataset A
expect_rc 0 "gen logistic" "$SC" gen --suite logistic --count 8 --seed 5 -o "$T/gl1"
expect_rc 0 "gen logistic again" "$SC" gen --suite logistic --count 8 --seed 5 -o "$T/gl2"
diff -r "$T/gl1" "$T/gl2" > /dev/null && ok || bad "gen logistic is deterministic"
[ "$(ls "$T/gl1" | grep -c 'logistic-000[0-7]-')" -eq 8 ] && ok || bad "gen logistic writes the 8 families"
expect_rc 0 "check logistic suite" "$SC" check --all --theorem L6-iff --theorem L12 "$T/gl1"
grep -q '^L6-iff .*logistic-0005-a3-fail .*HOLDS' "$T/out" && ok || bad "A3 failure: L6 holds against the hard-margin direction"
[ "$(grep -c '^L12 .*logistic-.*HOLDS' "$T/out")" -eq 8 ] && ok || bad "L12 holds on every logistic case"
expect_rc 0 "A3 failure, a claim that needs A3" "$SC" check --theorem L8-1 "$T/gl1/logistic-0005-a3-fail.json"
grep -q '^L8-1 .*logistic-0005-a3-fail .*NOT-APPLICABLE .*A3 fails' "$T/out" && ok || bad "A3 failure: L8-1 not applicable"
expect_rc 0 "not separable: no reference" "$SC" check --theorem L6-iff tests/data/logi_nonsep.json
grep -q '^L6-iff .*NOT-APPLICABLE .*not separable' "$T/out" && ok || bad "not separable: L6 names why there is no reference"
LOGA=cases/showcase/logistic-dataset-a-delayed.json
expect_rc 0 "trace logistic dataset A" "$SC" trace "$LOGA"
sed -n '11p' "$T/out" | grep -q '^9,.*,1$' && ok || bad "dataset A: step 9 is rising"
sed -n '12p' "$T/out" | grep -q '^10,[^,]*,[^,]*,0\.296' && ok || bad "dataset A: rho_10 = 0.296"

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

# ---- BEYOND.md s.1 (weight decay): W1-W6, trace and HTML on the WD showcase
WD=cases/showcase/whitened-wd-periodic.json
expect_rc 0 "list" "$SC" list
[ "$(grep -c '^W[1-6] ' "$T/out")" -eq 6 ] && ok || bad "list shows W1-W6"
# W1, W3, W5, W6 are statements of several claims (issue 18): 14 W lines
[ "$(grep -Ec '^ {0,2}W[1-6](-[A-Za-z0-9]+)? +.*\[(exact|observational)\]' "$T/out")" -eq 14 ] && ok || bad "list shows the 14 W claims"
grep -q 'observational' "$T/out" && ok || bad "list shows the observational provenance"
expect_rc 0 "trace with weight decay" "$SC" trace "$WD"
head -1 "$T/out" | grep -qx 't,a,b,rho,gamma,W,h,loss,rising' && ok || bad "trace columns with weight decay"
[ "$(wc -l < "$T/out")" -eq 1502 ] && ok || bad "trace prints every step with weight decay"
expect_rc 0 "W checkers on the WD showcase" "$SC" check --all --theorem W1 --theorem W2 --theorem W3 --theorem W4 --theorem W5 --theorem W6 "$WD" "$WDP"
# the showcase: all but W5-P5, W6-c (their conditions fail) and W6-ctl;
# the control: W3-same, W3-bits, W5-G (case-independent) and W6-ctl
[ "$(grep -c '^W[1-6][- ].*HOLDS' "$T/out")" -eq 15 ] && ok || bad "W1-W6 hold on the WD showcase (W3, W5-G, W6-ctl on the control)"
grep -q '^W6-ctl .*whitened-wd-projected .*control (project_norm).* 1 spike' "$T/out" && ok || bad "control: norm constant, one spike only"
grep -q '^W6-c .*whitened-wd-periodic .*NOT-APPLICABLE .*exact Prop. 3 condition' "$T/out" && ok || bad "W6-c names its failing hypothesis"
expect_rc 1 "W6 control run" "$SC" check --theorem W6 --scale-bounds 1025/1024 "$WD"
cp "$WD" "$T/showcase/wd.json"
expect_rc 0 "html with weight decay" "$SC" check --theorem W6 --html "$T/wd.html" "$T/showcase/wd.json"
[ "$(grep -c '<svg' "$T/wd.html")" -ge 1 ] && grep -q 'Periodic behaviour: decay rate' "$T/wd.html" && ok || bad "HTML plots the WD showcase"

# ---- BEYOND.md s.2-3: S1, N1, N3 share their sharpness states; a record
# does not depend on which checkers run or in which order
SH=cases/default/whitened-0000-no-rise.json
rec() { sed -n "/\"checker\": \"$1\"/,/\"replay\":/p" "$2"; }
expect_rc 0 "N1 alone" "$SC" check --json "$T/n1.json" --theorem N1 "$SH"
expect_rc 0 "N3, S1, N1" "$SC" check --json "$T/sn.json" --theorem N3 --theorem S1 --theorem N1 "$SH"
expect_rc 0 "N3 alone" "$SC" check --json "$T/n3.json" --theorem N3 "$SH"
[ -n "$(rec N1 "$T/n1.json")" ] && [ "$(rec N1 "$T/n1.json")" = "$(rec N1 "$T/sn.json")" ] && ok || bad "N1 record independent of the selection"
[ -n "$(rec N3 "$T/n3.json")" ] && [ "$(rec N3 "$T/n3.json")" = "$(rec N3 "$T/sn.json")" ] && ok || bad "N3 record independent of the selection"

# ---- issue 15 (a tool that fits a reviewer's hands) ----
# help: every command's options come from one table (src/cli/commands.c)
# that the parser reads; --help, help CMD and CMD --help print them and
# exit 0; an unknown option is one line with a hint, exit 2; every option
# the help lists is accepted, and README's synopsis lists the same ones
expect_rc 0 "--help" "$SC" --help
cp "$T/out" "$T/help"
CMDS=$(sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z]*\) .*/\1/p' "$T/help")
[ "$(echo $CMDS)" = "list check sweep replay trace gen merge tighten shrink expand help" ] && ok || bad "--help lists the commands: $CMDS"
help_opts() {   # the options of a help text's "Options:" block, sorted
    sed -n '/^Options:/,/^$/p' "$1" | grep -o '^  -[-a-z0-9]*\(, --[a-z]*\)*' | tr -d ' ' | tr ',' '\n' | sort -u
}
usage_opts() {  # the options of the text from its first line on, sorted
    sed -n "$2" "$1" | grep -o '[[ ]-[-a-z0-9]*' | tr -d '[ ' | sort -u
}
for c in $CMDS; do
    expect_rc 0 "$c --help" "$SC" "$c" --help
    cp "$T/out" "$T/h.$c"
    expect_rc 0 "help $c" "$SC" help "$c"
    cmp -s "$T/out" "$T/h.$c" && ok || bad "help $c differs from $c --help"
    expect_rc 0 "$c -h" "$SC" "$c" -h
    cmp -s "$T/out" "$T/h.$c" && ok || bad "$c -h differs from $c --help"
    help_opts "$T/h.$c" | grep -v -e '^-h$' -e '^--help$' > "$T/o.$c"
    usage_opts "$T/h.$c" '1,/^$/p' > "$T/u.$c"
    cmp -s "$T/o.$c" "$T/u.$c" && ok || bad "$c: usage line and option list differ"
    # the overview's synopsis of the command lists the same options
    awk -v c="$c" '$1 == "spikecheck" && $2 == c { p = 1 } p && /^(  [a-z].*)?$/ { exit } p' "$T/help" \
        | grep -o '[[ ]-[-a-z0-9]*' | tr -d '[ ' | sort -u | cmp -s - "$T/o.$c" && ok || bad "$c: --help's synopsis differs"
    # README's synopsis of the command lists the same options
    awk -v c="$c" '/^## Command line/ { s = 1 } s && /^```/ { n++; next } s && n == 1 && $1 == "spikecheck" { p = ($2 == c) }
                   s && n == 1 && p' README.md \
        | grep -o '[[ ]-[-a-z0-9]*' | tr -d '[ ' | sort -u | cmp -s - "$T/o.$c" && ok || bad "$c: README's synopsis differs from the help"
    for o in $(cat "$T/o.$c"); do
        "$SC" "$c" "$o" "$T/none1" "$T/none2" > /dev/null 2> "$T/err" < /dev/null
        grep -q 'unknown option' "$T/err" && bad "$c: $o listed but refused" || ok
    done
    expect_rc 2 "$c --bogus" "$SC" "$c" --bogus
    [ "$(wc -l < "$T/err")" -eq 1 ] && grep -q "^spikecheck: $c: unknown option '--bogus' (see spikecheck $c --help)\$" "$T/err" \
        && ok || bad "$c: an unknown option is one line with the hint"
done
# the terminal ends on the result: the float view is one line (the
# per-case lines with --verbose), and the coverage table comes last
expect_rc 0 "float view, one line" "$SC" check --theorem L7-eq --theorem T2.1 --precision 53 "$SPIKE" cases/figure3
[ "$(grep -c '^float view' "$T/out")" -eq 1 ] && grep -q '^float view (53 bits = float64): 3 cases compared, float64 differs on 3, [1-9][0-9]* spurious rising steps in all' "$T/out" \
    && ok || bad "float view: one summary line"
awk '/^float view/ { f = NR } /^coverage:/ { c = NR } END { exit !(f > 0 && c > f) }' "$T/out" \
    && tail -1 "$T/out" | grep -Eq '^(T2.1 |  +N/A )' && ok || bad "the coverage table is printed last"
expect_rc 0 "float view, verbose" "$SC" check --theorem L7-eq --precision 53 --verbose "$SPIKE" cases/figure3
[ "$(grep -c '^float view figure3-\|^float view whitened' "$T/out")" -eq 3 ] && ok || bad "--verbose: a float-view line per case"
expect_rc 0 "float view JSON" "$SC" check --theorem L7-eq --precision 53 --json "$T/fv.json" "$SPIKE" cases/figure3
grep -q '"float_view_records"' "$T/fv.json" && grep -q '"spurious_rising": 100' "$T/fv.json" && grep -q '"first_differing": 201' "$T/fv.json" \
    && ok || bad "JSON: the float view as records"
# a report to navigate: contents with anchors, the float view as a table
# with the steps folded, findings linked to their figures; every
# counterexample plotted, also the 1- and 2-step ones (all-NaN rho once made
# gnuplot refuse the whole figure); when gnuplot fails the page says what
# it said; which cases get figures is the case file's "report" field or
# --plot, never the path.  The saved [S2] counterexamples of
# cases/regressions/ (1- and 2-step; A3 fails, so their rho is measured
# against the hard-margin SVM direction) hold since
# [S2-H] and [S2-P] judge loss spikes, not every rise (an uptick with no descent
# before it is no spike: HOLDS, vacuous); the control run of [S1] at 1/4
# makes them counterexamples again for these plot tests
expect_rc 1 "html of the saved counterexamples" "$SC" check --html "$T/rg.html" --precision 53 --theorem S1 --scale-bounds 1/4 cases/regressions
[ "$(grep -c '<svg' "$T/rg.html")" -eq 3 ] && ! grep -q 'Plot not drawn' "$T/rg.html" && ok || bad "every 1- and 2-step counterexample plotted"
expect_rc 0 "html of a case without a reference" "$SC" check --html "$T/ns.html" --precision 53 --theorem L12 tests/data/logi_nonsep.json
grep -q 'is not defined for this case (no reference direction)' "$T/ns.html" && ok || bad "an empty panel says why"
grep -q '<nav><b>Contents</b>' "$T/rg.html" && grep -q '<a href="#findings">' "$T/rg.html" && grep -q '<h2 id="findings">' "$T/rg.html" \
    && grep -q '<a href="#fig-2">' "$T/rg.html" && grep -q '<h3 id="fig-2">' "$T/rg.html" && ok || bad "contents with anchors"
grep -q '<td><a href="#thm-S1">S1</a></td><td><a href="#fig-0">logistic-0017-main-shrunk</a>' "$T/rg.html" && grep -q '<tr id="thm-S1">' "$T/rg.html" \
    && ok || bad "a finding links to its statement and its figure"
[ "$(grep -c '<tr id="thm-' "$T/rg.html")" -eq 1 ] && grep -q '<p>[0-9]* more claims were not run in this report' "$T/rg.html" \
    && ok || bad "the statements table lists the claims run, and counts the others"
grep -q '<p>VIOLATED: S1 (step 0)</p>' "$T/rg.html" && ok || bad "a counterexample's figure names its finding"
grep -q '<h2 id="float-view">Float view</h2>' "$T/rg.html" && grep -q '<th>first differing step</th><th>certified precision</th>' "$T/rg.html" \
    && ok || bad "float view as a table"
expect_rc 0 "html, float steps folded" "$SC" check --theorem L7-eq --precision 53 --html "$T/fd.html" "$SPIKE"
grep -q '<details><summary>335 steps</summary>' "$T/fd.html" && ok || bad "the differing steps folded in <details>"
mkdir -p "$T/fakebin"
printf '#!/bin/sh\necho "\\"-\\" line 9: all points y value undefined!" >&2\nexit 1\n' > "$T/fakebin/gnuplot"
chmod +x "$T/fakebin/gnuplot"
expect_rc 1 "html, gnuplot fails" env PATH="$T/fakebin:$PATH" "$SC" check --html "$T/gf.html" --theorem S1 --scale-bounds 1/4 cases/regressions/S2-logistic-0017-main-shrunk.json
grep -q 'Plot not drawn; gnuplot said:' "$T/gf.html" || grep -q 'Plot not drawn: gnuplot failed (exit 1): &quot;-&quot; line 9: all points y value undefined!' "$T/gf.html" \
    || grep -q 'Plot not drawn: gnuplot failed (exit 1): "-" line 9: all points y value undefined!' "$T/gf.html" && ok || bad "the page says what gnuplot said"
# figures by the case file's field and --plot, not by the directory
mkdir -p "$T/fig/showcase" "$T/fig/plain"
cp "$SPIKE" "$T/fig/showcase/a-no-field.json"
cp tests/data/thm_t22.json "$T/fig/showcase/b-no-field.json"
sed 's/"steps": /"report": {"figures": ["trajectory", "sharpness"]}, "steps": /' tests/data/thm_t21.json > "$T/fig/plain/c-field.json"
grep -q '"report"' "$T/fig/plain/c-field.json" && ok || bad "a case with the figures field built"
expect_rc 0 "figures by field" "$SC" check --theorem L7-eq --html "$T/ff.html" "$T/fig/showcase" "$T/fig/plain"
[ "$(grep -c '<h3 id="fig-' "$T/ff.html")" -eq 2 ] && grep -q 'thm_t21: showcase' "$T/ff.html" && grep -q 'thm_t21: sharpness' "$T/ff.html" \
    && ok || bad "figures follow the case file's field, not the showcase directory"
expect_rc 0 "--plot CASE" "$SC" check --theorem L7-eq --html "$T/fp.html" --plot thm_t22 --plot "$T/fig/showcase/a-no-field.json" "$T/fig/showcase"
[ "$(grep -c '<h3 id="fig-' "$T/fp.html")" -eq 2 ] && grep -q 'thm_t22: trajectory' "$T/fp.html" && grep -q 'whitened-delayed-spike: trajectory' "$T/fp.html" \
    && ok || bad "--plot by name and by file"
expect_rc 0 "--plot all" "$SC" check --theorem L7-eq --html "$T/fa.html" --plot all "$T/fig/showcase" "$T/fig/plain"
[ "$(grep -c ': trajectory</h3>' "$T/fa.html")" -eq 2 ] && grep -q 'thm_t21: showcase</h3>' "$T/fa.html" && ok || bad "--plot all"
expect_rc 0 "one case plots" "$SC" check --theorem L7-eq --html "$T/f1.html" "$T/fig/showcase/b-no-field.json"
grep -q 'thm_t22: trajectory</h3>' "$T/f1.html" && ok || bad "a run on one case plots it"
expect_rc 2 "--plot without --html" "$SC" check --plot all "$SPIKE"
grep -q 'plot needs --html' "$T/err" && ok || bad "--plot without --html is refused with a reason"
for f in cases/showcase/*.json cases/figure3/*.json; do
    grep -q '"report": {"figures": \[' "$f" && ok || bad "$f asks for its figures"
done
expect_rc 0 "expand keeps the figures" "$SC" expand -o "$T/xf.json" "$T/fig/plain/c-field.json"
grep -q '"report": {"figures": \["trajectory", "sharpness"\]}' "$T/xf.json" && ok || bad "expand writes the report field"

# CI-friendly outputs: JUnit properties read by a real consumer
# (junitparser, Debian's python3-junitparser), the Markdown summary
# (F3 at 1/4 was UNDECIDED here before full GD carried rho in split
# coordinates, src/dyn/split.c; it now HOLDS at 256 bits, and so does the
# spike's [L6] at 64: the UNDECIDED testcase comes from [L6] on $WDP
# under a 256-bit cap; in the run below, [S3-run], the LLAS golden run on
# its own since [S3] is two claims, is UNDECIDED from thm_plain's 128 bits
# under the 128-bit cap)
expect_rc 1 "junit, every verdict" "$SC" check --max-precision 128 --scale-bounds 1/4 --junit "$T/ci.xml" --json "$T/ci.json" \
    --markdown "$T/ci.md" "$SPIKE" tests/data/thm_plain.json
for v in HOLDS VIOLATED NOT-APPLICABLE; do
    grep -q "<property name=\"verdict\" value=\"$v\"/>" "$T/ci.xml" && ok || bad "JUnit has a $v testcase"
done
expect_rc 3 "junit, undecided" "$SC" check --theorem L6-iff --max-precision 256 --junit "$T/ciu.xml" --markdown "$T/ciu.md" "$WDP"
grep -q '<property name="verdict" value="UNDECIDED"/>' "$T/ciu.xml" && ok || bad "JUnit has a UNDECIDED testcase"
head -1 "$T/ciu.md" | grep -qx '## spikecheck: 1 verdicts, 0 HOLDS, 0 VIOLATED, 0 NOT-APPLICABLE, 1 UNDECIDED' \
    && grep -q '^| L6-iff | exact | 0 | 0 | 0 | \*\*1\*\* | - |$' "$T/ciu.md" \
    && grep -A3 '^- \*\*L6-iff\*\* `whitened-wd-projected` UNDECIDED' "$T/ciu.md" | grep -qx '  spikecheck replay --theorem L6-iff --max-precision 256 cases/showcase/whitened-wd-projected.json' \
    && ok || bad "Markdown: an undecided check with its replay line"
# the replay line reproduces the UNDECIDED: the cap that made it is part of the line
expect_rc 3 "the printed replay of an undecided check" "$SC" replay --theorem L6-iff --max-precision 256 cases/showcase/whitened-wd-projected.json
grep -q '<property name="replay" value="spikecheck replay --theorem T3.b-P --scale-bounds 1/4 --max-precision 128 tests/data/thm_spike.json"/>' "$T/ci.xml" \
    && grep -q '<property name="NOT-APPLICABLE" value="' "$T/ci.xml" && ok || bad "JUnit testcase and suite properties"
JP=""
for p in /usr/bin/python3 python3; do
    if command -v "$p" > /dev/null 2>&1 && "$p" -c 'import junitparser' 2> /dev/null; then JP=$p; break; fi
done
if [ -n "$JP" ]; then
    expect_rc 0 "junitparser reads the JUnit" "$JP" tests/junit_consumer.py "$T/ci.xml" "$T/ci.json"
    grep -q '(15 HOLDS, 47 VIOLATED, 77 NOT-APPLICABLE, 1 UNDECIDED)' "$T/out" && ok || bad "junitparser counts: $(cat "$T/out")"
    expect_rc 0 "junitparser reads the merged JUnit" "$JP" tests/junit_consumer.py "$T/mj.xml" "$T/mj.json"
    sed 's/<property name="HOLDS" value="\([0-9]*\)"/<property name="HOLDS" value="1\1"/' "$T/ci.xml" > "$T/ci-bad.xml"
    expect_rc 1 "junitparser finds a wrong count" "$JP" tests/junit_consumer.py "$T/ci-bad.xml" "$T/ci.json"
else
    echo "note: no python3 with junitparser (sh .ci/install-deps fuzz installs python3-junitparser): JUnit consumer test not run"
fi
head -1 "$T/ci.md" | grep -qx '## spikecheck: 140 verdicts, 15 HOLDS, 47 VIOLATED, 77 NOT-APPLICABLE, 1 UNDECIDED' && ok || bad "Markdown: the counts"
grep -q '^| T3.b-P | reconstructed | 0 | \*\*1\*\* | 1 | 0 | - |$' "$T/ci.md" && grep -q '^| F3 | observational | 1 | 0 | 1 | 0 | - |$' "$T/ci.md" \
    && ok || bad "Markdown: per-claim counts"
grep -q '^### Counterexamples and undecided checks (48)$' "$T/ci.md" && grep -q '^- \*\*T3.b-P\*\* `whitened-delayed-spike` VIOLATED' "$T/ci.md" \
    && grep -A3 '^- \*\*T3.b-P\*\*' "$T/ci.md" | grep -qx '  spikecheck replay --theorem T3.b-P --scale-bounds 1/4 --max-precision 128 tests/data/thm_spike.json' \
    && ok || bad "Markdown: counterexamples with their replay lines"
expect_rc 1 "markdown again" "$SC" check --max-precision 128 --scale-bounds 1/4 --markdown "$T/ci2.md" "$SPIKE" tests/data/thm_plain.json
cmp -s "$T/ci.md" "$T/ci2.md" && ok || bad "Markdown is byte-identical on a rerun"
expect_rc 2 "markdown, unwritable" "$SC" check --json "$T/mdx.json" --markdown /nonexistent/dir/s.md "$SPIKE"
grep -q 'nonexistent/dir/s.md' "$T/err" && [ ! -e "$T/mdx.json" ] && ok || bad "unwritable --markdown refused before the run"
ls "$T" | grep -q 'tmp' && bad "markdown left a temporary file" || ok
expect_rc 0 "unsharded markdown" "$SC" check --precision 53 --markdown "$T/all.md" "$T/sh"
expect_rc 0 "merge journals to markdown" "$SC" merge -o "$T/mj.md" "$T/p2.jnl" "$T/p3.jnl" "$T/p1.jnl"
cmp -s "$T/all.md" "$T/mj.md" && ok || bad "merged journals give the unsharded Markdown"
expect_rc 2 "Markdown from JSON parts" "$SC" merge -o "$T/mx.md" "$T/p1.json" "$T/p2.json"

# replay lines are shell-quoted: pasted into sh, the line of a case file
# named with a space, a quote, ';' and "$(...)" runs that one replay and
# nothing else (a spikecheck on PATH logs its arguments, as an installed
# one would run)
mkdir -p "$T/q/bin" "$T/q/cwd"
QF="$T/q/it's a b;\$(touch RAN)\`touch RAN2\`.json"
cp "$SPIKE" "$QF"
SCA="$(cd "$(dirname "$SC")" && pwd)/$(basename "$SC")"
printf '#!/bin/sh\necho call >> "%s/q/calls"\nprintf "%%s\\n" "$@" > "%s/q/argv"\nexec "%s" "$@"\n' "$T" "$T" "$SCA" > "$T/q/bin/spikecheck"
chmod +x "$T/q/bin/spikecheck"
expect_rc 1 "check, a hostile file name" "$SC" check --theorem T3.b-P --scale-bounds 1/4 --json "$T/q/r.json" --junit "$T/q/r.xml" "$QF"
grep '^T3.b-P ' "$T/out" > "$T/q/verdict"
LINE=$(sed -n 's/^      replay: //p' "$T/out")
[ "$LINE" = "spikecheck replay --theorem T3.b-P --scale-bounds 1/4 '$T/q/it'\\''s a b;\$(touch RAN)\`touch RAN2\`.json'" ] && ok || bad "replay line single-quoted: $LINE"
(cd "$T/q/cwd" && printf '%s\n' "$LINE" | PATH="$T/q/bin:$PATH" sh > "$T/q/out" 2>&1); rc=$?
[ "$rc" -eq 1 ] && grep '^T3.b-P ' "$T/q/out" | cmp -s - "$T/q/verdict" && ok || bad "the pasted replay line reruns the check (exit $rc)"
printf '%s\n' replay --theorem T3.b-P --scale-bounds 1/4 "$QF" | cmp -s - "$T/q/argv" && [ "$(wc -l < "$T/q/calls")" -eq 1 ] \
    && ok || bad "the pasted replay line runs spikecheck once with the case file as one argument"
find "$T" -name 'RAN*' | grep -q . && bad "a pasted replay line ran a command" || ok
grep -qF "\"replay\": \"spikecheck replay --theorem T3.b-P --scale-bounds 1/4 '$T/q/it'\\\\''s a b;" "$T/q/r.json" \
    && grep -qF "<property name=\"replay\" value=\"spikecheck replay --theorem T3.b-P --scale-bounds 1/4 '$T/q/it'\\''s a b;" "$T/q/r.xml" \
    && ok || bad "JSON and JUnit carry the quoted replay line"
cp "$SPIKE" "$T/q/cwd/-x.json"
(cd "$T/q/cwd" && "$SCA" check --theorem T3.b-P --scale-bounds 1/4 -- -x.json > "$T/q/out2" 2>&1)
LINE=$(sed -n 's/^      replay: //p' "$T/q/out2")
[ "$LINE" = "spikecheck replay --theorem T3.b-P --scale-bounds 1/4 -- -x.json" ] && ok || bad "a case file named -x.json replays after --: $LINE"
(cd "$T/q/cwd" && printf '%s\n' "$LINE" | PATH="$T/q/bin:$PATH" sh > /dev/null 2>&1); rc=$?
[ "$rc" -eq 1 ] && ok || bad "the replay line of -x.json runs (exit $rc)"
mkdir "$T/q/d ir;\$(touch RAN3)"
expect_rc 0 "shrink, a hostile file name" "$SC" shrink --theorem T3.b-P --scale-bounds 1/4 -o "$T/q/d ir;\$(touch RAN3)" "$QF"
LINE=$(sed -n 's/^replay: //p' "$T/out")
(cd "$T/q/cwd" && printf '%s\n' "$LINE" | PATH="$T/q/bin:$PATH" sh > /dev/null 2>&1); rc=$?
[ "$rc" -eq 1 ] && [ "$(wc -l < "$T/q/calls")" -eq 3 ] && ok || bad "shrink's replay line runs as printed (exit $rc): $LINE"
find "$T" -name 'RAN*' | grep -q . && bad "a pasted replay line ran a command" || ok

# output files (issue 17 items 2-4, 10, 12): nothing but a file we create is
# replaced; devices and FIFOs are written in place; an output that is an
# input, a directory or another output is refused before the run
mkdir "$T/o"
echo precious > "$T/o/target"
# a symlink planted where the old scheme put its temporary (PATH.tmp.PID,
# the PID known in advance through exec) must not be written through
sh -c 'ln -s "$2/o/target" "$2/o/r.json.tmp.$$"; exec "$1" check --theorem L7-eq --json "$2/o/r.json" "$3"' sh "$SC" "$T" "$SPIKE" > /dev/null 2>&1
[ "$(cat "$T/o/target")" = precious ] && ok || bad "a planted temporary symlink was written through"
grep -q '"checker": "L7-eq"' "$T/o/r.json" 2> /dev/null && ok || bad "the report is written beside a planted symlink"
rm -f "$T/o/r.json.tmp."*
if mknod "$T/o/null" c 1 3 2> /dev/null; then
    expect_rc 0 "--json to a character device" "$SC" check --theorem L7-eq --json "$T/o/null" "$SPIKE"
    [ -c "$T/o/null" ] && ok || bad "a device output was replaced by a regular file"
fi
mkfifo "$T/o/fifo"
cat "$T/o/fifo" > "$T/o/fifo.out" &
catpid=$!
expect_rc 0 "--json to a FIFO" "$SC" check --theorem L7-eq --json "$T/o/fifo" "$SPIKE"
# a FIFO renamed over would leave the reader waiting for a writer forever
if [ -p "$T/o/fifo" ]; then wait "$catpid"; else kill "$catpid"; wait "$catpid" 2> /dev/null; fi
[ -p "$T/o/fifo" ] && grep -q '"checker": "L7-eq"' "$T/o/fifo.out" && ok || bad "a FIFO output is written in place"
cp "$SPIKE" "$T/o/in.json"
expect_rc 2 "--json onto the case file" "$SC" check --json "$T/o/in.json" "$T/o/in.json"
cmp -s "$SPIKE" "$T/o/in.json" && grep -q 'the same file as the input' "$T/err" && ok || bad "the case file overwritten by its report"
ln "$T/o/in.json" "$T/o/hard.json"
expect_rc 2 "--junit onto a hard link of the case file" "$SC" check --junit "$T/o/hard.json" "$T/o/in.json"
expect_rc 2 "--json and --junit the same file" "$SC" check --json "$T/o/x.out" --junit "$T/o/./x.out" "$SPIKE"
[ -e "$T/o/x.out" ] && bad "a refused run wrote its output" || ok
expect_rc 2 "--html onto a directory" "$SC" check --html "$T/o" "$SPIKE"
grep -q 'is a directory' "$T/err" && [ "$(wc -l < "$T/err")" -eq 1 ] && ok || bad "a directory output: one line"
"$SC" check --theorem L7-eq --json "$T/o/m.json" "$SPIKE" > /dev/null 2>&1
chmod 600 "$T/o/m.json"
"$SC" check --theorem L7-eq --json "$T/o/m.json" "$SPIKE" > /dev/null 2>&1
[ "$(stat -c %a "$T/o/m.json")" = 600 ] && ok || bad "a rewritten report lost its mode 600"
LONG=$(printf 'n%.0s' $(seq 1 250))
expect_rc 0 "a 250-character output name" "$SC" check --theorem L7-eq --json "$T/o/$LONG.json" "$SPIKE"
[ -s "$T/o/$LONG.json" ] && ok || bad "the 250-character report is written"
expect_rc 2 "a shard count past LONG_MAX" "$SC" check --shard 1/99999999999999999999 "$SPIKE"
expect_rc 2 "a missing case file" "$SC" check "$T/o/missing.json"
grep -q "missing.json: file: cannot read" "$T/err" && ok || bad "a missing case names FILE: FIELD: reason"
mkdir "$T/o/dir"
cp "$SPIKE" "$T/o/dir/a.json"
mkfifo "$T/o/dir/f.json"
timeout 20 "$SC" check --theorem L7-eq "$T/o/dir" > "$T/out" 2> "$T/err"; rc=$?
[ "$rc" -eq 2 ] && grep -q 'f.json: file: not a regular file' "$T/err" && ok || bad "a FIFO in a case directory (exit $rc): $(head -1 "$T/err")"
rm "$T/o/dir/f.json"
expect_rc 0 "a report written into its case directory" "$SC" check --theorem L7-eq --json "$T/o/dir/report.json" "$T/o/dir"
expect_rc 0 "the next run over that directory" "$SC" check --theorem L7-eq "$T/o/dir"
grep -q 'report.json: skipped' "$T/err" && ok || bad "our own report in a case directory is skipped with a note"

# --save-counterexamples (item 7): the saved name keeps to [A-Za-z0-9._-],
# so a hostile case name cannot leave DIR; a DIR that is not a writable
# directory is refused before the run (exit 2)
mkdir -p "$T/sv/rg"
sed 's|"name": "[^"]*"|"name": "x/../../escaped"|' "$SPIKE" > "$T/sv/h.json"
expect_rc 1 "save a counterexample of a hostile name" "$SC" check --save-counterexamples "$T/sv/rg" --theorem T3.b-P --scale-bounds 1/4 "$T/sv/h.json"
[ -f "$T/sv/rg/T3.b-P-x_.._.._escaped.json" ] && [ "$(find "$T" -name '*escaped*' | wc -l)" -eq 1 ] && ok || bad "a saved counterexample left its directory: $(find "$T" -name '*escaped*')"
expect_rc 2 "--save-counterexamples into a missing directory" "$SC" check --save-counterexamples "$T/sv/none" --theorem T3.b-P --scale-bounds 1/4 "$SPIKE"
grep -q 'not a writable directory' "$T/err" && ok || bad "an unusable counterexample directory is named"

# journals and merge (items 5, 6): a case is keyed by its content and its
# path's spellings; one run at a time; bounded; never left unusable
mkdir "$T/jr"
cp "$SPIKE" "$T/jr/c.json"
SCJ="$(cd "$(dirname "$SC")" && pwd)/$(basename "$SC")"
(cd "$T/jr" && "$SCJ" check --theorem L7-eq --journal j.jnl --json a.json c.json > /dev/null 2>&1)
(cd "$T/jr" && "$SCJ" check --theorem L7-eq --journal j.jnl --json b.json ./c.json > /dev/null 2> err2)
grep -q '1 of 1 cases restored' "$T/jr/err2" && ok || bad "./c.json is the journal's c.json"
sed 's/"steps": [0-9]*/"steps": 40/' "$T/jr/c.json" > "$T/jr/c2" && mv "$T/jr/c2" "$T/jr/c.json"
grep -q '"steps": 40' "$T/jr/c.json" && ok || bad "the case was edited"
(cd "$T/jr" && "$SCJ" check --theorem L7-eq --journal j.jnl --json e.json c.json > /dev/null 2> err3)
grep -q 'restored' "$T/jr/err3" && bad "an edited case was restored from the journal" || ok
(cd "$T/jr" && "$SCJ" check --theorem L7-eq --json f.json c.json > /dev/null 2>&1)
cmp -s "$T/jr/e.json" "$T/jr/f.json" && ok || bad "the rerun after an edit reports the edited case"
(cd "$T/jr" && "$SCJ" merge -o m.json j.jnl > /dev/null 2>&1)
cmp -s "$T/jr/m.json" "$T/jr/f.json" && ok || bad "merge keeps the latest entry of a case"
expect_rc 2 "merge a journal given twice" "$SC" merge -o "$T/jr/m2.json" "$T/jr/j.jnl" "$T/jr/./j.jnl"
grep -q 'a part given twice' "$T/err" && ok || bad "a part given twice is named"
expect_rc 2 "merge a JSON report given twice" "$SC" merge -o "$T/jr/m3.json" "$T/jr/f.json" "$T/jr/f.json"
cp "$T/jr/f.json" "$T/jr/g.json"
expect_rc 2 "merge two reports of one case" "$SC" merge -o "$T/jr/m3.json" "$T/jr/f.json" "$T/jr/g.json"
grep -q 'case in two parts' "$T/err" && [ ! -e "$T/jr/m3.json" ] && ok || bad "a case in two JSON parts is refused"
# a report without its versions object (found by fuzz_merge: the merged
# report got an empty one, and the next part's versions went unchecked)
grep -v '"versions"\|"spikecheck": \|"mpfr": \|"arb": \|"flint": \|"gmp": \|^ },$' "$T/jr/f.json" > "$T/jr/nov.json"
grep -q '"versions"' "$T/jr/nov.json" && bad "report without versions built" || ok
expect_rc 2 "merge a report without versions" "$SC" merge -o "$T/jr/m5.json" "$T/jr/nov.json" "$T/jr/g.json"
grep -q 'nov.json: not a spikecheck JSON report' "$T/err" && [ ! -e "$T/jr/m5.json" ] && ok || bad "a report without versions is refused: $(head -1 "$T/err")"
cp "$T/jr/j.jnl" "$T/jr/k.jnl"
expect_rc 2 "merge two journals of one case" "$SC" merge -o "$T/jr/m4.json" "$T/jr/j.jnl" "$T/jr/k.jnl"
grep -q 'case in two parts' "$T/err" && ok || bad "a case in two journals is refused"
# a ball that arb_dump_str cannot have written (found by fuzz_journal:
# arb_load_str aborted on it) is a damaged entry, not an abort
expect_rc 0 "a journal of one entry" "$SC" check --theorem L7-eq --journal "$T/jr/one.jnl" "$T/jr/c.json"
for ball in '1 0 7fffffff 0' '0 5 0 0' '1 0 -1 0' '1 0 0 7' '1 0 1' 'x 0 0 0'; do
    sed "0,/\"observed\":\"[^\"]*\"/s//\"observed\":\"$ball\"/" "$T/jr/one.jnl" > "$T/jr/bad.jnl"
    grep -q "\"observed\":\"$ball\"" "$T/jr/bad.jnl" || bad "journal with the ball '$ball' built"
    expect_rc 2 "merge a journal with the ball '$ball'" "$SC" merge -o "$T/jr/mb.json" "$T/jr/bad.jnl"
    grep -q 'is damaged' "$T/err" && [ ! -e "$T/jr/mb.json" ] && ok || bad "a bad ball is a damaged entry: $(head -1 "$T/err")"
done
# a FIFO given as a merge part is refused, never opened for reading (the
# journal sniffing blocked in open() forever)
mkfifo "$T/jr/part.fifo"
timeout 10 "$SC" merge -o "$T/jr/mf.json" "$T/jr/one.jnl" "$T/jr/part.fifo" > "$T/out" 2> "$T/err"; rc=$?
[ "$rc" -eq 2 ] && grep -q 'part.fifo: merge: not a regular file' "$T/err" && [ ! -e "$T/jr/mf.json" ] \
    && ok || bad "a FIFO as a merge part (exit $rc): $(head -1 "$T/err")"
# a journal another run holds (flock(1) holds it here) is refused, not
# written by both: two shards on one journal lost cases
if command -v flock > /dev/null 2>&1; then
    # the holder's own pid, so that the lock goes when it is killed
    flock "$T/jr/held.jnl" sh -c 'echo $$ > "$1"; exec sleep 30' sh "$T/jr/held.pid" &
    i=0; while [ ! -s "$T/jr/held.pid" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
    fpid=$(cat "$T/jr/held.pid")
    expect_rc 2 "a journal in use by another run" "$SC" check --theorem L7-eq --journal "$T/jr/held.jnl" "$T/jr/c.json"
    grep -q 'held.jnl: file: in use by another run' "$T/err" && ok || bad "a journal in use is named: $(head -1 "$T/err")"
    kill "$fpid"; wait 2> /dev/null
    expect_rc 0 "the journal once free (left empty: started afresh)" "$SC" check --theorem L7-eq --journal "$T/jr/held.jnl" "$T/jr/c.json"
fi
if mknod "$T/jr/zero" c 1 5 2> /dev/null; then
    timeout 20 "$SC" check --theorem L7-eq --journal "$T/jr/zero" "$T/jr/c.json" > "$T/out" 2> "$T/err"; rc=$?
    [ "$rc" -eq 2 ] && grep -q 'zero: file: not a regular file' "$T/err" && ok || bad "--journal on a device (exit $rc): $(head -1 "$T/err")"
fi
# a header that cannot be written (here: RLIMIT_FSIZE 0, as ENOSPC) leaves
# no journal behind, so the next run starts afresh
sh -c 'trap "" XFSZ; ulimit -f 0; exec "$@"' sh "$SC" check --theorem L7-eq --journal "$T/jr/full.jnl" "$T/jr/c.json" 2>&1 > /dev/null | cat > "$T/jr/full.err"
grep -q '^spikecheck: .*full.jnl: cannot write the header: File too large$' "$T/jr/full.err" && ok || bad "a failed header write: $(head -1 "$T/jr/full.err")"
[ ! -e "$T/jr/full.jnl" ] && ok || bad "a failed header write left the journal"
expect_rc 0 "the journal after a failed header write" "$SC" check --theorem L7-eq --journal "$T/jr/full.jnl" "$T/jr/c.json"

# SIGTERM and SIGINT (issue 17 item 9): the run stops at once, leaves no
# temporary beside its outputs, no gnuplot directory, no worker and no
# private journal directory; it says how to resume (with --journal) or
# that nothing was written, and exits 128 + the signal.  SIGINT is sent
# through perl, which un-ignores it (a background job of sh ignores it,
# and spikecheck keeps a signal ignored at its start).
mkdir -p "$T/sig/tmp" "$T/sig/my cases" "$T/sig/slow"
sed 's/"steps": [0-9]*/"steps": 40/' "$SPIKE" > "$T/sig/my cases/a.json"
sed 's/"steps": [0-9]*/"steps": 40000/' "$SPIKE" > "$T/sig/my cases/b.json"
sed 's/"steps": [0-9]*/"steps": 40000/' "$SPIKE" > "$T/sig/slow/c.json"
sed 's/"steps": [0-9]*/"steps": 40001/' "$SPIKE" > "$T/sig/slow/d.json"
sig_wait() {    # sig_wait FILE LINES: until FILE has LINES lines (15 s at most)
    i=0
    while [ "$(cat "$1" 2> /dev/null | wc -l)" -lt "$2" ] && [ $i -lt 300 ]; do sleep 0.05; i=$((i + 1)); done
}
sig_kids() {    # the child processes of pid $1 (no procps on a bare machine)
    grep -l "^PPid:[[:space:]]*$1\$" /proc/[0-9]*/status 2> /dev/null | cut -d/ -f3
}
sig_alive() {   # any of the pids $* still running (zombies count as gone)
    for p in "$@"; do
        grep -q '^State:[[:space:]]*[^Z]' "/proc/$p/status" 2> /dev/null && return 0
    done
    return 1
}
# SIGTERM in the case loop, with a journal: the resume line, pasted into
# sh, finishes the run from the journal
(cd "$T/sig" && exec env TMPDIR="$T/sig/tmp" "$SCJ" check --theorem L7-eq --journal j.jnl --json r.json "my cases") > /dev/null 2> "$T/sig/err" &
pid=$!
sig_wait "$T/sig/j.jnl" 2
kill -TERM "$pid"; wait "$pid"; rc=$?
[ "$rc" -eq 143 ] && ok || bad "SIGTERM: exit $rc, want 143"
grep -qx "spikecheck: interrupted; resume with: $SCJ check --theorem L7-eq --journal j.jnl --json r.json 'my cases'" "$T/sig/err" \
    && ok || bad "SIGTERM with a journal prints the resume line: $(head -1 "$T/sig/err")"
[ ! -e "$T/sig/r.json" ] && [ -z "$(find "$T/sig" -name '*.tmp.*')" ] && ok || bad "SIGTERM left an output or a temporary"
line=$(sed -n 's/^spikecheck: interrupted; resume with: //p' "$T/sig/err")
(cd "$T/sig" && eval "$line") > /dev/null 2> "$T/sig/err2"; rc=$?
[ "$rc" -eq 0 ] && grep -q 'j.jnl: 1 of 2 cases restored, 1 run' "$T/sig/err2" && [ -s "$T/sig/r.json" ] \
    && ok || bad "the resume line finishes the run (exit $rc): $(head -1 "$T/sig/err2")"
# SIGTERM while the HTML report is written (gnuplot runs in a directory
# of TMPDIR, the report is a temporary beside r.html): both removed
env TMPDIR="$T/sig/tmp" "$SC" check --theorem L7-eq --html "$T/sig/r.html" "$T/sig/slow/c.json" > /dev/null 2> "$T/sig/err" &
pid=$!
i=0
while [ -z "$(ls "$T/sig/tmp" | grep spikecheck-plot)" ] && [ $i -lt 600 ]; do sleep 0.02; i=$((i + 1)); done
kill -TERM "$pid"; wait "$pid"; rc=$?
[ "$rc" -eq 143 ] && [ $i -lt 600 ] && grep -qx 'spikecheck: interrupted; nothing written' "$T/sig/err" && ok || bad "SIGTERM while writing: exit $rc, $(head -1 "$T/sig/err")"
[ -z "$(ls -A "$T/sig/tmp")" ] && [ -z "$(find "$T/sig" -name '*.tmp.*')" ] && [ ! -e "$T/sig/r.html" ] \
    && ok || bad "SIGTERM while writing left: $(ls -A "$T/sig/tmp") $(find "$T/sig" -name '*.tmp.*')"
# SIGINT with --jobs 2: the workers stop with the parent, and the private
# directory of their journals goes
if command -v perl > /dev/null 2>&1; then
    env TMPDIR="$T/sig/tmp" perl -e '$SIG{INT} = "DEFAULT"; exec @ARGV or exit 127' \
        "$SC" check --theorem L7-eq --jobs 2 --json "$T/sig/j2.json" "$T/sig/slow" > /dev/null 2> "$T/sig/err" &
    pid=$!
    i=0
    while [ "$(cat "$T"/sig/tmp/spikecheck-jobs.*/part.* 2> /dev/null | wc -l)" -lt 2 ] && [ $i -lt 300 ]; do sleep 0.05; i=$((i + 1)); done
    kids=$(sig_kids "$pid")
    [ "$(echo $kids | wc -w)" -eq 2 ] && ok || bad "--jobs 2 runs two workers: $kids"
    kill -INT "$pid"; wait "$pid"; rc=$?
    [ "$rc" -eq 130 ] && grep -qx 'spikecheck: interrupted; nothing written' "$T/sig/err" && ok || bad "SIGINT: exit $rc, $(head -1 "$T/sig/err")"
    sig_alive $kids && bad "SIGINT left workers running: $kids" || ok
    [ -z "$(ls -A "$T/sig/tmp")" ] && [ ! -e "$T/sig/j2.json" ] && ok || bad "SIGINT left $(ls -A "$T/sig/tmp")"
fi

# work and memory caps that match reality (item 11): cases inside the
# counting caps that ran out of memory or ran for minutes are refused
# before the run, naming the field and the estimate against the limit
mkdir -p "$T/cost"
cost_refused() {  # cost_refused FILE FIELD WHAT: exit 2 within 5 s, the estimate named
    timeout 5 "$SC" check --theorem L7-eq "$1" > "$T/out" 2> "$T/err"; rc=$?
    [ "$rc" -eq 2 ] && grep -q "^spikecheck: $1: $2: .*(estimate [0-9]* $3 > limit [0-9]*)\$" "$T/err" \
        && ok || bad "$(basename "$1") refused by its estimate (exit $rc): $(head -1 "$T/err" | cut -c1-200)"
}
# 213 bytes: d = 1, 333332 steps at 65536 bits (reached 4 GB)
printf '%s\n' '{"format": "spikecheck-case/1", "loss": "square", "data": {"X": [["1"], ["-1"]], "y": ["1", "-1"]},' \
    '"init": {"w": ["1"], "gamma": "1/2"}, "eta": "1/10", "eta_gamma": "1/2", "steps": 333332, "precision": 65536}' > "$T/cost/long.json"
cost_refused "$T/cost/long.json" precision bytes
# the same at 256 bits runs; at --max-precision 65536 it would not fit
sed 's/"steps": 333332, "precision": 65536/"steps": 200000, "precision": 256/' "$T/cost/long.json" > "$T/cost/long256.json"
timeout 5 "$SC" check --theorem L7-eq --max-precision 65536 "$T/cost/long256.json" > "$T/out" 2> "$T/err"; rc=$?
[ "$rc" -eq 2 ] && grep -q 'long256.json: steps: .*(estimate [0-9]* bytes > limit [0-9]*) (--max-precision 65536)$' "$T/err" \
    && ok || bad "a higher --max-precision checks the estimate again (exit $rc): $(head -1 "$T/err")"
# 1000 x 1000 explicit data (aborted in GMP after 103 s)
awk 'BEGIN { srand(1); printf "{\"format\": \"spikecheck-case/1\", \"loss\": \"square\", \"data\": {\"X\": [";
    for (i = 0; i < 1000; i++) { printf "%s[", i ? "," : ""; for (j = 0; j < 1000; j++) printf "%s\"%d\"", j ? "," : "", int(rand() * 9) - 4; printf "]" }
    printf "], \"y\": ["; for (i = 0; i < 1000; i++) printf "%s\"%d\"", i ? "," : "", i % 2 ? -1 : 1;
    printf "]}, \"init\": {\"w\": ["; for (j = 0; j < 1000; j++) printf "%s\"1\"", j ? "," : "";
    printf "], \"gamma\": \"1\"}, \"eta\": \"1/10\", \"eta_gamma\": \"1/2\", \"steps\": 1}\n" }' > "$T/cost/wide.json"
cost_refused "$T/cost/wide.json" data.X "digit operations"
# 100k-digit fractions in 8 x 4 data (minutes in exact matrix code)
num=$(head -c 49990 /dev/zero | tr '\0' 7); den=3$(head -c 49989 /dev/zero | tr '\0' 1)
awk -v b="1$num/$den" 'BEGIN { printf "{\"format\": \"spikecheck-case/1\", \"loss\": \"square\", \"data\": {\"X\": [";
    for (i = 0; i < 8; i++) { printf "%s[", i ? "," : ""; for (j = 0; j < 4; j++) printf "%s\"%s\"", j ? "," : "", (i + j) % 3 ? i - j : b; printf "]" }
    printf "], \"y\": [\"1\",\"-1\",\"1\",\"-1\",\"1\",\"-1\",\"1\",\"-1\"]}, \"init\": {\"w\": [\"1\",\"2\",\"3\",\"4\"], \"gamma\": \"1\"},";
    printf " \"eta\": \"1/10\", \"eta_gamma\": \"1/2\", \"steps\": 2}\n" }' > "$T/cost/digits.json"
cost_refused "$T/cost/digits.json" data.X "digit operations"
# a logistic case of 64 samples with 4000-digit data: the exact SVM dual
# LP (sc_svm_dual) ran for minutes
awk -v b="$(head -c 4000 /dev/zero | tr '\0' 9)" 'BEGIN { printf "{\"format\": \"spikecheck-case/1\", \"loss\": \"logistic\", \"data\": {\"X\": [";
    for (i = 0; i < 64; i++) printf "%s[\"%d%s\", \"%d%s\"]", i ? "," : "", i + 1, b, 2 * i - 63, b;
    printf "], \"y\": ["; for (i = 0; i < 64; i++) printf "%s\"%d\"", i ? "," : "", i < 32 ? 1 : -1;
    printf "]}, \"init\": {\"w\": [\"1\", \"2\"], \"gamma\": \"1/20\"}, \"eta\": \"1\", \"eta_gamma\": \"1/100\", \"steps\": 1}\n" }' > "$T/cost/lp.json"
cost_refused "$T/cost/lp.json" data "digit operations"
grep -q 'SVM dual LP of n = 64' "$T/err" && ok || bad "the LP estimate is named: $(head -1 "$T/err" | cut -c1-200)"

# sweep: a family file's grid runs like check's cases; the family claim
# is judged from their records and gets a record (and a plot) of its own
FAM=cases/families/t22-waiting-rho.json
expect_rc 1 "sweep the T2.2 family (its finding is VIOLATED)" "$SC" sweep --json "$T/fam.json" --html "$T/fam.html" --junit "$T/fam.xml" "$FAM"
grep -q '^FAM-T2.2-rho  *t22-waiting-rho .*VIOLATED .*slope of t1 against ln(1/rho_0) over 5 points' "$T/out" && ok || bad "sweep prints the family verdict"
[ "$(grep -c '"checker": "T2.2-T"' "$T/fam.json")" -eq 5 ] && grep -q '"checker": "FAM-T2.2-rho"' "$T/fam.json" \
    && grep -q '"slope_T_cf"' "$T/fam.json" && grep -q '"tolerance"' "$T/fam.json" && ok || bad "sweep JSON: a record per point and the family record"
grep -q '"replay": "spikecheck sweep --theorem T2.2-T cases/families/t22-waiting-rho.json"' "$T/fam.json" && ok || bad "a point replays through its family"
grep -q '<testsuite name="FAM-T2.2-rho" tests="1" failures="1"' "$T/fam.xml" && ok || bad "sweep JUnit has the family claim"
if command -v gnuplot > /dev/null 2>&1; then
    grep -q 'slope 2/eta gamma' "$T/fam.html" && ok || bad "sweep HTML plots the family with the reference slope"
fi
expect_rc 1 "sweep --jobs 2" "$SC" sweep --jobs 2 --json "$T/fam2.json" "$FAM"
cmp -s "$T/fam.json" "$T/fam2.json" && ok || bad "sweep --jobs 2 gives the report of one process"
expect_rc 1 "sweep --journal" "$SC" sweep --journal "$T/fam.journal" --json "$T/fam3.json" "$FAM"
expect_rc 1 "sweep --journal resumed" "$SC" sweep --journal "$T/fam.journal" --json "$T/fam3.json" "$FAM"
grep -q '5 of 5 cases restored, 0 run' "$T/err" && cmp -s "$T/fam.json" "$T/fam3.json" && ok || bad "sweep resumes from its journal"
expect_rc 0 "sweep --shard 1/2" "$SC" sweep --shard 1/2 --json "$T/fam4.json" "$FAM"
[ "$(grep -c '"checker": "T2.2-T"' "$T/fam4.json")" -eq 3 ] && ! grep -q FAM-T2.2 "$T/fam4.json" && grep -q 'not by a shard' "$T/err" \
    && ok || bad "a shard runs its points and judges no family"
# a sharded sweep ends in the unsharded sweep's reports: the shards'
# journals merge into one, and a sweep with it (the shards' options)
# restores every point and judges the family claim by sweep's own code
expect_rc 1 "unsharded sweep, every report" "$SC" sweep --json "$T/fs.json" --junit "$T/fs.xml" --html "$T/fs.html" --markdown "$T/fs.md" "$FAM"
cp "$T/out" "$T/fs.out"
for k in 1 2 3; do
    expect_rc 0 "sweep --shard $k/3 --journal" "$SC" sweep --shard $k/3 --html "$T/fsp.html" --journal "$T/fs$k.jnl" "$FAM"
done
expect_rc 0 "merge the shards' journals into one" "$SC" merge -o "$T/fsall.jnl" "$T/fs3.jnl" "$T/fs1.jnl" "$T/fs2.jnl"
expect_rc 1 "sweep the merged journal" "$SC" sweep --journal "$T/fsall.jnl" --json "$T/fm.json" --junit "$T/fm.xml" --html "$T/fm.html" --markdown "$T/fm.md" "$FAM"
grep -q 'fsall.jnl: 5 of 5 cases restored, 0 run' "$T/err" && cmp -s "$T/fs.out" "$T/out" && ok || bad "a merged journal restores every point (the table of the unsharded sweep)"
for x in json xml html md; do
    cmp -s "$T/fs.$x" "$T/fm.$x" && ok || bad "sharded sweep, merged: its $x differs from the unsharded sweep's"
done
grep -q '"checker": "FAM-T2.2-rho"' "$T/fm.json" && ok || bad "the merged sweep has the family record"
expect_rc 1 "sweep the merged journal with --jobs 2" "$SC" sweep --jobs 2 --journal "$T/fsall.jnl" --html "$T/fmj.html" --json "$T/fmj.json" "$FAM"
cmp -s "$T/fs.json" "$T/fmj.json" && [ ! -e "$T/fsall.jnl.1" ] && ok || bad "a merged journal with --jobs runs no worker"
expect_rc 0 "merge the parts to JSON" "$SC" merge -o "$T/fsp.json" "$T/fs1.jnl" "$T/fs2.jnl" "$T/fs3.jnl"
expect_rc 0 "a merged journal merges again" "$SC" merge -o "$T/fsall2.json" "$T/fsall.jnl"
cmp -s "$T/fsp.json" "$T/fsall2.json" && ok || bad "a merged journal merges as its parts do"
expect_rc 2 "merge: a journal from JSON parts" "$SC" merge -o "$T/fsx.jnl" "$T/fs.json"
[ ! -e "$T/fsx.jnl" ] && ok || bad "a refused merge left a journal"
# what a merged journal does not hold is refused: one line naming the
# journal and the case, exit 2, no report, nothing run
fsm_bad() {     # fsm_bad WHAT JOURNAL FAMILY REASON
    expect_rc 2 "merged sweep: $1" "$SC" sweep --journal "$2" --html "$T/fx.html" --json "$T/fx.json" "$3"
    [ "$(wc -l < "$T/err")" -eq 1 ] && grep -q "^spikecheck: $2: $4" "$T/err" && [ ! -e "$T/fx.json" ] && [ ! -e "$T/fx.html" ] \
        && ok || bad "merged sweep: $1: $(cat "$T/err")"
}
expect_rc 0 "merge two shards of three" "$SC" merge -o "$T/fs12.jnl" "$T/fs1.jnl" "$T/fs2.jnl"
fsm_bad "a part missing" "$T/fs12.jnl" "$FAM" "$FAM#rho_0=[^:]*: not in the merged journal"
mkdir "$T/fo" "$T/fo/base"
cp "$FAM" "$T/fo/"
cp cases/families/base/t22-waiting-base.json "$T/fo/base/"
expect_rc 0 "another family's shard" "$SC" sweep --shard 1/2 --html "$T/fsp.html" --journal "$T/fo1.jnl" "$T/fo/t22-waiting-rho.json"
expect_rc 0 "merge parts of two families" "$SC" merge -o "$T/fsmix.jnl" "$T/fs1.jnl" "$T/fs2.jnl" "$T/fs3.jnl" "$T/fo1.jnl"
fsm_bad "a part of another family" "$T/fsmix.jnl" "$FAM" "$T/fo/t22-waiting-rho.json#rho_0=[^:]*: a case this run does not have"
fsm_bad "a family of another claim" "$T/fsall.jnl" cases/families/t5-entry.json "options: .*(theorems=T2.2-T in the journal, theorems=T5.2-W in this run)"
expect_rc 2 "merge: parts of other options" "$SC" merge -o "$T/fsx.jnl" "$T/fs1.jnl" "$T/r.jnl"
grep -q "r.jnl: options or versions differ from $T/fs1.jnl (theorems=.* in $T/r.jnl, theorems=T2.2-T in $T/fs1.jnl; .*precision=53 in $T/r.jnl, precision=0 in $T/fs1.jnl" "$T/err" && [ ! -e "$T/fsx.jnl" ] && ok || bad "merge names the differing options: $(cat "$T/err")"
# the base edited between the shards: the first shard's points are not
# the family's expansion any more
sed -i 's/"name": "t22-waiting-base"/"name": "t22-waiting-edited"/' "$T/fo/base/t22-waiting-base.json"
expect_rc 0 "the other shard, after the edit" "$SC" sweep --shard 2/2 --html "$T/fsp.html" --journal "$T/fo2.jnl" "$T/fo/t22-waiting-rho.json"
expect_rc 0 "merge across the edit" "$SC" merge -o "$T/fo.jnl" "$T/fo1.jnl" "$T/fo2.jnl"
fsm_bad "a point of another expansion" "$T/fo.jnl" "$T/fo/t22-waiting-rho.json" "$T/fo/t22-waiting-rho.json#rho_0=[^:]*: digest: "
# two families: each point keeps the records of its own family's claims
expect_rc 1 "sweep two families" "$SC" sweep --jobs 2 --json "$T/fam5.json" "$FAM" cases/families/wd-period.json
[ "$(grep -c '"checker": "T2.2-T"' "$T/fam5.json")" -eq 5 ] && [ "$(grep -c '"checker": "W6-a"' "$T/fam5.json")" -eq 9 ] \
    && grep -q '"checker": "FAM-W6-period"' "$T/fam5.json" && ok || bad "two families: the points' own claims only"
# bad family files: one line naming file and field, exit 2, nothing written
mkdir "$T/fam"
cp cases/families/base/t22-waiting-base.json "$T/fam/base.json"
famfile() {     # famfile NAME BASE GRID [EXTRA]
    printf '{"format": "spikecheck-family/1", "family": "f", "claim": "FAM-T2.2-rho", "base": %s, "grid": %s%s}\n' "$2" "$3" "${4:-}" > "$T/fam/$1"
}
fam_bad() {     # fam_bad NAME FIELD REASON
    expect_rc 2 "sweep $1" "$SC" sweep --json "$T/fam/out.json" "$T/fam/$1"
    [ "$(wc -l < "$T/err")" -eq 1 ] && grep -q "^spikecheck: $T/fam/$1[^:]*: $2: .*$3" "$T/err" && ok || bad "sweep $1: $(cat "$T/err")"
    [ ! -e "$T/fam/out.json" ] && ! ls "$T/fam" | grep -q tmp && ok || bad "sweep $1 wrote something"
}
famfile unknown.json '"base.json"' '{"rho": ["1/10"]}'
fam_bad unknown.json grid "unknown parameter"
famfile value.json '"base.json"' '{"rho_0": ["1/10", "nan"]}'
fam_bad value.json 'grid.rho_0\[1\]' "not an exact number"
famfile repeat.json '"base.json"' '{"rho_0": ["1/10", "0.1"]}'
fam_bad repeat.json 'grid.rho_0\[1\]' "repeats"
famfile point.json '"base.json"' '{"rho_0": ["1/10", "-1"]}'
fam_bad point.json 'init.rho0' ""
grep -q "^spikecheck: $T/fam/point.json#rho_0=-1: " "$T/err" && ok || bad "a bad point names its family file and value"
famfile varies.json '"base.json"' '{"eta": ["1", "2"]}'
fam_bad varies.json grid "varies rho_0 (required) and nothing else"
famfile key.json '"base.json"' '{"rho_0": ["1/10"]}' ', "steps": 3'
fam_bad key.json steps "unknown key"
famfile claim.json '"base.json"' '{"rho_0": ["1/10"]}'
sed -i 's/"FAM-T2.2-rho"/"FAM-X"/' "$T/fam/claim.json"
fam_bad claim.json claim "unknown family claim"
famfile name.json '"base.json"' '{"rho_0": ["1/10"]}'
sed -i 's/"family": "f"/"family": "..\/x"/' "$T/fam/name.json"
fam_bad name.json family "not a name"
famfile missing.json '"nobase.json"' '{"rho_0": ["1/10"]}'
fam_bad missing.json base "cannot open nobase.json"
famfile abs.json '"/etc/passwd"' '{"rho_0": ["1/10"]}'
fam_bad abs.json base "an absolute path"
mkfifo "$T/fam/fifo.json"
famfile fifo.json2 '"fifo.json"' '{"rho_0": ["1/10"]}'
fam_bad fifo.json2 base "not a regular file"
ln -s /etc/passwd "$T/fam/link.json"
famfile link.jsn '"link.json"' '{"rho_0": ["1/10"]}'
fam_bad link.jsn base "not a .json file"
famfile self.json '"self.json"' '{"rho_0": ["1/10"]}'
fam_bad self.json base "the family file itself"
famfile dotdot.json '"../fam/dir.json"' '{"rho_0": ["1/10"]}'
mkdir "$T/fam/dir.json"
fam_bad dotdot.json base "not a regular file"
printf '{"format": "spikecheck-family/1", "family": "f", "claim": "FAM-T2.2-rho", "base": "base.json", "grid": {"rho_0": ["1/10"]}' > "$T/fam/json.json"
fam_bad json.json json "line"

# no command parses an option outside the tables (opts.c is the parser)
grep -n 'strcmp([^,]*, *"--*[a-z]' src/cli/*.c | grep -v -e '^src/cli/main.c:' -e '^src/cli/opts.c:' > "$T/adhoc" && bad "options parsed outside the tables: $(head -1 "$T/adhoc")" || ok
expect_rc 0 "--opt=value" "$SC" check --theorem=L7-eq --json="$T/eq.json" "$SPIKE"
[ -s "$T/eq.json" ] && ok || bad "--json=FILE writes FILE"
expect_rc 2 "a flag given a value" "$SC" check --all=1 "$SPIKE"
expect_rc 2 "help of an unknown command" "$SC" help nope
expect_rc 0 "the man page" "$SC" help --man
grep -q '^\.TH SPIKECHECK 1' "$T/out" && [ "$(grep -c '^\.SS "spikecheck ' "$T/out")" -eq "$(echo $CMDS | wc -w)" ] \
    && grep -q '^\.SH "EXIT STATUS"' "$T/out" && grep -q '^\.SH "CASE FILES"' "$T/out" && ok || bad "man page: a section per command, exit status, case files"
if command -v man > /dev/null 2>&1; then
    cp "$T/out" "$T/sc.1"
    MANWIDTH=80 man --warnings -l "$T/sc.1" > "$T/man.txt" 2> "$T/err" && [ ! -s "$T/err" ] && grep -q 'save-counterexamples' "$T/man.txt" \
        && ok || bad "man renders the page without warnings"
fi

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
