#!/usr/bin/env bash
# Starts and stops a throw-away Keycloak identity provider for the integration tests.
#
#   keycloak.sh start KC_HOME PORT REALM_JSON
#   keycloak.sh stop  KC_HOME
#
# KC_HOME is an unpacked org.keycloak:keycloak-quarkus-dist zip. "start" builds it once for the
# dev-file database (kc.sh build, marker KC_HOME/.hutong-build), wipes KC_HOME/data so the realm is
# imported afresh, starts Keycloak in its own session bound to 127.0.0.1:PORT with the fixed
# hostname http://127.0.0.1:PORT (so the issuer never depends on the host a client used), and waits
# until the realm's OpenID configuration answers. Log: KC_HOME/keycloak.log, pid (also the process
# group id): KC_HOME/keycloak.pid. "stop" ends that process group; it succeeds if nothing runs.
#
# Environment (all optional):
#   KC_JAVA_HOME     Java 21+ for Keycloak (default /usr/lib/jvm/temurin-25-jdk-amd64)
#   KC_REALM         name of the realm in REALM_JSON, waited for (default hutong)
#   KC_HEAP          heap options (default "-Xms64m -Xmx512m")
#   KC_START_TIMEOUT seconds to wait for the realm (default 180)
#   KC_AOT_CACHE     opt-in JDK 25 AOT cache file, best kept outside target/ so that it survives
#                    "mvn clean" (same KC_HOME path and JDK needed). If the file exists, Keycloak
#                    starts with -XX:AOTCache (about 40 % faster start); otherwise this run records
#                    it, and "stop" then takes about 25 s longer while the JVM writes it (~190 MB).
set -euo pipefail

