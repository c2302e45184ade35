#!/usr/bin/env bash
# Hutong's two-node topology on one machine, from what `mvn package` built in ear/target:
#   PostgreSQL (its own on 127.0.0.1:56432, or one already running), an Artemis replicated
#   primary/backup pair (62616/62617 and 62716/62717), Liberty servers hutong-node1 (HTTP 9380,
#   HTTPS 9743) and hutong-node2 (9480, 9843), and HAProxy in front (HTTP 9880, HTTPS 9943 passed
#   through as TCP so client certificates reach Liberty).
#
#   cluster.sh start [--fresh] [--db-port P --db-password-file F] [--db-name N] [--db-user U]
#       Starts whatever is not running and waits until it is up (so after a `kill -9` of one part,
#       `start` brings back just that part). Without --db-password-file it starts its own PostgreSQL
#       (ear/src/main/postgresql/postgresql.sh) on 127.0.0.1:56432 with data in STATE/postgresql;
#       with it, it uses the server on 127.0.0.1:P (creating database N, default hutong, if missing).
#       The database settings are remembered for later starts. --fresh deletes STATE first.
#   cluster.sh stop [PART...]   stops HAProxy, both nodes, both brokers and the PostgreSQL it started
#                               (or only the PARTs: haproxy node1 node2 broker-primary broker-backup postgresql)
#   cluster.sh status           every part's pid, whether it runs, and the nodes' readiness
#   cluster.sh product-cert ID  a client certificate and key (PEM, printed paths) for product ID, from the CA
#                               the nodes trust, for curl --cert/--key
#
# STATE is ear/target/cluster (HUTONG_CLUSTER_DIR overrides it): pids/ (one file per part, for tests
# that kill -9 one), shared/ (keys both nodes share), broker-primary/, broker-backup/ (instances and
# journals), node1/, node2/ (hutong.data.dir: transaction logs), haproxy/, postgresql/.
set -euo pipefail
# Keys, passwords and generated configuration under STATE are for this user only.
umask 077

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
EAR="$(cd "$HERE/../../.." && pwd)"
REPO="$(cd "$EAR/.." && pwd)"
TARGET="$EAR/target"
STATE="${HUTONG_CLUSTER_DIR:-$TARGET/cluster}"
PIDS="$STATE/pids"
SHARED="$STATE/shared"
WLP="$TARGET/liberty/wlp"
ARTEMIS_HOME="$(ls -d "$TARGET"/artemis-home/apache-artemis-* 2>/dev/null | head -n 1 || true)"
PG_INSTALL="$TARGET/postgresql"
PG_SCRIPT="$EAR/src/main/postgresql/postgresql.sh"

BROKER_USER="${HUTONG_BROKER_USER:-hutong}"
BROKER_PASSWORD="${HUTONG_BROKER_PASSWORD:-hutong-dev-only}"
KEYSTORE_PASSWORD="hutong-dev-only"
PRIMARY_PORT=62616 PRIMARY_TLS_PORT=62617 BACKUP_PORT=62716 BACKUP_TLS_PORT=62717
NODE1_HTTP=9380 NODE1_HTTPS=9743 NODE2_HTTP=9480 NODE2_HTTPS=9843
LB_HTTP=9880 LB_HTTPS=9943
OWN_DB_PORT=56432
CONNECTOR="org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory"

log() { echo "cluster.sh: $*"; }
die() { echo "cluster.sh: $*" >&2; exit 1; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }

alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }
pid_of() {
  case "$1" in
    # Liberty keeps its own pid file; ours is a copy for tests.
    node1|node2) cat "$PIDS/$1.pid" 2>/dev/null || cat "$WLP/usr/servers/.pid/hutong-$1.pid" 2>/dev/null || true ;;
    *) cat "$PIDS/$1.pid" 2>/dev/null || true ;;
  esac
}
# A recorded pid is trusted only while it is still this part's process (pids are reused after a kill -9).
ours() {
  local pid="$1" part="$2" marker
  case "$part" in
    node1|node2) marker="hutong-$part" ;;
    haproxy) marker="$STATE/haproxy" ;;
    postgresql) marker="$STATE/postgresql" ;;
    *) marker="$STATE/$part" ;;
  esac
  alive "$pid" && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$marker"
}
running() { ours "$(pid_of "$1")" "$1"; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
http_code() { curl -s -o /dev/null -m 3 -w '%{http_code}' "$1" 2>/dev/null || true; }

# Waits until FILE, past byte OFFSET, contains PATTERN (extended regex); fails if PID dies first.
wait_for_log() {
  local file="$1" offset="$2" pattern="$3" pid="$4" timeout="$5" what="$6" start=$SECONDS
  until tail -c "+$((offset + 1))" "$file" 2>/dev/null | grep -Eq "$pattern"; do
    alive "$pid" || { tail -n 30 "$file" >&2 || true; die "$what died (log: $file)"; }
    (( SECONDS - start < timeout )) || { tail -n 30 "$file" >&2 || true; die "$what: no '$pattern' within ${timeout}s (log: $file)"; }
    sleep 0.5
  done
}

# Sends TERM, waits up to TIMEOUT seconds, then KILL.
terminate() {
  local pid="$1" what="$2" timeout="${3:-30}" start=$SECONDS
  alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  while alive "$pid"; do
    if (( SECONDS - start >= timeout )); then
      log "$what (pid $pid) still running after ${timeout}s: kill -9"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.5
  done
}

# ---------------------------------------------------------------------------------------------
# Database

load_db_settings() {
  # shellcheck disable=SC1091
  [[ -f "$STATE/db.env" ]] && source "$STATE/db.env"
  DB_PORT="${ARG_DB_PORT:-${DB_PORT:-$OWN_DB_PORT}}"
  DB_NAME="${ARG_DB_NAME:-${DB_NAME:-hutong}}"
  DB_USER="${ARG_DB_USER:-${DB_USER:-hutong}}"
  if [[ -n "${ARG_DB_PASSWORD_FILE:-}" ]]; then
    DB_PASSWORD_FILE="$(cd "$(dirname "$ARG_DB_PASSWORD_FILE")" && pwd)/$(basename "$ARG_DB_PASSWORD_FILE")"
    DB_OWN=false
  elif [[ -n "${ARG_DB_PORT:-}" ]]; then
    die "--db-port needs --db-password-file (the server's password); without both the cluster starts its own PostgreSQL"
  else
    DB_PASSWORD_FILE="${DB_PASSWORD_FILE:-$STATE/postgresql/password}"
    DB_OWN="${DB_OWN:-true}"
  fi
  mkdir -p "$STATE"
  printf 'DB_PORT=%q\nDB_NAME=%q\nDB_USER=%q\nDB_PASSWORD_FILE=%q\nDB_OWN=%q\n' \
    "$DB_PORT" "$DB_NAME" "$DB_USER" "$DB_PASSWORD_FILE" "$DB_OWN" > "$STATE/db.env"
}

start_database() {
  if [[ "$DB_OWN" == true ]]; then
    "$PG_SCRIPT" start "$PG_INSTALL" "$STATE/postgresql" "$DB_PORT" "$DB_NAME"
    head -n 1 "$STATE/postgresql/data/postmaster.pid" > "$PIDS/postgresql.pid"
  else
    listening "$DB_PORT" || die "no PostgreSQL listening on 127.0.0.1:$DB_PORT"
    [[ -r "$DB_PASSWORD_FILE" ]] || die "cannot read the database password file $DB_PASSWORD_FILE"
  fi
  java -cp "$WLP/usr/shared/resources/postgresql/postgresql.jar" "$HERE/EnsureDatabase.java" \
    127.0.0.1 "$DB_PORT" "$DB_USER" "$DB_PASSWORD_FILE" "$DB_NAME"
  # Liberty reads the password as a bootstrap property (bootstrap.include), never from server.xml.
  (umask 077; printf 'hutong.db.password=%s\n' "$(tr -d '\n' < "$DB_PASSWORD_FILE")" > "$SHARED/db.properties")
}

# ---------------------------------------------------------------------------------------------
# Keys both nodes share: the hub's signing key (products verify one key whichever node signs), the
# audit key (one chain), the HTTPS key store (HAProxy passes TLS through: both nodes must present
# the same certificate) and the LTPA keys (a login cookie of one node is good on the other).

make_shared_keys() {
  mkdir -p "$SHARED"
  chmod 700 "$SHARED"
  if [[ ! -f "$SHARED/hub-signing-key.pem" ]]; then
    (umask 077; openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$SHARED/hub-signing-key.pem")
  fi
  [[ -f "$SHARED/audit.key" ]] || (umask 077; openssl rand -base64 32 > "$SHARED/audit.key")
  [[ -f "$SHARED/broker-cluster.password" ]] || (umask 077; openssl rand -hex 16 > "$SHARED/broker-cluster.password")
  if [[ ! -f "$SHARED/key.p12" ]]; then
    keytool -genkeypair -keystore "$SHARED/key.p12" -storetype PKCS12 -storepass "$KEYSTORE_PASSWORD" \
      -alias default -keyalg RSA -keysize 2048 -validity 365 -dname "CN=localhost,O=Hutong development cluster" \
      -ext san=dns:localhost,ip:127.0.0.1 >/dev/null 2>&1
    keytool -exportcert -keystore "$SHARED/key.p12" -storepass "$KEYSTORE_PASSWORD" -alias default -rfc \
      -file "$SHARED/https.pem" >/dev/null 2>&1
  fi
  [[ -f "$SHARED/ltpa.keys" ]] || "$WLP/bin/securityUtility" createLTPAKeys --file="$SHARED/ltpa.keys" \
    --password="$KEYSTORE_PASSWORD" >/dev/null
  # Products call the nodes with client certificates: the test build's CA when it exists, else a
  # development CA of the cluster's own (cluster.sh product-cert issues certificates from it).
  if [[ ! -f "$TARGET/identity/products-trust.p12" && ! -f "$SHARED/products/products-trust.p12" ]]; then
    "$EAR/src/test/identity/certificates.sh" "$SHARED/products" "$KEYSTORE_PASSWORD" >/dev/null
  fi
  # One TLS key store for both brokers: a client that trusts broker-tls.pem reaches either.
  [[ -f "$SHARED/broker-tls.p12" ]] || "$REPO/jms/src/main/artemis/bin/broker-tls.sh" "$SHARED" "$KEYSTORE_PASSWORD" >/dev/null
}

# ---------------------------------------------------------------------------------------------
# Brokers: instances made like the build makes ear/target/artemis-instance (ear/pom.xml executions
# artemis-create, artemis-basic-security, artemis-destination-layout, artemis-plugin), plus HA.

plugin_jar() {
  local jar
  jar="$(ls "$REPO"/jms/artemis-plugin/target/hutong-artemis-plugin-*.jar 2>/dev/null | grep -v -- '-sources\|-javadoc' | head -n 1 || true)"
  [[ -n "$jar" ]] || jar="$TARGET/artemis-instance/lib/hutong-artemis-plugin.jar"
  [[ -f "$jar" ]] || die "no hutong-artemis-plugin jar: build first (mvn package)"
  echo "$jar"
}

# make_broker NAME PORT TLS_PORT PEER_PORT primary|backup
make_broker() {
  local name="$1" port="$2" tls_port="$3" peer_port="$4" role="$5" instance="$STATE/$1"
  if [[ ! -x "$instance/bin/artemis" ]]; then
    "$ARTEMIS_HOME/bin/artemis" create "$instance" --force --silent --no-web --no-autotune --require-login \
      --host=127.0.0.1 --user="$BROKER_USER" --password="$BROKER_PASSWORD" --role=hutong \
      "--java-options=-Dhutong.broker.port=$port -Dhutong.broker.tls.port=$tls_port -Dhutong.broker.data.dir=$instance/data -Dhutong.broker.max.delivery.attempts=10 -Dhutong.broker.keystore=$SHARED/broker-tls.p12 -Dhutong.broker.keystore.password=$KEYSTORE_PASSWORD" \
      >/dev/null
    "$REPO/jms/src/main/artemis/bin/use-basic-security.sh" "$instance" "$BROKER_USER" "$BROKER_PASSWORD" hutong >/dev/null
  fi
  cp "$(plugin_jar)" "$instance/lib/hutong-artemis-plugin.jar"
  local policy
  if [[ "$role" == primary ]]; then
    # A primary that starts while its backup is active syncs from it and takes over again (failback),
    # instead of serving its own, older journal.
    policy="        <primary><check-for-active-server>true</check-for-active-server></primary>"
  else
    policy="        <backup><allow-failback>true</allow-failback></backup>"
  fi
  python3 - "$REPO/jms/src/main/artemis/etc/broker.xml" "$HERE/broker-ha.xml" "$instance/etc/broker.xml" \
    "$port" "$peer_port" "$SHARED/broker-cluster.password" "$policy" <<'PY'
import sys
layout, snippet, out, port, peer, password_file, policy = sys.argv[1:8]
password = open(password_file, encoding="utf-8").read().strip()
xml = open(layout, encoding="utf-8").read()
ha = open(snippet, encoding="utf-8").read()
for key, value in {"@SELF_PORT@": port, "@PEER_PORT@": peer, "@CLUSTER_USER@": "hutong-cluster",
                   "@CLUSTER_PASSWORD@": password, "@HA_POLICY@": policy}.items():
    ha = ha.replace(key, value)
assert xml.count("</core>") == 1, "broker.xml must have one </core>"
open(out, "w", encoding="utf-8").write(xml.replace("</core>", ha + "  </core>"))
PY
}

# start_broker NAME PATTERN: starts the instance unless running, waits for PATTERN in its output.
start_broker() {
  local name="$1" pattern="$2" instance="$STATE/$1" t0
  running "$name" && { log "$name already running (pid $(pid_of "$name"))"; return 0; }
  t0="$(now)"
  local console="$instance/log/console.log"
  mkdir -p "$instance/log"
  : > "$console"
  setsid "$instance/bin/artemis" run </dev/null >"$console" 2>&1 &
  echo $! > "$PIDS/$name.pid"
  wait_for_log "$console" 0 "$pattern" "$(pid_of "$name")" 90 "$name"
  log "$name up (pid $(pid_of "$name")) in $(since "$t0")"
}

# ---------------------------------------------------------------------------------------------
# Liberty nodes: copies of the built server ear/target/liberty/wlp/usr/servers/hutong.

# make_node N HTTP HTTPS
make_node() {
  local n="$1" http="$2" https="$3" server="$WLP/usr/servers/hutong-node$1" source="$WLP/usr/servers/hutong"
  [[ -f "$source/server.xml" ]] || die "no built server in $source: build first (mvn package)"
  local ear
  ear="$(ls "$TARGET"/hutong-*.ear 2>/dev/null | head -n 1 || true)"
  [[ -f "$ear" ]] || die "no EAR in $TARGET: build first (mvn package)"
  mkdir -p "$server"
  # Fresh configuration every start (the build may have changed it); logs stay.
  find "$server" -mindepth 1 -maxdepth 1 ! -name logs -exec rm -rf {} +
  cp -r "$source/server.xml" "$source/includes" "$server/"
  [[ -f "$source/server.env" ]] && cp "$source/server.env" "$server/"
  [[ -f "$source/jvm.options" ]] && cp "$source/jvm.options" "$server/"
  mkdir -p "$server/apps" "$server/configDropins/overrides" "$server/resources/security" "$STATE/node$n"
  cp "$ear" "$server/apps/hutong.ear"
  cp "$SHARED/key.p12" "$SHARED/ltpa.keys" "$server/resources/security/"
  # As mvn -Prun: local users (no Keycloak, no directory), development transport.
  cat > "$server/bootstrap.properties" <<EOF
hutong.identity=basic
hutong.transport=development
bootstrap.include=$SHARED/db.properties
EOF
  local truststore
  truststore="
  <variable name=\"hutong.products.truststore\" value=\"$(products_dir)/products-trust.p12\"/>
  <variable name=\"hutong.products.truststore.password\" value=\"$KEYSTORE_PASSWORD\"/>"
  cat > "$server/configDropins/overrides/node.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!-- Made by ear/src/main/cluster/cluster.sh: node $n of the two-node topology. -->
<server>
  <variable name="hutong.http.port" value="$http"/>
  <variable name="hutong.https.port" value="$https"/>
  <!-- Per node: the transaction log. Shared by both: the hub's signing key and the audit key. -->
  <variable name="hutong.data.dir" value="$STATE/node$n"/>
  <variable name="hutong.hub.signing.key" value="$SHARED/hub-signing-key.pem"/>
  <variable name="hutong.audit.key" value="$(cat "$SHARED/audit.key")"/>
  <variable name="hutong.db.host" value="127.0.0.1"/>
  <variable name="hutong.db.port" value="$DB_PORT"/>
  <variable name="hutong.db.name" value="$DB_NAME"/>
  <variable name="hutong.db.user" value="$DB_USER"/>
  <!-- The replicated broker pair, for the resource adapter and the hub's own client (BrokerClient). -->
  <variable name="hutong.broker.connection" value="host=127.0.0.1;port=$PRIMARY_PORT,host=127.0.0.1;port=$BACKUP_PORT"/>
  <variable name="hutong.broker.connectors" value="$CONNECTOR,$CONNECTOR"/>
  <variable name="hutong.broker.ha" value="true"/>
  <variable name="hutong.broker.user" value="$BROKER_USER"/>
  <variable name="hutong.broker.password" value="$BROKER_PASSWORD"/>
  <variable name="hutong.broker.max.delivery.attempts" value="10"/>
  <!-- As mvn -Prun: no Kafka, no identity provider. Syslog off: two nodes cannot share its ports. -->
  <variable name="hutong.kafka.bootstrap" value=""/>
  <variable name="hutong.oidc.issuer" value=""/>
  <variable name="hutong.oidc.jwks.uri" value=""/>
  <variable name="hutong.syslog.tls.port" value="-1"/>
  <variable name="hutong.syslog.tcp.port" value="-1"/>
  <variable name="hutong.syslog.udp.port" value="-1"/>
  <variable name="hutong.outbound.allow" value="127.0.0.1"/>
  <variable name="hutong.security.login.source.max.failures" value="100"/>$truststore
</server>
EOF
}

start_nodes() {
  local todo=() starters=() n t0
  for n in 1 2; do
    if running "node$n"; then log "node$n already running (pid $(pid_of "node$n"))"; else todo+=("$n"); fi
  done
  (( ${#todo[@]} )) || return 0
  t0="$(now)"
  for n in "${todo[@]}"; do
    if [[ "$n" == 1 ]]; then make_node 1 "$NODE1_HTTP" "$NODE1_HTTPS"; else make_node 2 "$NODE2_HTTP" "$NODE2_HTTPS"; fi
    rm -f "$WLP/usr/servers/.pid/hutong-node$n.pid"
    # `server start` waits for the kernel, not the application: readiness is polled below.
    "$WLP/bin/server" start "hutong-node$n" </dev/null >"$STATE/node$n/server-start.log" 2>&1 &
    starters+=($!)
  done
  # Only these: a bare `wait` would also wait for the brokers and HAProxy started from this shell.
  wait "${starters[@]}" || true
  for n in "${todo[@]}"; do
    cp "$WLP/usr/servers/.pid/hutong-node$n.pid" "$PIDS/node$n.pid" 2>/dev/null \
      || { cat "$STATE/node$n/server-start.log" >&2; die "hutong-node$n did not start"; }
  done
  local port start=$SECONDS
  for n in "${todo[@]}"; do
    port=$([[ "$n" == 1 ]] && echo "$NODE1_HTTP" || echo "$NODE2_HTTP")
    until [[ "$(http_code "http://127.0.0.1:$port/health/ready")" == 200 ]]; do
      running "node$n" || die "hutong-node$n died (log: $WLP/usr/servers/hutong-node$n/logs/messages.log)"
      (( SECONDS - start < 300 )) || die "hutong-node$n not ready within 300s (log: $WLP/usr/servers/hutong-node$n/logs/messages.log)"
      sleep 1
    done
    log "node$n ready (pid $(pid_of "node$n")) after $(since "$t0")"
  done
}

# ---------------------------------------------------------------------------------------------
# HAProxy

start_haproxy() {
  running haproxy && { log "haproxy already running (pid $(pid_of haproxy))"; return 0; }
  command -v haproxy >/dev/null || die "haproxy is not installed (Debian: apt-get install haproxy; ear/src/test/python/install-clients.sh installs it)"
  mkdir -p "$STATE/haproxy"
  sed -e "s|@STATE@|$STATE|g" -e "s|@HTTP_PORT@|$LB_HTTP|g" -e "s|@HTTPS_PORT@|$LB_HTTPS|g" \
      -e "s|@NODE1_HTTP@|$NODE1_HTTP|g" -e "s|@NODE1_HTTPS@|$NODE1_HTTPS|g" \
      -e "s|@NODE2_HTTP@|$NODE2_HTTP|g" -e "s|@NODE2_HTTPS@|$NODE2_HTTPS|g" \
      "$HERE/haproxy.cfg" > "$STATE/haproxy/haproxy.cfg"
  haproxy -c -q -f "$STATE/haproxy/haproxy.cfg"
  setsid haproxy -db -f "$STATE/haproxy/haproxy.cfg" </dev/null >>"$STATE/haproxy/haproxy.log" 2>&1 &
  echo $! > "$PIDS/haproxy.pid"
  local start=$SECONDS
  until listening "$LB_HTTP" && listening "$LB_HTTPS"; do
    running haproxy || { tail -n 20 "$STATE/haproxy/haproxy.log" >&2; die "haproxy died"; }
    (( SECONDS - start < 10 )) || die "haproxy not listening within 10s"
    sleep 0.2
  done
  log "haproxy up (pid $(pid_of haproxy))"
}

# ---------------------------------------------------------------------------------------------

cmd_start() {
  local fresh=false
  while (( $# )); do
    case "$1" in
      --fresh) fresh=true ;;
      --db-port) ARG_DB_PORT="$2"; shift ;;
      --db-password-file) ARG_DB_PASSWORD_FILE="$2"; shift ;;
      --db-name) ARG_DB_NAME="$2"; shift ;;
      --db-user) ARG_DB_USER="$2"; shift ;;
      *) die "unknown option $1" ;;
    esac
    shift
  done
  [[ -n "$ARTEMIS_HOME" && -d "$WLP" ]] || die "nothing built in $TARGET: run mvn package first"
  if [[ "$fresh" == true ]]; then
    any_running && die "--fresh: stop the cluster first (cluster.sh stop)"
    rm -rf "$STATE"
  fi
  local t0
  t0="$(now)"
  mkdir -p "$PIDS"
  load_db_settings
  make_shared_keys
  start_database
  # A running broker's configuration is left alone (Artemis reloads a changed broker.xml).
  running broker-primary || make_broker broker-primary "$PRIMARY_PORT" "$PRIMARY_TLS_PORT" "$BACKUP_PORT" primary
  running broker-backup || make_broker broker-backup "$BACKUP_PORT" "$BACKUP_TLS_PORT" "$PRIMARY_PORT" backup
  if ! running broker-primary && running broker-backup && listening "$BACKUP_PORT"; then
    # The backup is active (the primary died): the primary syncs from it and takes over again.
    start_broker broker-primary 'AMQ221007'
  else
    start_broker broker-primary 'AMQ221007|AMQ221024'
  fi
  start_broker broker-backup 'AMQ221024'
  start_haproxy
  start_nodes
  log "all up in $(since "$t0")"
  cat <<EOF

  Hutong (two nodes behind HAProxy)
    HTTP     http://127.0.0.1:$LB_HTTP          (API /api/v1, health /health, OpenAPI UI /openapi/ui)
    HTTPS    https://127.0.0.1:$LB_HTTPS         (passed through to the nodes; certificate $SHARED/https.pem)
    node1    http://127.0.0.1:$NODE1_HTTP  https://127.0.0.1:$NODE1_HTTPS
    node2    http://127.0.0.1:$NODE2_HTTP  https://127.0.0.1:$NODE2_HTTPS
    broker   (tcp://127.0.0.1:$PRIMARY_PORT,tcp://127.0.0.1:$BACKUP_PORT)?ha=true&reconnectAttempts=-1   user $BROKER_USER / $BROKER_PASSWORD
             TLS 127.0.0.1:$PRIMARY_TLS_PORT / $BACKUP_TLS_PORT (trust $SHARED/broker-tls.pem)
    database 127.0.0.1:$DB_PORT/$DB_NAME user $DB_USER, password in $DB_PASSWORD_FILE
    users    admin / operator / auditor, password hutong-dev-only (development only)
  Stop: $HERE/cluster.sh stop     Pids: $HERE/cluster.sh status
EOF
}

PARTS=(haproxy node1 node2 broker-backup broker-primary postgresql)

any_running() {
  local part
  for part in "${PARTS[@]}"; do running "$part" && return 0; done
  return 1
}

stop_part() {
  local part="$1" pid
  pid="$(pid_of "$part")"
  case "$part" in
    node1|node2)
      if ours "$pid" "$part"; then
        "$WLP/bin/server" stop "hutong-$part" >/dev/null 2>&1 || true
        terminate "$pid" "$part" 30
        log "stopped $part"
      fi
      rm -f "$WLP/usr/servers/.pid/hutong-$part.pid" ;;
    postgresql)
      if [[ -f "$STATE/db.env" ]] && grep -q '^DB_OWN=true' "$STATE/db.env" && [[ -f "$STATE/postgresql/data/PG_VERSION" ]]; then
        "$PG_SCRIPT" stop "$PG_INSTALL" "$STATE/postgresql"
      fi ;;
    haproxy|broker-primary|broker-backup)
      if ours "$pid" "$part"; then
        terminate "$pid" "$part" 30
        log "stopped $part"
      fi ;;
    *) die "unknown part $part (${PARTS[*]})" ;;
  esac
  rm -f "$PIDS/$part.pid"
}

