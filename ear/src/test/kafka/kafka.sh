#!/usr/bin/env bash
# Starts and stops a throw-away Apache Kafka broker (KRaft, one node that is broker and controller)
# for the integration tests, from the jars jms/kafka-broker gathers from Maven Central.
#
#   kafka.sh start LIBS HOME PORT CONTROLLER_PORT PASSWORD [USER=PASSWORD ...]
#   kafka.sh stop  HOME
#
# Clients reach it on 127.0.0.1:PORT over SASL_SSL (TLS 1.2/1.3, SCRAM-SHA-512), and on 127.0.0.1:PORT+2
# over TLS with a client certificate, which alone says who they are (CN=hutong is User:hutong): the
# broker's certificate (CN=localhost, SAN 127.0.0.1) is made once in HOME/broker.p12, with HOME/broker.pem
# and HOME/truststore.p12 for clients, and the hub's client certificate in HOME/hutong-client.p12, the only
# one the certificate listener trusts (HOME/clients.p12; store password PASSWORD). Every start formats
# HOME/data afresh with the SCRAM accounts: "admin" (PASSWORD, super user) and each USER=PASSWORD given. The
# StandardAuthorizer denies whatever no ACL allows. HOME/admin.properties is a client configuration
# for Kafka's own tools as admin. Log: HOME/kafka.log; pid (also the process group): HOME/kafka.pid.
set -euo pipefail

java=${JAVA_HOME:+$JAVA_HOME/bin/}java
keytool=${JAVA_HOME:+$JAVA_HOME/bin/}keytool
die() { echo "kafka.sh: $*" >&2; exit 1; }

stop() {
    local home=$1 pid
    [[ -f "$home/kafka.pid" ]] || { echo "kafka.sh: nothing to stop in $home"; return 0; }
    pid=$(cat "$home/kafka.pid")
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
        for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -KILL -- "-$pid" 2>/dev/null || true
        echo "kafka.sh: stopped Kafka (process group $pid)"
    fi
    rm -f "$home/kafka.pid"
}

