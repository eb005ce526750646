#!/bin/sh
# install.sh -- what `make install PREFIX=P` leaves: P/bin/spikecheck runs
# from PATH, P/share/man/man1/spikecheck.1 is its own `help --man` and
# renders, and a replay line it prints runs as printed.  With
# --uninstalled: both files are gone.  Run by `make test-install` (part
# of `make test`) from the source tree.  Usage: sh tests/install.sh
# [--uninstalled] PREFIX
set -u
gone=0
[ "${1:-}" = "--uninstalled" ] && { gone=1; shift; }
P=$1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

BIN="$P/bin/spikecheck"
MAN="$P/share/man/man1/spikecheck.1"
if [ "$gone" -eq 1 ]; then
    [ ! -e "$BIN" ] && [ ! -e "$MAN" ] && ok || bad "make uninstall left $BIN or $MAN"
    echo "uninstall: $pass passed, $fail failed"
    [ "$fail" -eq 0 ]
    exit
fi
[ -x "$BIN" ] && [ -f "$MAN" ] && ok || bad "make install wrote $BIN and $MAN"
[ "$(PATH="$P/bin:$PATH" command -v spikecheck)" = "$BIN" ] && ok || bad "spikecheck on PATH is the installed one"
PATH="$P/bin:$PATH" spikecheck --help > "$T/help" 2>&1 && grep -q '^Commands:' "$T/help" && ok || bad "the installed spikecheck runs"
"$BIN" help --man | cmp -s - "$MAN" && ok || bad "the manual page is the binary's help --man"
if command -v man > /dev/null 2>&1; then
    MANWIDTH=80 MANPATH="$P/share/man" man --warnings spikecheck > "$T/man.txt" 2> "$T/err" && [ ! -s "$T/err" ] \
        && grep -q 'EXIT STATUS' "$T/man.txt" && ok || bad "man spikecheck renders the installed page without warnings"
else
    echo "note: man not installed: the page's rendering not checked"
fi
# a replay line printed by the installed binary runs as printed
PATH="$P/bin:$PATH" spikecheck check --theorem T3.b-P --scale-bounds 1/4 tests/data/thm_spike.json > "$T/out" 2>&1
LINE=$(sed -n 's/^      replay: //p' "$T/out")
[ "$LINE" = "spikecheck replay --theorem T3.b-P --scale-bounds 1/4 tests/data/thm_spike.json" ] && ok || bad "replay line: $LINE"
printf '%s\n' "$LINE" | PATH="$P/bin:$PATH" sh > "$T/replay" 2>&1; rc=$?
[ "$rc" -eq 1 ] && grep '^T3.b-P ' "$T/replay" | cmp -s - "$(grep '^T3.b-P ' "$T/out" > "$T/v"; echo "$T/v")" \
    && ok || bad "the printed replay line reruns the check with the installed binary (exit $rc)"
echo "install: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
