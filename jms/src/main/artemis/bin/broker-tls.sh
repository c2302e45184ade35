#!/bin/sh
# Makes the broker's TLS key store (a self-signed EC P-256 certificate for localhost and 127.0.0.1)
# for its TLS acceptor, and the certificate clients must trust, unless the key store exists already.
# A real deployment puts its own key store there (hutong.broker.keystore) and keeps this one out.
# usage: broker-tls.sh DIR PASSWORD
set -eu
dir=${1:?usage: broker-tls.sh DIR PASSWORD}
password=${2:?usage: broker-tls.sh DIR PASSWORD}
keytool=${JAVA_HOME:+$JAVA_HOME/bin/}keytool
mkdir -p "$dir"
if [ -f "$dir/broker-tls.p12" ]; then
    echo "broker-tls.sh: $dir/broker-tls.p12 exists"
    exit 0
fi
"$keytool" -genkeypair -keystore "$dir/broker-tls.p12" -storetype PKCS12 -storepass "$password" \
  -alias broker -keyalg EC -groupname secp256r1 -sigalg SHA256withECDSA -validity 365 \
  -dname "CN=localhost,O=Hutong development broker" -ext san=dns:localhost,ip:127.0.0.1
"$keytool" -exportcert -keystore "$dir/broker-tls.p12" -storepass "$password" -alias broker \
  -rfc -file "$dir/broker-tls.pem"
chmod 600 "$dir/broker-tls.p12"
echo "broker-tls.sh: broker key store $dir/broker-tls.p12, certificate for clients $dir/broker-tls.pem"