start() {
    local libs=$1 home=$2 port=$3 controller=$4 password=$5
    shift 5
    [[ -d "$libs" ]] || die "no Kafka jars in $libs (build jms/kafka-broker first)"
    mkdir -p "$home"
    home=$(cd "$home" && pwd)
    stop "$home" >/dev/null
    if [[ ! -f "$home/broker.p12" ]]; then
        "$keytool" -genkeypair -alias kafka -keyalg EC -groupname secp256r1 -dname CN=localhost \
            -ext san=dns:localhost,ip:127.0.0.1 -validity 3650 -keystore "$home/broker.p12" \
            -storetype PKCS12 -storepass "$password" >/dev/null 2>&1
        "$keytool" -exportcert -rfc -alias kafka -keystore "$home/broker.p12" -storepass "$password" \
            -file "$home/broker.pem" >/dev/null 2>&1
        rm -f "$home/truststore.p12"
        "$keytool" -importcert -noprompt -alias kafka -file "$home/broker.pem" -keystore "$home/truststore.p12" \
            -storetype PKCS12 -storepass "$password" >/dev/null 2>&1
    fi
    if [[ ! -f "$home/hutong-client.p12" ]]; then
        "$keytool" -genkeypair -alias hutong -keyalg EC -groupname secp256r1 -dname CN=hutong -validity 3650 \
            -keystore "$home/hutong-client.p12" -storetype PKCS12 -storepass "$password" >/dev/null 2>&1
        "$keytool" -exportcert -rfc -alias hutong -keystore "$home/hutong-client.p12" -storepass "$password" \
            -file "$home/hutong-client.pem" >/dev/null 2>&1
        rm -f "$home/clients.p12"
        "$keytool" -importcert -noprompt -alias hutong -file "$home/hutong-client.pem" -keystore "$home/clients.p12" \
            -storetype PKCS12 -storepass "$password" >/dev/null 2>&1
    fi
    local scram="org.apache.kafka.common.security.scram.ScramLoginModule required"
    cat > "$home/server.properties" <<PROPERTIES
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller
listeners=SASL_SSL://127.0.0.1:$port,SSL://127.0.0.1:$((port + 2)),CONTROLLER://127.0.0.1:$controller
advertised.listeners=SASL_SSL://127.0.0.1:$port,SSL://127.0.0.1:$((port + 2))
listener.security.protocol.map=SASL_SSL:SASL_SSL,SSL:SSL,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=SASL_SSL
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=$scram username="admin" password="$password";
ssl.keystore.location=$home/broker.p12
ssl.keystore.password=$password
ssl.keystore.type=PKCS12
ssl.truststore.location=$home/truststore.p12
ssl.truststore.password=$password
ssl.truststore.type=PKCS12
ssl.enabled.protocols=TLSv1.3,TLSv1.2
listener.name.ssl.ssl.client.auth=required
listener.name.ssl.ssl.keystore.location=$home/broker.p12
listener.name.ssl.ssl.keystore.password=$password
listener.name.ssl.ssl.keystore.type=PKCS12
listener.name.ssl.ssl.truststore.location=$home/clients.p12
listener.name.ssl.ssl.truststore.password=$password
listener.name.ssl.ssl.truststore.type=PKCS12
ssl.principal.mapping.rules=RULE:^CN=([^,]+)\$/\$1/,DEFAULT
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:admin;User:ANONYMOUS
allow.everyone.if.no.acl.found=false
auto.create.topics.enable=false
log.dirs=$home/data
num.partitions=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPERTIES
    cat > "$home/admin.properties" <<PROPERTIES
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=$scram username="admin" password="$password";
ssl.truststore.location=$home/truststore.p12
ssl.truststore.password=$password
ssl.truststore.type=PKCS12
PROPERTIES
    cat > "$home/log4j2.properties" <<'PROPERTIES'
appender.out.type=Console
appender.out.name=out
appender.out.layout.type=PatternLayout
appender.out.layout.pattern=[%d] %p %m (%c)%n
rootLogger.level=INFO
rootLogger.appenderRef.out.ref=out
logger.kafka.name=kafka
logger.kafka.level=WARN
logger.apache.name=org.apache.kafka
logger.apache.level=WARN
PROPERTIES
    local accounts=(--add-scram "SCRAM-SHA-512=[name=admin,password=$password]")
    for user in "$@"; do
        accounts+=(--add-scram "SCRAM-SHA-512=[name=${user%%=*},password=${user#*=}]")
    done
    rm -rf "$home/data"
    local cluster
    cluster=$("$java" -cp "$libs/*" -Dlog4j2.configurationFile="$home/log4j2.properties" kafka.tools.StorageTool random-uuid)
    "$java" -cp "$libs/*" -Dlog4j2.configurationFile="$home/log4j2.properties" kafka.tools.StorageTool format \
        -t "$cluster" -c "$home/server.properties" "${accounts[@]}" >"$home/format.log" 2>&1 \
        || { cat "$home/format.log" >&2; die "formatting the storage failed"; }
    setsid "$java" -Xms128m -Xmx512m -cp "$libs/*" -Dlog4j2.configurationFile="$home/log4j2.properties" \
        kafka.Kafka "$home/server.properties" >"$home/kafka.log" 2>&1 < /dev/null &
    echo $! > "$home/kafka.pid"
    local started=$SECONDS
    until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
        kill -0 "$(cat "$home/kafka.pid")" 2>/dev/null || { tail -30 "$home/kafka.log" >&2; die "Kafka exited"; }
        (( SECONDS - started < 120 )) || { tail -30 "$home/kafka.log" >&2; die "Kafka did not listen within 120 s"; }
        sleep 0.5
    done
    echo "kafka.sh: Kafka $(basename "$(ls "$libs"/kafka_2.13-*.jar)" .jar | sed 's/kafka_2.13-//') listening on 127.0.0.1:$port (SASL_SSL) and $((port + 2)) (client certificates) after $((SECONDS - started)) s; log $home/kafka.log"
}

case "${1:-}" in
    start) shift; (( $# >= 5 )) || die "usage: kafka.sh start LIBS HOME PORT CONTROLLER_PORT PASSWORD [USER=PASSWORD ...]"; start "$@" ;;
    stop) shift; (( $# == 1 )) || die "usage: kafka.sh stop HOME"; stop "$1" ;;
    *) die "usage: kafka.sh start LIBS HOME PORT CONTROLLER_PORT PASSWORD [USER=PASSWORD ...] | kafka.sh stop HOME" ;;
esac
