#!/usr/bin/env bash
# Starts a throwaway MariaDB on 127.0.0.1 for the test suite (CI and local runs alike).
# Usage: scripts/mariadb-throwaway.sh start|stop   — prints the DB_URL on start.
# Installs mariadb-server from Debian's packages when absent.
set -euo pipefail
PORT="${MARIADB_PORT:-33306}"
BASE="${MARIADB_BASE:-/tmp/ledger-mariadb}"
cmd="${1:-start}"

if [ "$cmd" = stop ]; then
  [ -f "$BASE/mariadb.pid" ] && kill "$(cat "$BASE/mariadb.pid")" 2>/dev/null || true
  exit 0
fi

if ! command -v mariadbd >/dev/null 2>&1 && ! [ -x /usr/sbin/mariadbd ]; then
  echo "installing mariadb-server from Debian's packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq mariadb-server >&2
fi
MARIADBD=$(command -v mariadbd || echo /usr/sbin/mariadbd)

if [ -f "$BASE/mariadb.pid" ] && kill -0 "$(cat "$BASE/mariadb.pid")" 2>/dev/null; then
  echo "mysql://ledger:ledger@127.0.0.1:$PORT/ledger"
  exit 0
fi
rm -rf "$BASE"; mkdir -p "$BASE/data"
# The server runs as root in a throwaway directory; --user=root keeps it from needing a mysql account.
mariadb-install-db --user=root --datadir="$BASE/data" --auth-root-authentication-method=normal \
  --skip-test-db >"$BASE/install.log" 2>&1
"$MARIADBD" --user=root --datadir="$BASE/data" --port="$PORT" --bind-address=127.0.0.1 \
  --socket="$BASE/mysqld.sock" --pid-file="$BASE/mariadb.pid" --skip-name-resolve \
  --innodb-buffer-pool-size=256M --innodb-flush-log-at-trx-commit=2 --max-connections=300 \
  --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
  >"$BASE/server.log" 2>&1 &
for _ in $(seq 1 60); do
  if mariadb --socket="$BASE/mysqld.sock" -uroot -e 'select 1' >/dev/null 2>&1; then break; fi
  sleep 0.5
done
mariadb --socket="$BASE/mysqld.sock" -uroot <<SQL
CREATE DATABASE IF NOT EXISTS ledger CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'ledger'@'127.0.0.1' IDENTIFIED BY 'ledger';
CREATE USER IF NOT EXISTS 'ledger'@'localhost' IDENTIFIED BY 'ledger';
GRANT ALL PRIVILEGES ON *.* TO 'ledger'@'127.0.0.1';
GRANT ALL PRIVILEGES ON *.* TO 'ledger'@'localhost';
FLUSH PRIVILEGES;
SQL
echo "mysql://ledger:ledger@127.0.0.1:$PORT/ledger"
