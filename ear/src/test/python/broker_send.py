#!/usr/bin/python3
"""Send one message to the Hutong broker with a client that is not Artemis' own.

Used by the integration tests to show what a product speaking AMQP 1.0 (Qpid Proton), MQTT 5
(Eclipse Paho) or STOMP 1.2 (stomp.py) can and cannot do. The body is read from standard input;
each --property K=V becomes an application property (AMQP), a user property (MQTT) or a header
(STOMP). Exits 0 once the broker has accepted the message, non-zero with the reason otherwise.
"""
import argparse
import sys
import threading


def send_amqp(args, body, properties):
    from proton import Message
    from proton.utils import BlockingConnection

    ssl_domain = None
    scheme = "amqp"
    if args.tls_ca:
        from proton import SSLDomain
        ssl_domain = SSLDomain(SSLDomain.MODE_CLIENT)
        ssl_domain.set_trusted_ca_db(args.tls_ca)
        ssl_domain.set_peer_authentication(SSLDomain.VERIFY_PEER_NAME)
        scheme = "amqps"
    connection = BlockingConnection(f"{scheme}://{args.host}:{args.port}", user=args.user,
                                    password=args.password, allowed_mechs="PLAIN", timeout=20,
                                    ssl_domain=ssl_domain)
    try:
        sender = connection.create_sender(args.address)
        sender.send(Message(body=body, durable=True, properties=properties))
    finally:
        connection.close()


def send_mqtt(args, body, properties):
    import paho.mqtt.client as mqtt
    from paho.mqtt.packettypes import PacketTypes
    from paho.mqtt.properties import Properties

    connected = threading.Event()
    outcome = {}

    def on_connect(client, userdata, flags, reason_code, props=None):
        outcome["connect"] = reason_code
        connected.set()

    client = mqtt.Client(client_id=args.client_id or "", protocol=mqtt.MQTTv5)
    client.username_pw_set(args.user, args.password)
    client.on_connect = on_connect
    client.connect(args.host, args.port)
    client.loop_start()
    try:
        if not connected.wait(20) or outcome["connect"] != 0:
            raise RuntimeError(f"MQTT connection refused: {outcome.get('connect')}")
        publish = Properties(PacketTypes.PUBLISH)
        if properties:
            publish.UserProperty = list(properties.items())
        # MQTT topic levels are separated by '/', Artemis addresses by '.'.
        info = client.publish(args.address.replace(".", "/"), body.encode("utf-8"), qos=1,
                              properties=publish)
        info.wait_for_publish(20)
        if not info.is_published() or info.rc != 0:
            raise RuntimeError(f"MQTT publish not acknowledged (rc {info.rc})")
    finally:
        client.loop_stop()
        client.disconnect()


def send_stomp(args, body, properties):
    import stomp

    class Outcome(stomp.ConnectionListener):
        def __init__(self):
            self.done = threading.Event()
            self.error = None

        def on_receipt(self, frame):
            self.done.set()

        def on_error(self, frame):
            self.error = frame.headers.get("message", frame.body)
            self.done.set()

    connection = stomp.Connection([(args.host, args.port)], heartbeats=(0, 0))
    outcome = Outcome()
    connection.set_listener("outcome", outcome)
    connection.connect(args.user, args.password, wait=True)
    try:
        headers = dict(properties)
        headers.update({"destination-type": "ANYCAST", "persistent": "true", "receipt": "sent",
                        "content-type": "application/json"})
        connection.send(destination=args.address, body=body, headers=headers)
        if not outcome.done.wait(20):
            raise RuntimeError("STOMP: no receipt within 20 s")
        if outcome.error:
            raise RuntimeError(f"STOMP error: {outcome.error}")
    finally:
        connection.disconnect()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("protocol", choices=["amqp", "mqtt", "stomp"])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=61616)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--address", required=True)
    parser.add_argument("--client-id")
    parser.add_argument("--tls-ca", help="AMQP over TLS, trusting this CA certificate (PEM); host name checked")
    parser.add_argument("--property", action="append", default=[], metavar="KEY=VALUE")
    args = parser.parse_args()
    properties = dict(item.split("=", 1) for item in args.property)
    body = sys.stdin.read()
    {"amqp": send_amqp, "mqtt": send_mqtt, "stomp": send_stomp}[args.protocol](args, body, properties)
    print(f"sent over {args.protocol} as {args.user} to {args.address}")


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # report any client failure as a message, not a traceback
        print(f"{type(error).__name__}: {error}", file=sys.stderr)
        sys.exit(1)
