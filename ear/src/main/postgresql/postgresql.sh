#!/usr/bin/env bash
# The zero-setup PostgreSQL server of Hutong: PostgreSQL 17 binaries from Maven Central (the
# io.zonky.test.postgres:embedded-postgres-binaries-<platform> jar, unpacked by the build into
# INSTALL), a cluster under ROOT, listening on 127.0.0.1:PORT only, password authentication
# (SCRAM) with a password generated when the cluster is created.
#
#   postgresql.sh start  INSTALL ROOT PORT [DATABASE...]  create the cluster and DATABASEs if ROOT
#                                                          has none, start it, wait until it accepts
#   postgresql.sh hold   INSTALL ROOT                      wait until terminated, then stop the server
#                                                          (mvn -Prun: Ctrl-C stops the database too)
#   postgresql.sh stop   INSTALL ROOT                      stop it (fast shutdown); fine if not running
#   postgresql.sh pause  INSTALL ROOT                      stop it, keeping data (database outage tests)
#   postgresql.sh resume INSTALL ROOT                      start it again on the port it had
#
# ROOT layout: data/ (the cluster), password (0600), liberty.properties (hutong.db.password for
# Liberty's bootstrap.include), server.log, port.
# PostgreSQL refuses to run as root: when this script runs as root it runs the server as the
# unprivileged system user hutong-pg (created if missing) and lets it traverse to INSTALL and ROOT.
set -euo pipefail

DB_USER="hutong"
OS_USER="hutong-pg"

die() { echo "postgresql.sh: $*" >&2; exit 1; }
usage() { echo "usage: postgresql.sh start INSTALL ROOT PORT [DATABASE...] | hold|stop|pause|resume INSTALL ROOT" >&2; exit 2; }

[[ $# -ge 3 ]] || usage
command="$1" install="$2" root="$3"
shift 3
mkdir -p "$root"
root="$(cd "$root" && pwd)"
install="$(cd "$install" && pwd)"
data="$root/data"

as_root() { [[ "$(id -u)" == 0 ]]; }

# Runs a command as the user that owns the cluster.
as_owner() {
  if as_root; then
    runuser -u "$OS_USER" -- "$@"
  else
    "$@"
  fi
}

ensure_os_user() {
  as_root || return 0
  if ! id -u "$OS_USER" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$OS_USER"
    echo "postgresql.sh: created system user $OS_USER to run PostgreSQL (it refuses to run as root)"
  fi
  # Every directory above INSTALL and ROOT must be traversable by that user (a home of mode 0700 is not).
  local dir
  for dir in "$install" "$root"; do
    while [[ "$dir" != "/" ]]; do
      if ! runuser -u "$OS_USER" -- test -x "$dir"; then
        chmod o+x "$dir"
        echo "postgresql.sh: allowed $OS_USER to traverse $dir (chmod o+x)"
      fi
      dir="$(dirname "$dir")"
    done
  done
  chown "$OS_USER" "$root"
  [[ -d "$data" ]] && chown -R "$OS_USER" "$data"
  chmod -R o+rX "$install"
}

unpack() {
  [[ -x "$install/bin/postgres" ]] && return 0
  local archive
  archive="$(find "$install" -maxdepth 1 -name 'postgres-*.txz' | head -n 1)"
  [[ -n "$archive" ]] || die "no PostgreSQL binaries in $install (the build unpacks them there)"
  tar -xJf "$archive" -C "$install"
  [[ -x "$install/bin/postgres" ]] || die "$archive holds no bin/postgres"
}

create_cluster() {
  [[ -f "$data/PG_VERSION" ]] && return 0
  umask 077
  head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$root/password"
  printf 'hutong.db.password=%s\n' "$(cat "$root/password")" > "$root/liberty.properties"
  local pwfile="$root/initdb.pw"
  cp "$root/password" "$pwfile"
  as_root && chown "$OS_USER" "$pwfile"
  as_owner "$install/bin/initdb" -D "$data" -U "$DB_USER" --pwfile="$pwfile" \
    --auth-host=scram-sha-256 --auth-local=scram-sha-256 -E UTF8 --locale=C >"$root/initdb.log" 2>&1 \
    || { cat "$root/initdb.log" >&2; die "initdb failed"; }
  rm -f "$pwfile"
  local database
  for database in "$@"; do
    echo "CREATE DATABASE \"$database\" OWNER \"$DB_USER\"" \
      | as_owner "$install/bin/postgres" --single -D "$data" postgres >>"$root/initdb.log" 2>&1 \
      || { cat "$root/initdb.log" >&2; die "cannot create database $database"; }
  done
  echo "postgresql.sh: created a PostgreSQL cluster in $data (user $DB_USER, databases: $*)"
}

running() { as_owner "$install/bin/pg_ctl" -D "$data" status >/dev/null 2>&1; }

start_server() {
  local port
  port="$(cat "$root/port")"
  if running; then
    echo "postgresql.sh: PostgreSQL already running on $data"
    return 0
  fi
  # Loopback only, no Unix socket (its path length is limited and nothing here needs it). Hutong may
  # commit rows and broker messages in one XA transaction: PREPARE TRANSACTION must be enabled.
  as_owner "$install/bin/pg_ctl" -D "$data" -l "$root/server.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_connections=200 -c max_prepared_transactions=64" \
    start >/dev/null || { tail -n 20 "$root/server.log" >&2; die "PostgreSQL did not start"; }
  echo "postgresql.sh: PostgreSQL $("$install/bin/postgres" --version | awk '{print $NF}') listening on 127.0.0.1:$port (data in $data)"
}

stop_server() {
  [[ -f "$data/PG_VERSION" ]] || return 0
  if running; then
    as_owner "$install/bin/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null
    echo "postgresql.sh: stopped PostgreSQL in $data"
  fi
}

case "$command" in
  start)
    [[ $# -ge 1 ]] || usage
    port="$1"
    shift
    [[ "$port" =~ ^[0-9]+$ ]] || die "port must be a number: $port"
    unpack
    ensure_os_user
    create_cluster "$@"
    echo "$port" > "$root/port"
    start_server
    ;;
  hold)
    trap 'stop_server; exit 0' TERM INT HUP
    while true; do sleep 3600 & wait $!; done
    ;;
  stop|pause)
    stop_server
    ;;
  resume)
    start_server
    ;;
  *)
    usage
    ;;
esac
