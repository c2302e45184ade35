#!/usr/bin/env bash
# Private OpenLDAP (slapd) test directory for the Hutong integration tests. TEST ONLY.
#
#   slapd.sh start DIR PORT   wipe DIR, build a fresh instance from slapd-config.ldif and
#                             directory.ldif (next to this script), run slapd on
#                             ldap://127.0.0.1:PORT/ only, wait until it answers
#   slapd.sh stop DIR         stop the instance whose pid is in DIR/slapd.pid (ok if none)
#
# DIR layout: slapd.d/ (cn=config), data/ (mdb), config.ldif (generated), slapd.pid, slapd.log.
# Suffix dc=hutong,dc=test; rootdn cn=admin,dc=hutong,dc=test / hutong-dev-only.
# Set SLAPD_DEBUG (slapd -d level, default 0; e.g. 256 = stats) to log operations to DIR/slapd.log.
set -euo pipefail

PATH="/usr/sbin:/sbin:$PATH"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SUFFIX="dc=hutong,dc=test"
ROOTDN="cn=admin,$SUFFIX"
ROOTPW="hutong-dev-only"
SCHEMA_DIR="/etc/ldap/schema"
SCHEMAS=(core cosine inetorgperson)
MARKER=".hutong-slapd"

die() { echo "slapd.sh: $*" >&2; exit 1; }
usage() { echo "usage: slapd.sh start DIR PORT | slapd.sh stop DIR" >&2; exit 2; }

# Is PID a live (non-zombie) slapd process?
is_slapd() {
  local pid="$1" state
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [[ -r "/proc/$pid/comm" ]] || return 1
  [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == "slapd" ]] || return 1
  # field 3 of /proc/PID/stat is the state; a zombie is gone for our purposes
  state="$(sed -E 's/^.*\) ([A-Za-z]).*$/\1/' "/proc/$pid/stat" 2>/dev/null || echo X)"
  [[ "$state" != "Z" && "$state" != "X" ]]
}

# Alive and not a zombie, whatever its name: right after '&' the child may not have exec'd slapd yet.
is_alive() {
  local pid="$1" state
  [[ -r "/proc/$pid/stat" ]] || return 1
  state="$(sed -E 's/^.*\) ([A-Za-z]).*$/\1/' "/proc/$pid/stat" 2>/dev/null || echo X)"
  [[ "$state" != "Z" && "$state" != "X" ]]
}

stop_instance() {
  local dir="$1" pidfile="$1/slapd.pid" pid i
  [[ -f "$pidfile" ]] || return 0
  pid="$(tr -d '[:space:]' < "$pidfile")"
  if is_slapd "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do           # up to ~10 s for a clean shutdown
      is_slapd "$pid" || break
      sleep 0.1
    done
    if is_slapd "$pid"; then
      echo "slapd.sh: slapd $pid did not stop on TERM, sending KILL" >&2
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.2
    fi
    echo "slapd.sh: stopped slapd (pid $pid) in $dir"
  fi
  rm -f "$pidfile"
}

# Any slapd still serving this directory (a pid file lost with an earlier build): stop it too.
stop_strays() {
  local dir="$1"
  if pkill -TERM -f "slapd -d 0 -F $dir/slapd.d" 2>/dev/null; then
    sleep 0.5
    pkill -KILL -f "slapd -d 0 -F $dir/slapd.d" 2>/dev/null || true
    echo "slapd.sh: stopped a stray slapd serving $dir"
  fi
}

