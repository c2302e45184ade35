#!/usr/bin/python3
"""Sign a Hutong envelope as a vendor would, with the OpenSSL command line: not Hutong's code.

Reads the envelope (JSON) on standard input and prints it with a "signature" member: a JWS with a
detached payload (RFC 7515 appendix F), header {"alg": ...}, over the RFC 8785 canonical form of the
envelope without "signature". The canonical form is Python's sorted, whitespace-free json.dumps,
which equals RFC 8785 for documents of strings, integers, booleans and null (the tests send only
those). OpenSSL signs: ES256 (ECDSA P-256 with SHA-256), RS256 (RSASSA-PKCS1-v1_5 with SHA-256) or
SM2 (SM2 with SM3, user id 1234567812345678); ECDSA and SM2 signatures are turned from DER into
r||s as JWS wants, with Debian's python3-cryptography.
"""
import argparse
import base64
import json
import subprocess
import sys


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def openssl_sign(algorithm, key, data):
    command = {
        "ES256": ["openssl", "dgst", "-sha256", "-sign", key],
        "RS256": ["openssl", "dgst", "-sha256", "-sign", key],
        "SM2": ["openssl", "dgst", "-sm3", "-sign", key, "-sigopt", "distid:1234567812345678"],
    }[algorithm]
    der = subprocess.run(command, input=data, capture_output=True, check=True).stdout
    if algorithm == "RS256":
        return der
    from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
    r, s = decode_dss_signature(der)
    return r.to_bytes(32, "big") + s.to_bytes(32, "big")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--alg", required=True, choices=["ES256", "RS256", "SM2"])
    parser.add_argument("--key", required=True, help="private key, PEM")
    parser.add_argument("--header-alg", help="the alg to write in the header, if not --alg (attack tests)")
    args = parser.parse_args()
    envelope = json.load(sys.stdin)
    envelope.pop("signature", None)
    payload = json.dumps(envelope, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    header = b64url(json.dumps({"alg": args.header_alg or args.alg}, separators=(",", ":")).encode("ascii"))
    signing_input = (header + "." + b64url(payload)).encode("ascii")
    envelope["signature"] = header + ".." + b64url(openssl_sign(args.alg, args.key, signing_input))
    print(json.dumps(envelope, ensure_ascii=False))


if __name__ == "__main__":
    main()
