#!/usr/bin/env bash
# Test PKI for mutual TLS: a CA that signs products' client certificates, and the trust store the
# hub reads it from. The tests issue client certificates (CN = product id) with the CA's key.
# usage: certificates.sh OUTDIR PASSWORD
set -euo pipefail
out=${1:?usage: certificates.sh OUTDIR PASSWORD}
password=${2:?usage: certificates.sh OUTDIR PASSWORD}
keytool=${JAVA_HOME:+$JAVA_HOME/bin/}keytool

mkdir -p "$out"
rm -f "$out/products-ca.p12" "$out/products-trust.p12" "$out/products-ca.pem"
"$keytool" -genkeypair -keystore "$out/products-ca.p12" -storetype PKCS12 -storepass "$password" \
  -alias products-ca -keyalg EC -groupname secp256r1 -sigalg SHA256withECDSA -validity 30 \
  -dname "CN=Hutong test product CA,O=Hutong" -ext bc:c=ca:true -ext ku:c=keyCertSign,cRLSign
"$keytool" -exportcert -keystore "$out/products-ca.p12" -storepass "$password" -alias products-ca \
  -rfc -file "$out/products-ca.pem"
"$keytool" -importcert -noprompt -keystore "$out/products-trust.p12" -storetype PKCS12 \
  -storepass "$password" -alias products-ca -file "$out/products-ca.pem"
echo "certificates.sh: product CA and trust store in $out"
