#!/usr/bin/env bash
# start-local-slurm.sh — install and start a REAL single-node SLURM cluster on
# localhost (Debian 12 "bookworm", Slurm 22.05.8, run as root, no systemd
# needed). Idempotent: re-running it while the cluster is up just re-checks it
# and prints the ready line again.
#
#   bash scripts/start-local-slurm.sh          # install (if needed) + start + wait idle
#   bash scripts/start-local-slurm.sh stop     # stop the daemons it started (by PID file)
#   bash scripts/start-local-slurm.sh status   # show daemons / sinfo
#
# Environment knobs:
#   SLURM_WITH_DBD=1 (default)  MariaDB + slurmdbd, so `sacct` works.
#   SLURM_WITH_DBD=0            no database: AccountingStorageType=none and
#                               JobCompType=jobcomp/filetxt; plain `sacct`
#                               fails, `sacct --completion` reads the jobcomp file.
#   SLURM_READY_TIMEOUT=120     seconds to wait for the node to become idle.
#
# Cluster layout: ClusterName=localcluster, node = `hostname -s` (127.0.0.1),
# CPUs/RealMemory taken from `slurmd -C`; partitions:
#   debug  (default, PriorityTier=1, jobs preemptable by REQUEUE)
#   urgent (PriorityTier=10, preempts debug jobs)
# Requeued jobs become eligible again ~11 s later (AuthInfo=cred_expire=10;
# the Slurm default is 120 s).
set -euo pipefail

WITH_DBD=${SLURM_WITH_DBD:-1}
READY_TIMEOUT=${SLURM_READY_TIMEOUT:-120}
CONF=/etc/slurm/slurm.conf
DBDCONF=/etc/slurm/slurmdbd.conf
LOGDIR=/var/log/slurm
DB_PASS=slurmdbpass   # local-only test database on 127.0.0.1

log() { echo "[start-local-slurm] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# pid_alive PIDFILE COMM -> 0 if the PID in PIDFILE is a live process named COMM
pid_alive() {
  local pf=$1 comm=$2 pid
  [ -s "$pf" ] || return 1
  pid=$(cat "$pf" 2>/dev/null) || return 1
  [ -n "$pid" ] && [ -r "/proc/$pid/comm" ] && [ "$(cat "/proc/$pid/comm")" = "$comm" ]
}

# stop_pidfile PIDFILE COMM -> SIGTERM the PID from PIDFILE (only if it is COMM), wait
stop_pidfile() {
  local pf=$1 comm=$2 pid i
  if pid_alive "$pf" "$comm"; then
    pid=$(cat "$pf")
    log "stopping $comm (pid $pid)"
    kill "$pid" 2>/dev/null || true
    for i in $(seq 1 100); do [ -d "/proc/$pid" ] || break; sleep 0.1; done
    if [ -d "/proc/$pid" ]; then log "$comm did not exit, SIGKILL"; kill -9 "$pid" 2>/dev/null || true; fi
  fi
  rm -f "$pf"
}

wait_for() { # wait_for SECONDS DESCRIPTION CMD...
  local t=$1 what=$2 i; shift 2
  for i in $(seq 1 $((t * 5))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done
  die "timed out after ${t}s waiting for $what"
}

tcp_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

do_stop() {
  stop_pidfile /run/slurmd.pid slurmd
  stop_pidfile /run/slurmctld.pid slurmctld
  stop_pidfile /run/slurmdbd.pid slurmdbd
  stop_pidfile /run/mysqld/mysqld.pid mariadbd
  stop_pidfile /run/munge/munged.pid munged
}

do_status() {
  local d
  for d in "/run/munge/munged.pid munged" "/run/mysqld/mysqld.pid mariadbd" \
           "/run/slurmdbd.pid slurmdbd" "/run/slurmctld.pid slurmctld" "/run/slurmd.pid slurmd"; do
    set -- $d
    if pid_alive "$1" "$2"; then echo "$2: running (pid $(cat "$1"))"; else echo "$2: not running"; fi
  done
  sinfo 2>&1 || true
}

case "${1:-start}" in
  stop) do_stop; exit 0 ;;
  status) do_status; exit 0 ;;
  start) ;;
  *) die "usage: $0 [start|stop|status]" ;;
esac