cmd_stop() {
  local parts=("$@") part
  (( ${#parts[@]} )) || parts=("${PARTS[@]}")
  for part in "${parts[@]}"; do [[ " ${PARTS[*]} " == *" $part "* ]] || die "unknown part $part (${PARTS[*]})"; done
  # In the order of PARTS (HAProxy first, the database last); the two nodes in parallel.
  [[ " ${parts[*]} " == *" haproxy "* ]] && stop_part haproxy
  local stoppers=()
  for part in node1 node2; do
    [[ " ${parts[*]} " == *" $part "* ]] && { stop_part "$part" & stoppers+=($!); }
  done
  (( ${#stoppers[@]} )) && wait "${stoppers[@]}"
  for part in broker-backup broker-primary postgresql; do [[ " ${parts[*]} " == *" $part "* ]] && stop_part "$part"; done
  return 0
}

cmd_status() {
  local part pid state extra
  for part in "${PARTS[@]}"; do
    pid="$(pid_of "$part")"
    state=stopped extra=""
    ours "$pid" "$part" && state=running
    case "$part" in
      node1) extra="ready=$(http_code "http://127.0.0.1:$NODE1_HTTP/health/ready")" ;;
      node2) extra="ready=$(http_code "http://127.0.0.1:$NODE2_HTTP/health/ready")" ;;
      broker-primary) listening "$PRIMARY_PORT" && extra="active (accepting on $PRIMARY_PORT)" || extra="not accepting (backup or down)" ;;
      broker-backup) listening "$BACKUP_PORT" && extra="active (accepting on $BACKUP_PORT)" || extra="not accepting (backup or down)" ;;
      haproxy)
        if alive "$pid" && [[ -S "$STATE/haproxy/haproxy.sock" ]]; then
          extra="$(python3 - "$STATE/haproxy/haproxy.sock" <<'PY'
import socket, sys
s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); s.sendall(b"show stat\n")
data = b""
while chunk := s.recv(65536): data += chunk
rows = [l.split(",") for l in data.decode().splitlines() if l and not l.startswith("#")]
print(" ".join(f"{r[0]}/{r[1]}={r[17]}" for r in rows if r[1] in ("node1", "node2")))
PY
)" || true
        fi ;;
      postgresql) [[ -f "$STATE/db.env" ]] && grep -q '^DB_OWN=false' "$STATE/db.env" && state="external (not ours)" ;;
    esac
    printf '%-15s %-8s %-9s %s\n' "$part" "${pid:--}" "$state" "$extra"
  done
}

