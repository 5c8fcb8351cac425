#!/usr/bin/env bash
# A throwaway three-node MariaDB Galera cluster on 127.0.0.1, for the cluster tests and benchmarks.
# Usage: scripts/galera-throwaway.sh start|stop|status|urls
#        scripts/galera-throwaway.sh kill-node N    — SIGKILL node N (1..3), as a crash would
#        scripts/galera-throwaway.sh start-node N   — (re)start node N; it rejoins the others by IST or SST
# `start` bootstraps node 1, joins 2 and 3, creates the ledger user and database and prints the three
# DB_URLs (one a line; `urls` prints them again). Installs mariadb-server, galera-4 and rsync from
# Debian's packages when absent, like scripts/mariadb-throwaway.sh.
#
# Ports (override the base with GALERA_PORT_BASE, default 34306): node i serves SQL on BASE+i-1
# (34306..34308), group communication on 34567+i-1, IST on 34570+2(i-1) and rsync SST on 34571+2(i-1).
# The servers run as the `mysql` user on data directories it owns: run as root, the rsync state
# transfer fails with "Permission denied".
set -euo pipefail
SQL_BASE="${GALERA_PORT_BASE:-34306}"
GCOMM_BASE="${GALERA_GCOMM_BASE:-34567}"
XFER_BASE="${GALERA_XFER_BASE:-34570}"
BASE="${GALERA_BASE:-/tmp/ledger-galera}"
RUN_AS="${GALERA_USER:-mysql}"
cmd="${1:-start}"

sql_port() { echo $((SQL_BASE + $1 - 1)); }
gcomm_port() { echo $((GCOMM_BASE + $1 - 1)); }
ist_port() { echo $((XFER_BASE + 2 * ($1 - 1))); }
sst_port() { echo $((XFER_BASE + 2 * ($1 - 1) + 1)); }
node_dir() { echo "$BASE/node$1"; }
url_of() { echo "mysql://ledger:ledger@127.0.0.1:$(sql_port "$1")/ledger"; }
pid_of() { cat "$(node_dir "$1")/mariadb.pid" 2>/dev/null || true; }
alive() { local p; p=$(pid_of "$1"); [ -n "$p" ] && kill -0 "$p" 2>/dev/null; }
client() { mariadb --socket="$(node_dir "$1")/mysqld.sock" -uroot "${@:2}"; }
urls() { for i in 1 2 3; do url_of "$i"; done; }