[ "$(id -u)" = 0 ] || die "must run as root"
T_START=$(date +%s)

# ---------------------------------------------------------------- 1. packages
pkgs=(munge slurmctld slurmd slurm-client)
[ "$WITH_DBD" = 1 ] && pkgs+=(slurmdbd mariadb-server)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=900 update -qq
  apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  log "packages installed after $(( $(date +%s) - T_START ))s"
fi

# ---------------------------------------------------------------- 2. config
HOST=$(hostname -s)
# `slurmd -C` prints e.g. "NodeName=vm CPUs=2 Boards=1 ... RealMemory=24105"
HWLINE=$(slurmd -C | head -1)
CPUS=$(sed -n 's/.*CPUs=\([0-9]*\).*/\1/p' <<<"$HWLINE")
MEM=$(sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p' <<<"$HWLINE")
[ -n "$CPUS" ] && [ -n "$MEM" ] || die "could not parse 'slurmd -C': $HWLINE"
MEM=$(( MEM * 95 / 100 ))   # headroom, so the node is never drained for 'Low RealMemory'

if [ "$WITH_DBD" = 1 ]; then
  ACCT="AccountingStorageType=accounting_storage/slurmdbd
AccountingStorageHost=127.0.0.1
JobCompType=jobcomp/none"
else
  ACCT="AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$LOGDIR/jobcomp.txt"
fi

mkdir -p /etc/slurm "$LOGDIR" /var/lib/slurm/slurmctld /var/lib/slurm/slurmd
chown slurm:slurm "$LOGDIR" /var/lib/slurm /var/lib/slurm/slurmctld

NEWCONF=$(cat <<EOF
# generated by start-local-slurm.sh — single-node test cluster
ClusterName=localcluster
SlurmctldHost=$HOST(127.0.0.1)
SlurmUser=slurm
AuthType=auth/munge
# requeued jobs wait cred_expire+1 s before they may start again (default 120)
AuthInfo=cred_expire=10
MpiDefault=none
# silence 'Configured MailProg is invalid' (no mail on the box)
MailProg=/bin/true
# no cgroup delegation needed:
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
ReturnToService=2
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmdSpoolDir=/var/lib/slurm/slurmd
StateSaveLocation=/var/lib/slurm/slurmctld
SchedulerType=sched/backfill
SchedulerParameters=sched_interval=5,bf_interval=5
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
JobRequeue=1
# finished jobs stay visible in squeue -t all / scontrol show job for 1 h
MinJobAge=3600
KillWait=5
InactiveLimit=0
PreemptType=preempt/partition_prio
PreemptMode=REQUEUE
$ACCT
JobAcctGatherType=jobacct_gather/linux
JobAcctGatherFrequency=10
SlurmctldDebug=info
SlurmctldLogFile=$LOGDIR/slurmctld.log
SlurmdDebug=info
SlurmdLogFile=$LOGDIR/slurmd.log
NodeName=$HOST NodeAddr=127.0.0.1 CPUs=$CPUS RealMemory=$MEM State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP PriorityTier=1
PartitionName=urgent Nodes=ALL Default=NO MaxTime=INFINITE State=UP PriorityTier=10 PreemptMode=OFF
EOF
)
CONF_CHANGED=0
if [ ! -f "$CONF" ] || [ "$(cat "$CONF")" != "$NEWCONF" ]; then
  printf '%s\n' "$NEWCONF" > "$CONF"
  chmod 644 "$CONF"
  CONF_CHANGED=1
fi
if [ "$CONF_CHANGED" = 1 ]; then
  # daemons (if any) run with an old config: restart them
  stop_pidfile /run/slurmd.pid slurmd
  stop_pidfile /run/slurmctld.pid slurmctld
fi

# ---------------------------------------------------------------- 3. munge
if [ ! -s /etc/munge/munge.key ]; then
  mungekey --create --keyfile=/etc/munge/munge.key
fi
chown munge:munge /etc/munge/munge.key; chmod 400 /etc/munge/munge.key
mkdir -p /run/munge && chown munge:munge /run/munge && chmod 755 /run/munge
if ! pid_alive /run/munge/munged.pid munged; then
  log "starting munged"
  runuser -u munge -- /usr/sbin/munged </dev/null >/dev/null 2>&1
fi
wait_for 15 "munge" bash -c 'munge -n | unmunge'

# ---------------------------------------------------------------- 4. database
if [ "$WITH_DBD" = 1 ]; then
  if [ ! -f /etc/mysql/mariadb.conf.d/99-slurm.cnf ]; then
    cat > /etc/mysql/mariadb.conf.d/99-slurm.cnf <<'EOF'
[mysqld]
bind-address=127.0.0.1
innodb_buffer_pool_size=256M
innodb_lock_wait_timeout=900
max_allowed_packet=64M
EOF
  fi
  mkdir -p /run/mysqld && chown mysql:root /run/mysqld
  if ! pid_alive /run/mysqld/mysqld.pid mariadbd; then
    log "starting mariadbd"
    setsid nohup /usr/sbin/mariadbd --user=mysql </dev/null >>/var/log/mariadbd-slurm.log 2>&1 &
  fi
  wait_for 60 "mariadb" mysqladmin ping
  mysql -e "CREATE DATABASE IF NOT EXISTS slurm_acct_db;
            CREATE USER IF NOT EXISTS 'slurm'@'localhost' IDENTIFIED BY '$DB_PASS';
            GRANT ALL ON slurm_acct_db.* TO 'slurm'@'localhost'; FLUSH PRIVILEGES;"

  NEWDBD=$(cat <<EOF
AuthType=auth/munge
DbdHost=localhost
DbdAddr=127.0.0.1
SlurmUser=slurm
DebugLevel=info
LogFile=$LOGDIR/slurmdbd.log
PidFile=/run/slurmdbd.pid
StorageType=accounting_storage/mysql
StorageHost=localhost
StorageUser=slurm
StoragePass=$DB_PASS
StorageLoc=slurm_acct_db
EOF
)
  if [ ! -f "$DBDCONF" ] || [ "$(cat "$DBDCONF")" != "$NEWDBD" ]; then
    printf '%s\n' "$NEWDBD" > "$DBDCONF"
    stop_pidfile /run/slurmdbd.pid slurmdbd
  fi
  # slurmdbd refuses to start unless the file is 0600 and owned by SlurmUser
  chown slurm:slurm "$DBDCONF"; chmod 600 "$DBDCONF"
  if ! pid_alive /run/slurmdbd.pid slurmdbd; then
    log "starting slurmdbd"
    slurmdbd </dev/null >/dev/null 2>&1
  fi
  wait_for 60 "slurmdbd on :6819" tcp_open 6819
fi

# ---------------------------------------------------------------- 5. slurm
if ! pid_alive /run/slurmctld.pid slurmctld; then
  log "starting slurmctld"
  slurmctld </dev/null >/dev/null 2>&1
fi
wait_for 60 "slurmctld" scontrol ping
if ! pid_alive /run/slurmd.pid slurmd; then
  log "starting slurmd"
  slurmd </dev/null >/dev/null 2>&1
fi

node_state() { sinfo -h -n "$HOST" -o '%T' 2>/dev/null | head -1; }
deadline=$(( $(date +%s) + READY_TIMEOUT ))
resumed=0
while :; do
  st=$(node_state || true)
  case "$st" in
    idle|mixed|allocated) break ;;
    down*|drain*|drained*|fail*)
      if [ "$resumed" = 0 ]; then
        log "node is '$st', resuming it"
        scontrol update NodeName="$HOST" State=RESUME 2>/dev/null || true
        resumed=1
      fi ;;
  esac
  [ "$(date +%s)" -lt "$deadline" ] || { sinfo -R >&2 || true; tail -20 "$LOGDIR/slurmd.log" >&2 || true; die "node '$HOST' not ready (state '$st') after ${READY_TIMEOUT}s"; }
  sleep 0.5
done

if [ "$WITH_DBD" = 1 ]; then
  # the cluster registers itself in slurmdbd when slurmctld connects
  wait_for 30 "cluster registration in slurmdbd" bash -c 'sacctmgr -n -P list cluster format=cluster | grep -qx localcluster'
fi

echo "SLURM READY: node=$HOST state=$st cpus=$CPUS mem=${MEM}M partitions=debug(default),urgent accounting=$([ "$WITH_DBD" = 1 ] && echo slurmdbd || echo none) version=$(sinfo -V | awk '{print $2}') setup_s=$(( $(date +%s) - T_START ))"