ensure_installed() {
  if command -v slapd >/dev/null 2>&1 && command -v slapadd >/dev/null 2>&1 \
     && command -v ldapsearch >/dev/null 2>&1 && [[ -f "$SCHEMA_DIR/core.ldif" ]]; then
    return 0
  fi
  [[ "$(id -u)" == 0 ]] || die "slapd/slapadd/ldapsearch not installed and not root; run: apt-get install -y slapd ldap-utils"
  echo "slapd.sh: installing slapd and ldap-utils" >&2
  echo 'slapd slapd/no_configuration boolean true' | debconf-set-selections
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q slapd ldap-utils >&2; then
    DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q slapd ldap-utils >&2 \
      || die "apt-get install slapd ldap-utils failed"
  fi
  command -v slapd >/dev/null 2>&1 && command -v slapadd >/dev/null 2>&1 \
    || die "slapd/slapadd still missing after installation"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_instance() {
  local dir="$1" port="$2" pid i s line log
  [[ "$port" =~ ^[0-9]+$ ]] && (( port > 0 && port < 65536 )) || die "bad PORT '$port'"
  [[ -f "$HERE/slapd-config.ldif" && -f "$HERE/directory.ldif" ]] \
    || die "slapd-config.ldif / directory.ldif not found next to $0"

  ensure_installed

  # Stop a previous instance of this DIR, then wipe DIR (only if it is ours or empty).
  stop_instance "$dir"
  stop_strays "$dir"
  if [[ -e "$dir" ]]; then
    [[ -d "$dir" ]] || die "$dir exists and is not a directory"
    if [[ -n "$(ls -A "$dir")" && ! -e "$dir/$MARKER" ]]; then
      die "refusing to wipe $dir: not empty and not created by slapd.sh (no $MARKER)"
    fi
    rm -rf "$dir"
  fi
  mkdir -p "$dir/slapd.d" "$dir/data"
  : > "$dir/$MARKER"

  port_in_use "$port" && die "port $port on 127.0.0.1 is already in use"

  # Generate DIR/config.ldif: substitute the database directory, splice in the schemas.
  for s in "${SCHEMAS[@]}"; do
    [[ -f "$SCHEMA_DIR/$s.ldif" ]] || die "schema $SCHEMA_DIR/$s.ldif missing"
  done
  {
    while IFS= read -r line || [[ -n "$line" ]]; do
      if [[ "$line" == "# @SCHEMAS@" ]]; then
        for s in "${SCHEMAS[@]}"; do
          cat "$SCHEMA_DIR/$s.ldif"
          echo
        done
      else
        printf '%s\n' "${line//@DB_DIR@/$dir/data}"
      fi
    done < "$HERE/slapd-config.ldif"
  } > "$dir/config.ldif"

  log="$dir/slapd.log"
  slapadd -n 0 -F "$dir/slapd.d" -l "$dir/config.ldif" > "$log" 2>&1 \
    || { cat "$log" >&2; die "slapadd -n 0 (config) failed"; }
  slapadd -n 1 -F "$dir/slapd.d" -l "$HERE/directory.ldif" >> "$log" 2>&1 \
    || { cat "$log" >&2; die "slapadd -n 1 (directory.ldif) failed"; }

  # Foreground slapd (-d) in the background: no fork, so $! is slapd's pid. No -u/-g: it runs as
  # the invoking user, who owns everything slapadd just created. stdin/stdout/stderr are detached
  # from the caller so a build tool waiting on our output does not hang.
  slapd -d "${SLAPD_DEBUG:-0}" -F "$dir/slapd.d" -h "ldap://127.0.0.1:$port/" \
    < /dev/null >> "$log" 2>&1 &
  pid=$!
  echo "$pid" > "$dir/slapd.pid"

  for ((i = 0; i < 100; i++)); do              # up to ~10 s
    if ! is_alive "$pid"; then
      rm -f "$dir/slapd.pid"
      tail -n 30 "$log" >&2 || true
      die "slapd exited during startup (log: $log)"
    fi
    # Anonymous users may only bind (ACL), so check readiness as the rootdn.
    if ldapsearch -x -LLL -o nettimeout=1 -H "ldap://127.0.0.1:$port" \
         -D "$ROOTDN" -w "$ROOTPW" -b "$SUFFIX" -s base dn > /dev/null 2>&1; then
      echo "slapd.sh: slapd (pid $pid) serving $SUFFIX on ldap://127.0.0.1:$port/ (dir $dir)"
      return 0
    fi
    sleep 0.1
  done
  stop_instance "$dir" || true
  tail -n 30 "$log" >&2 || true
  die "slapd did not answer on ldap://127.0.0.1:$port within 10 s (log: $log)"
}

[[ $# -ge 1 ]] || usage
case "$1" in
  start)
    [[ $# -eq 3 ]] || usage
    [[ -n "$2" ]] || usage
    DIR="$(realpath -m -- "$2")"
    [[ "$DIR" != "/" ]] || die "DIR must not be /"
    start_instance "$DIR" "$3"
    ;;
  stop)
    [[ $# -eq 2 ]] || usage
    [[ -n "$2" ]] || usage
    stop_instance "$(realpath -m -- "$2")"
    stop_strays "$(realpath -m -- "$2")"
    ;;
  *) usage ;;
esac