# Where the CA the nodes trust for products' client certificates lives.
products_dir() {
  if [[ -f "$TARGET/identity/products-trust.p12" ]]; then echo "$TARGET/identity"; else echo "$SHARED/products"; fi
}

# product-cert ID: a client certificate (CN = ID) and key from the products CA, as PEM files for curl.
cmd_product_cert() {
  local id="${1:?usage: cluster.sh product-cert PRODUCT-ID}" ca dir
  [[ "$id" =~ ^[a-z0-9][a-z0-9-]{0,62}$ ]] || die "not a product id: $id"
  ca="$(products_dir)/products-ca.p12"
  [[ -f "$ca" ]] || die "no products CA yet: run cluster.sh start first"
  dir="$SHARED/products/issued"
  mkdir -p "$dir"
  (umask 077
   openssl pkcs12 -in "$ca" -passin "pass:$KEYSTORE_PASSWORD" -nocerts -nodes -out "$dir/.ca-key.pem" 2>/dev/null
   openssl pkcs12 -in "$ca" -passin "pass:$KEYSTORE_PASSWORD" -nokeys -out "$dir/.ca.pem" 2>/dev/null
   openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=$id" \
     -keyout "$dir/$id.key" -out "$dir/$id.csr" 2>/dev/null
   openssl x509 -req -in "$dir/$id.csr" -CA "$dir/.ca.pem" -CAkey "$dir/.ca-key.pem" -CAcreateserial \
     -days 30 -sha256 -extfile <(printf 'keyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n') \
     -out "$dir/$id.pem" 2>/dev/null
   rm -f "$dir/.ca-key.pem" "$dir/$id.csr")
  echo "$dir/$id.pem"
  echo "$dir/$id.key"
}

case "${1:-}" in
  product-cert) shift; cmd_product_cert "$@" ;;
  start) shift; cmd_start "$@" ;;
  stop) shift; cmd_stop "$@" ;;
  status) cmd_status ;;
  *) sed -n '2,24p' "$0" >&2; exit 2 ;;
esac