KC_JAVA_HOME="${KC_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
KC_REALM="${KC_REALM:-hutong}"
KC_HEAP="${KC_HEAP:--Xms64m -Xmx512m}"
KC_START_TIMEOUT="${KC_START_TIMEOUT:-180}"
KC_AOT_CACHE="${KC_AOT_CACHE:-}"
[[ -z "$KC_AOT_CACHE" || "$KC_AOT_CACHE" == /* ]] || KC_AOT_CACHE="$PWD/$KC_AOT_CACHE"
[[ "$KC_AOT_CACHE" != *" "* ]] || { echo "keycloak.sh: KC_AOT_CACHE must not contain spaces" >&2; exit 1; }
# Build-time options; a change here triggers a new "kc.sh build".
BUILD_OPTS=(--db=dev-file --health-enabled=false --metrics-enabled=false)

die() { echo "keycloak.sh: $*" >&2; exit 1; }
usage() { die "usage: keycloak.sh start KC_HOME PORT REALM_JSON | keycloak.sh stop KC_HOME"; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# Members of process group $1 (empty if none).
group_members() { ps -e -o pid=,pgid= 2>/dev/null | awk -v g="$1" '$2 == g { print $1 }' || true; }

# True if some member of process group $1 was started from KC_HOME $2 (guards against pid reuse).
group_is_keycloak() {
  local p
  for p in $(group_members "$1"); do
    if tr '\0' ' ' < "/proc/$p/cmdline" 2>/dev/null | grep -qF -- "$2"; then
      return 0
    fi
  done
  return 1
}

do_stop() {
  local kc_home="$1" pidfile pgid i grace=30
  pidfile="$kc_home/keycloak.pid"
  # A JVM recording an AOT cache writes it after the shutdown: give it time.
  [[ -f "$kc_home/keycloak.aot-recording" ]] && grace=180
  if [[ ! -f "$pidfile" ]]; then
    echo "keycloak.sh: no $pidfile, nothing to stop"
    return 0
  fi
  pgid="$(tr -dc '0-9' < "$pidfile")"
  if [[ -z "$pgid" ]] || ! group_is_keycloak "$pgid" "$kc_home"; then
    echo "keycloak.sh: Keycloak from $kc_home is not running (stale pid file removed)"
    rm -f "$pidfile"
    return 0
  fi
  echo "keycloak.sh: stopping Keycloak (process group $pgid)"
  kill -TERM -- "-$pgid" 2>/dev/null || true
  for ((i = 0; i < grace * 10; i++)); do     # graceful shutdown
    [[ -z "$(group_members "$pgid")" ]] && break
    sleep 0.1
  done
  if [[ -n "$(group_members "$pgid")" ]]; then
    echo "keycloak.sh: Keycloak did not stop within $grace s, killing it" >&2
    kill -KILL -- "-$pgid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do
      [[ -z "$(group_members "$pgid")" ]] && break
      sleep 0.1
    done
    [[ -z "$(group_members "$pgid")" ]] || die "process group $pgid survived SIGKILL"
  fi
  rm -f "$pidfile" "$kc_home/keycloak.aot-recording"
  echo "keycloak.sh: stopped"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

do_start() {
  local kc_home="$1" port="$2" realm_json="$3"
  local log pidfile marker build_sig url t0 deadline code pgid
  [[ "$port" =~ ^[0-9]+$ ]] && ((port > 0 && port < 65536)) || die "invalid port '$port'"
  [[ -f "$realm_json" ]] || die "realm file '$realm_json' not found"
  [[ -x "$KC_JAVA_HOME/bin/java" ]] \
    || die "Keycloak needs Java 21+, but $KC_JAVA_HOME/bin/java does not exist (set KC_JAVA_HOME)"
  command -v curl >/dev/null || die "curl is required"
  command -v setsid >/dev/null || die "setsid (util-linux) is required"
  [[ -x "$kc_home/bin/kc.sh" ]] || die "$kc_home/bin/kc.sh not found: is KC_HOME an unpacked Keycloak?"

  export JAVA_HOME="$KC_JAVA_HOME"
  export JAVA_OPTS_KC_HEAP="$KC_HEAP"
  unset JAVA_OPTS JAVA_OPTS_APPEND     # let kc.sh use its defaults plus our heap

  log="$kc_home/keycloak.log"
  pidfile="$kc_home/keycloak.pid"
  marker="$kc_home/.hutong-build"

  do_stop "$kc_home"                   # an earlier instance from this KC_HOME, if any
  port_in_use "$port" && die "port $port on 127.0.0.1 is already in use"

  : > "$log"
  build_sig="$(printf '%s ' "${BUILD_OPTS[@]}")"
  if [[ ! -f "$marker" || "$(cat "$marker")" != "$build_sig" ]]; then
    echo "keycloak.sh: building Keycloak once for the dev-file database (about 20 s)"
    t0="$(now)"
    rm -f "$marker"
    if ! "$kc_home/bin/kc.sh" build "${BUILD_OPTS[@]}" </dev/null >>"$log" 2>&1; then
      tail -n 40 "$log" >&2
      die "kc.sh build failed, see $log"
    fi
    printf '%s' "$build_sig" > "$marker"
    echo "keycloak.sh: build done in $(elapsed "$t0") s"
  fi

  rm -f "$kc_home/keycloak.aot-recording"
  if [[ -n "$KC_AOT_CACHE" ]]; then
    if [[ -s "$KC_AOT_CACHE" ]]; then
      echo "keycloak.sh: using AOT cache $KC_AOT_CACHE"
      export JAVA_OPTS_APPEND="-XX:AOTCache=$KC_AOT_CACHE"
    else
      echo "keycloak.sh: recording AOT cache $KC_AOT_CACHE (written when Keycloak stops)"
      mkdir -p "$(dirname "$KC_AOT_CACHE")"
      export JAVA_OPTS_APPEND="-XX:AOTCacheOutput=$KC_AOT_CACHE"
      touch "$kc_home/keycloak.aot-recording"
    fi
  fi

  # Fresh database every start, so --import-realm always imports the current realm file.
  rm -rf "$kc_home/data"
  mkdir -p "$kc_home/data/import"
  # Keycloak insists on the file name <realm>-realm.json ("File name / realm name mismatch").
  cp "$realm_json" "$kc_home/data/import/$KC_REALM-realm.json"

  echo "keycloak.sh: starting Keycloak on http://127.0.0.1:$port (log $log)"
  t0="$(now)"
  # Own session and process group (leader pid = pid file), detached from our stdin/stdout so a
  # calling build does not wait for it.
  setsid bash -c 'echo $$ > "$1"; shift; exec "$@"' keycloak "$pidfile" \
    "$kc_home/bin/kc.sh" start --optimized \
    --http-enabled=true --http-host=127.0.0.1 --http-port="$port" \
    --hostname="http://127.0.0.1:$port" \
    --cache=local --import-realm \
    </dev/null >>"$log" 2>&1 &

  url="http://127.0.0.1:$port/realms/$KC_REALM/.well-known/openid-configuration"
  deadline=$((SECONDS + KC_START_TIMEOUT))
  while ((SECONDS < deadline)); do
    code="$(curl -s -o /dev/null --max-time 2 -w '%{http_code}' "$url" || true)"
    if [[ "$code" == 200 ]]; then
      echo "keycloak.sh: Keycloak ready in $(elapsed "$t0") s, pid $(cat "$pidfile")," \
        "issuer http://127.0.0.1:$port/realms/$KC_REALM"
      return 0
    fi
    if [[ -s "$pidfile" ]]; then
      pgid="$(tr -dc '0-9' < "$pidfile")"
      if [[ -z "$(group_members "$pgid")" ]]; then
        echo "----- last lines of $log -----" >&2
        tail -n 60 "$log" >&2
        rm -f "$pidfile"
        die "Keycloak exited during startup"
      fi
    fi
    sleep 0.25
  done
  echo "----- last lines of $log -----" >&2
  tail -n 60 "$log" >&2
  do_stop "$kc_home" >&2 || true
  die "$url did not answer 200 within $KC_START_TIMEOUT s"
}

[[ $# -ge 1 ]] || usage
case "$1" in
  start)
    [[ $# -eq 4 ]] || usage
    [[ -d "$2" ]] || die "KC_HOME '$2' is not a directory"
    do_start "$(cd "$2" && pwd -P)" "$3" "$(cd "$(dirname "$4")" && pwd -P)/$(basename "$4")"
    ;;
  stop)
    [[ $# -eq 2 ]] || usage
    if [[ ! -d "$2" ]]; then
      echo "keycloak.sh: '$2' does not exist, nothing to stop"
      exit 0
    fi
    do_stop "$(cd "$2" && pwd -P)"
    ;;
  *)
    usage
    ;;
esac
