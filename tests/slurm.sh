#!/bin/sh
# slurm.sh -- README's Slurm job array, run for real: a private
# single-node Slurm (munged, slurmctld, slurmd from Debian's munge and
# slurm-wlm) on localhost, with its socket, ports, state and logs under a
# temporary directory; README's sweep.sbatch submitted as a 4-task array
# over a small suite; the journals merged with README's command; the
# reports compared with those of one unsharded run.  Stops the daemons it
# started, by their pids.  Needs root.  Usage: sh tests/slurm.sh BINARY
set -u
SC=${1:-./spikecheck}
SCA="$(cd "$(dirname "$SC")" && pwd)/$(basename "$SC")"
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

for t in munged mungekey slurmctld slurmd sbatch sinfo; do
    if ! command -v "$t" > /dev/null 2>&1 && [ ! -x "/usr/sbin/$t" ]; then
        echo "slurm: $t not found (sh .ci/install-deps slurm installs munge and slurm-wlm)"
        exit 1
    fi
done
if [ "$(id -u)" -ne 0 ]; then
    # slurmd starts each job as its user: it runs as root
    if command -v sudo > /dev/null 2>&1; then exec sudo sh "$0" "$@"; fi
    echo "slurm: slurmd runs as root, and there is no sudo: test not run"
    exit 1
fi
PATH="$PATH:/usr/sbin"

D=$(mktemp -d)
chmod 711 "$D"              # munged: every user must reach its socket
PIDS=""
stop() {
    for p in $PIDS; do kill "$p" 2> /dev/null; done
    for p in $PIDS; do wait "$p" 2> /dev/null; done
    PIDS=""
}
trap 'stop; rm -rf "$D"' EXIT
trap 'exit 2' INT TERM
logs() { for f in "$D"/log/*; do echo "== $f"; tail -15 "$f"; done; }

# munge: its own key and socket
mkdir -p "$D/log" "$D/state" "$D/spool" "$D/w/reports" "$D/w/suite"
mungekey -c -k "$D/munge.key" > /dev/null && chmod 600 "$D/munge.key"
munged -F --socket="$D/munge.sock" --key-file="$D/munge.key" --log-file="$D/log/munged.log" \
    --pid-file="$D/munged.pid" --seed-file="$D/munged.seed" > "$D/log/munged.out" 2>&1 &
PIDS="$PIDS $!"
i=0
while [ ! -S "$D/munge.sock" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
munge -S "$D/munge.sock" -n | unmunge -S "$D/munge.sock" > /dev/null 2>&1 && ok || { bad "munged runs"; logs; exit 1; }

# one node, this machine, on ports of its own
H=$(hostname -s 2> /dev/null || uname -n)
PORT=$((20000 + ($$ % 5000) * 2))
export SLURM_CONF="$D/slurm.conf"
cat > "$SLURM_CONF" <<EOF
ClusterName=spikecheck-test
SlurmctldHost=$H(127.0.0.1)
SlurmctldPort=$PORT
SlurmdPort=$((PORT + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$D/munge.sock
CredType=cred/munge
StateSaveLocation=$D/state
SlurmdSpoolDir=$D/spool
SlurmctldPidFile=$D/slurmctld.pid
SlurmdPidFile=$D/slurmd.pid
SlurmctldLogFile=$D/log/slurmctld.log
SlurmdLogFile=$D/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/builtin
MpiDefault=none
ReturnToService=2
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
NodeName=$H NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=test Nodes=$H Default=YES MaxTime=30 State=UP
EOF
slurmctld -D -f "$SLURM_CONF" > "$D/log/slurmctld.out" 2>&1 &
PIDS="$PIDS $!"
slurmd -D -f "$SLURM_CONF" > "$D/log/slurmd.out" 2>&1 &
PIDS="$PIDS $!"
i=0
while ! sinfo -h -o %T 2> /dev/null | grep -q '^idle' && [ $i -lt 300 ]; do sleep 0.2; i=$((i + 1)); done
sinfo -h -o %T 2> /dev/null | grep -q '^idle' && ok || { bad "the node comes up idle"; logs; exit 1; }

# README's job script, taken from README, and its suite: 9 cases, among
# them an UNDECIDED one ([T2.2-T] on whitened-0050-above: no reference time
# judged within the horizon; no committed case is VIOLATED since [S2] is
# judged on spikes) and cases without any finding
awk '/^With a Slurm job array/ { s = 1 } s && /^```/ { n++; if (n == 2) exit; next } s && n == 1' README.md > "$D/w/sweep.sbatch"
grep -q '^#SBATCH --array=' "$D/w/sweep.sbatch" && grep -q 'spikecheck check --shard' "$D/w/sweep.sbatch" \
    && ok || bad "README's job script found"
MERGE=$(awk '/^then submit it from the clone/ { s = 1 } s && /^```/ { n++; if (n == 2) exit; next } s && n == 1' README.md)
echo "$MERGE" | grep -q '^sbatch --wait sweep.sbatch cases/default$' && echo "$MERGE" | grep -q 'spikecheck merge' \
    && ok || bad "README's submit and merge commands found"
cp tests/data/thm_spike.json tests/data/thm_t21.json tests/data/thm_t22.json tests/data/thm_t3c.json \
    tests/data/thm_plain.json cases/default/whitened-0050-above.json "$D/w/suite"
ls cases/default/*.json | head -3 | xargs -I{} cp {} "$D/w/suite"
ln -s "$SCA" "$D/w/spikecheck"

# the unsharded run
(cd "$D/w" && ./spikecheck check --precision 53 --html one.html --json one.json --junit one.xml --markdown one.md suite > one.out 2>&1)
rc=$?
[ "$rc" -eq 3 ] && ok || bad "unsharded run: exit $rc, want 3 (the T2.2-T UNDECIDED)"

# README's commands, on the small suite and with 4 tasks instead of 64
echo "$MERGE" | sed 's|^sbatch --wait sweep.sbatch cases/default$|sbatch --wait --array=1-4 sweep.sbatch suite|' > "$D/w/run.sh"
(cd "$D/w" && timeout 600 sh -e run.sh > run.out 2>&1)
rc=$?
[ "$rc" -eq 0 ] && ok || { bad "sbatch and merge: exit $rc"; cat "$D/w/run.out"; logs; }
[ "$(ls "$D/w/reports"/part-*.jnl 2> /dev/null | wc -l)" -eq 4 ] && [ "$(ls "$D/w/reports"/slurm-*_*.out 2> /dev/null | wc -l)" -eq 4 ] \
    && ok || bad "4 array tasks, 4 journals"
for k in 1 2 3 4; do
    [ "$(wc -l < "$D/w/reports/part-$k.jnl")" -ge 3 ] && ok || bad "task $k journalled its shard"
done
for x in json xml html md; do
    cmp -s "$D/w/one.$x" "$D/w/reports/all.$x" && ok || bad "merged .$x differs from the unsharded run"
done
stop
echo "slurm: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