install_packages() {
  local need=()
  command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || need+=(mariadb-server)
  [ -f /usr/lib/galera/libgalera_smm.so ] || [ -f /usr/lib/libgalera_smm.so ] || need+=(galera-4)
  command -v rsync >/dev/null 2>&1 || need+=(rsync)
  if [ ${#need[@]} -gt 0 ]; then
    echo "installing ${need[*]} from Debian's packages" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq "${need[@]}" >&2
  fi
}

provider() {
  for f in /usr/lib/galera/libgalera_smm.so /usr/lib/libgalera_smm.so; do [ -f "$f" ] && { echo "$f"; return; }; done
  echo "libgalera_smm.so not found" >&2
  exit 1
}

write_config() {
  local i=$1 dir
  dir=$(node_dir "$i")
  local peers="" j
  for j in 1 2 3; do peers="${peers:+$peers,}127.0.0.1:$(gcomm_port "$j")"; done
  cat >"$dir/my.cnf" <<CNF
[mariadbd]
datadir=$dir/data
socket=$dir/mysqld.sock
pid-file=$dir/mariadb.pid
log-error=$dir/server.log
port=$(sql_port "$i")
bind-address=127.0.0.1
skip-name-resolve
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
max-connections=300
innodb-buffer-pool-size=128M
innodb-flush-log-at-trx-commit=2
# what Galera needs: row-based replication, interleaved auto-increment locks, InnoDB only
binlog_format=ROW
innodb_autoinc_lock_mode=2
default_storage_engine=InnoDB
wsrep_on=ON
wsrep_provider=$(provider)
wsrep_cluster_name=ledger_galera
wsrep_cluster_address=gcomm://$peers
wsrep_node_name=node$i
wsrep_node_address=127.0.0.1:$(gcomm_port "$i")
wsrep_provider_options="base_port=$(gcomm_port "$i");ist.recv_addr=127.0.0.1:$(ist_port "$i");gcache.size=256M"
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:$(sst_port "$i")
# read-your-writes: a read first waits until this node has applied what the cluster committed before it
# (a payment answered by node 1 is seen by a GET on node 2); the app sets the same on its sessions
wsrep_sync_wait=1
wsrep_slave_threads=2
CNF
}

start_node() {
  local i=$1 bootstrap=${2:-} dir
  dir=$(node_dir "$i")
  if alive "$i"; then return; fi
  write_config "$i"
  chown -R "$RUN_AS" "$dir"
  # the server writes its own log (log-error); stdout/stderr only catch what comes before it opens it
  /usr/sbin/mariadbd --defaults-file="$dir/my.cnf" --user="$RUN_AS" $bootstrap >>"$dir/stdout.log" 2>&1 &
  for _ in $(seq 1 240); do
    if client "$i" -N -e "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME='WSREP_LOCAL_STATE_COMMENT'" 2>/dev/null | grep -q Synced; then
      return
    fi
    sleep 0.5
  done
  echo "node $i did not reach Synced; see $dir/server.log" >&2
  tail -n 30 "$dir/server.log" >&2 || true
  exit 1
}

status() {
  for i in 1 2 3; do
    if alive "$i"; then
      client "$i" -N -e "SELECT 'node$i', (SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME='WSREP_CLUSTER_SIZE'), (SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME='WSREP_LOCAL_STATE_COMMENT')" 2>/dev/null ||
        echo "node$i starting"
    else
      echo "node$i down"
    fi
  done
}

case "$cmd" in
  stop)
    for i in 3 2 1; do
      p=$(pid_of "$i")
      [ -n "$p" ] && kill "$p" 2>/dev/null || true
    done
    for i in 1 2 3; do
      for _ in $(seq 1 60); do alive "$i" || break; sleep 0.5; done
    done
    exit 0
    ;;
  status) status; exit 0 ;;
  urls) urls; exit 0 ;;
  kill-node)
    p=$(pid_of "${2:?node number}")
    [ -n "$p" ] && kill -9 "$p" 2>/dev/null || true
    for _ in $(seq 1 40); do alive "$2" || break; sleep 0.25; done
    exit 0
    ;;
  start-node) start_node "${2:?node number}"; url_of "$2"; exit 0 ;;
  start) ;;
  *) echo "usage: $0 start|stop|status|urls|kill-node N|start-node N" >&2; exit 2 ;;
esac

install_packages
if alive 1 && alive 2 && alive 3; then
  urls
  exit 0
fi
"$0" stop
rm -rf "$BASE"
for i in 1 2 3; do
  mkdir -p "$(node_dir "$i")/data"
  chown -R "$RUN_AS" "$(node_dir "$i")"
done
chmod 755 "$BASE"
mariadb-install-db --user="$RUN_AS" --datadir="$(node_dir 1)/data" --auth-root-authentication-method=socket \
  --skip-test-db >"$BASE/install.log" 2>&1
start_node 1 --wsrep-new-cluster
client 1 <<SQL
CREATE DATABASE IF NOT EXISTS ledger CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'ledger'@'127.0.0.1' IDENTIFIED BY 'ledger';
CREATE USER IF NOT EXISTS 'ledger'@'localhost' IDENTIFIED BY 'ledger';
GRANT ALL PRIVILEGES ON *.* TO 'ledger'@'127.0.0.1';
GRANT ALL PRIVILEGES ON *.* TO 'ledger'@'localhost';
SQL
# the joiners get node 1's data by state transfer (rsync SST), the user and database included
start_node 2
start_node 3
urls
