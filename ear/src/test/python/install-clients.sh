#!/bin/sh
# Makes sure the protocol clients the integration tests use are installed: Debian's Python AMQP 1.0
# (Qpid Proton), MQTT (Paho) and STOMP (stomp.py) libraries and python3-cryptography (to turn OpenSSL
# signatures into JWS form), for Debian's own /usr/bin/python3; rsyslog with its GnuTLS driver (run by
# the tests in the foreground with their own configuration, never as the system's logger); HAProxy, in
# front of the two nodes of ear/src/main/cluster/cluster.sh (run by it with its own configuration,
# never as the system's service).
# They are clients written by others, so a test can show what any product could send the broker.
set -eu
PACKAGES="python3-qpid-proton python3-paho-mqtt python3-stomp python3-cryptography rsyslog rsyslog-gnutls haproxy"
have_clients() {
    /usr/bin/python3 -c 'import proton, paho.mqtt.client, stomp, cryptography' 2>/dev/null \
        && command -v rsyslogd >/dev/null && command -v haproxy >/dev/null && ls /usr/lib/*/rsyslog/lmnsd_gtls.so >/dev/null 2>&1
}
if have_clients; then
    echo "protocol clients present: $PACKAGES"
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    AS_ROOT=""
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    AS_ROOT="sudo -n"
else
    echo "The integration tests need the Debian packages $PACKAGES; install them as root (apt-get install $PACKAGES)." >&2
    exit 1
fi
echo "installing $PACKAGES"
export DEBIAN_FRONTEND=noninteractive
$AS_ROOT apt-get install -y --no-install-recommends $PACKAGES \
    || { $AS_ROOT apt-get update && $AS_ROOT apt-get install -y --no-install-recommends $PACKAGES; }
have_clients
