#!/usr/bin/env python3
"""Tells the story of GB/T 44886.1 Annex A scenarios 1 and 4 against a running hub, as it happens.

Start the hub first (`mvn -Prun package`), then run `python3 ear/src/demo/story.py`. Simulated vendor
products (an IDS, two firewalls, an EDR) register with the hub and speak STOMP 1.2 to its broker with the
accounts their registrations issued -- a minimal STOMP client of the standard library's sockets, no
Hutong code; the demo plays the administrator and the operator over the HTTP API with the development
users. Everything it creates is removed at the end.
"""
import argparse
import base64
import json
import socket
import sys
import time
import urllib.error
import urllib.request
import uuid

STARTED = time.monotonic()


def say(who, text):
    print(f"[{time.monotonic() - STARTED:6.2f}s] {who:<22} {text}", flush=True)


class Api:
    """The hub's HTTP API as one development user."""

    def __init__(self, base, user, password):
        self.base = base.rstrip("/")
        self.auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()

    def call(self, method, path, body=None, expect=(200, 201, 204)):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Authorization": self.auth, "Content-Type": "application/json",
                                                  "Accept": "application/json, application/problem+json"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                text = response.read().decode()
                status = response.status
        except urllib.error.HTTPError as error:
            text, status = error.read().decode(), error.code
        if status not in expect:
            raise SystemExit(f"{method} {path} answered {status}: {text}")
        return json.loads(text) if text.strip() else None


class Stomp:
    """Just enough STOMP 1.2 for a product: connect with its broker account, send, subscribe, ack."""

    def __init__(self, host, port, login, passcode):
        self.socket = socket.create_connection((host, port), timeout=60)
        self.buffer = b""
        self.frame("CONNECT", {"accept-version": "1.2", "host": "localhost", "login": login, "passcode": passcode,
                               "heart-beat": "0,0"})
        command, headers, body = self.receive()
        if command != "CONNECTED":
            raise SystemExit(f"the broker refused {login}: {headers.get('message', '')} {body}")

    def frame(self, command, headers, body=""):
        # No content-length: the broker then hands the hub a text message, which is what it reads.
        lines = [command] + [f"{key}:{value}" for key, value in headers.items()]
        self.socket.sendall(("\n".join(lines) + "\n\n" + body + "\0").encode())

    def send(self, destination, body, headers=None):
        receipt = str(uuid.uuid4())
        self.frame("SEND", {"destination": destination, "destination-type": "ANYCAST", "persistent": "true",
                            "receipt": receipt, **(headers or {})}, body)
        command, headers_in, text = self.receive()
        if command != "RECEIPT":
            raise SystemExit(f"the broker refused a message to {destination}: {headers_in.get('message')} {text}")

    def subscribe(self, destination):
        self.frame("SUBSCRIBE", {"id": "0", "destination": destination, "destination-type": "ANYCAST",
                                 "ack": "client-individual"})

    def next_message(self):
        while True:
            command, headers, body = self.receive()
            if command == "MESSAGE":
                self.frame("ACK", {"id": headers["ack"]})
                return headers, body
            if command == "ERROR":
                raise SystemExit(f"broker error: {headers.get('message')} {body}")

    def receive(self):
        while b"\0" not in self.buffer or b"\n\n" not in self.buffer:
            chunk = self.socket.recv(65536)
            if not chunk:
                raise SystemExit("the broker closed the connection")
            self.buffer += chunk
        head, _, rest = self.buffer.partition(b"\n\n")
        lines = head.decode().lstrip("\r\n").split("\n")
        headers = dict(line.split(":", 1) for line in lines[1:] if ":" in line)
        if "content-length" in headers:
            length = int(headers["content-length"])
            while len(rest) < length + 1:
                rest += self.socket.recv(65536)
            body, self.buffer = rest[:length], rest[length + 1:]
        else:
            body, _, self.buffer = rest.partition(b"\0")
        return lines[0], headers, body.decode()

    def close(self):
        self.frame("DISCONNECT", {})
        self.socket.close()


class Product:
    """A simulated vendor product: registered by the administrator, then only STOMP."""

    def __init__(self, admin, args, product_id, category, functions, publishes):
        registration = admin.call("POST", "/products", {
            "id": product_id, "vendor": "Demo Vendor", "name": product_id, "version": "1.0", "category": category,
            "functions": functions, "publishes": publishes, "subscribes": [], "commands": {"channel": "jms"}})
        self.id = product_id
        self.stomp = Stomp(args.broker_host, args.broker_port, product_id, registration["broker"]["password"])
        say(product_id, f"registered ({category}), provides {functions or 'nothing'}, publishes {publishes or 'nothing'}")

    def publish(self, kind, body, story):
        envelope = {"id": str(uuid.uuid4()), "type": kind, "specVersion": "1.0", "producer": self.id,
                    "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "body": body}
        self.stomp.send("hutong.information.ingress", json.dumps(envelope))
        say(self.id, f"→ hutong.information.ingress: {kind} {story}")

    def serve_one(self, result):
        """Takes the next command, carries it out (pretends to) and reports success with {@code result}."""
        self.stomp.subscribe(f"hutong.function.{self.id}")
        _, text = self.stomp.next_message()
        command = json.loads(text)
        say(self.id, f"← command {command['function']} {json.dumps(command['arguments'], ensure_ascii=False)}")
        self.stomp.send("hutong.function.results", json.dumps({
            "request_id": command["request_id"], "product": self.id, "status": "succeeded", "result": result}),
            {"JMSXGroupID": command["request_id"]})
        say(self.id, f"→ hutong.function.results: succeeded {json.dumps(result)}")
        return command


def wait_for(what, probe, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = probe()
        if found:
            return found
        time.sleep(0.2)
    raise SystemExit(f"waited {seconds} s for {what}")


def firings(operator, rule):
    return operator.call("GET", f"/rules/{rule}/firings")["items"]


def scenario_1(admin, operator, args, suffix, cleanup):
    print("\n=== Scenario 1: an IDS alert makes every firewall block the source ===")
    ids = Product(admin, args, f"demo-ids-{suffix}", "communication-network", [], ["alert"])
    walls = [Product(admin, args, f"demo-fw{n}-{suffix}", "area-boundary", ["protect.block-ip"], []) for n in (1, 2)]
    cleanup.extend(product.id for product in [ids] + walls)
    rule = f"demo-block-{suffix}"
    operator.call("PUT", f"/rules/{rule}", {
        "name": "Block attackers on every firewall",
        "trigger": {"type": "alert", "producers": [ids.id], "minSeverity": 3},
        "action": {"function": "protect.block-ip", "target": "category:area-boundary", "timeout": "PT30S",
                   "arguments": {"ip": "${/body/source/ip}", "duration": "PT1H", "reason": "${/body/name}"}},
        "dedupe": {"key": "${/body/source/ip}", "window": "PT1H"}})
    say("operator", f"saved rule {rule}: severity ≥ 3 alerts of {ids.id} → protect.block-ip on category:area-boundary")
    attacker = f"203.0.113.{int(suffix, 16) % 250 + 1}"
    ids.publish("alert", {"name": "SSH brute force", "category": "network-attack/credential-attack", "severity": 3,
                          "source": {"ip": attacker}, "destination": {"ip": "10.0.0.22", "port": 22}},
                f"'SSH brute force' from {attacker}, severity 3")
    firing = wait_for("the rule to fire", lambda: firings(operator, rule))[0]
    say("hub", f"rule {rule} fired: {firing['outcome']}, invocation {firing.get('invocationId')}")
    for wall in walls:
        wall.serve_one({"blocked": attacker})
    invocation = wait_for("the invocation to end", lambda: (lambda i: i if i["status"] != "running" else None)(
        operator.call("GET", f"/invocations/{firing['invocationId']}")))
    say("hub", f"invocation {invocation['id']}: {invocation['status']} on "
               f"{[target['product'] for target in invocation['targets']]}, requested by {invocation['requestedBy']}")
    ids.publish("alert", {"name": "SSH brute force", "category": "network-attack/credential-attack", "severity": 3,
                          "source": {"ip": attacker}}, f"the same attacker again")
    second = wait_for("the second firing", lambda: (lambda f: f if len(f) > 1 else None)(firings(operator, rule)))[0]
    say("hub", f"rule {rule} fired again: {second['outcome']} ({second.get('reason')})")
    operator.call("DELETE", f"/rules/{rule}")


def scenario_4(admin, operator, args, suffix, cleanup):
    print("\n=== Scenario 4: EDR behaviour → a graded incident → a playbook isolates the host after approval ===")
    edr = Product(admin, args, f"demo-edr-{suffix}", "computing-environment", ["dispose.isolate-host"],
                  ["behavior", "alert", "asset"])
    cleanup.append(edr.id)
    host, asset = f"10.66.0.{int(suffix, 16) % 250 + 1}", f"demo-finance-pc-{suffix}"
    playbook = f"playbook--{uuid.uuid4()}"
    start, approve, isolate, done, refused = (f"{kind}--{uuid.uuid4()}" for kind in
                                              ("start", "action", "action", "end", "end"))
    operator.call("PUT", f"/playbooks/{playbook}", {
        "type": "playbook", "spec_version": "cacao-2.0", "id": playbook, "name": "Isolate an infected host",
        "created_by": f"identity--{uuid.uuid4()}", "created": "2026-12-05T10:00:00.000Z",
        "modified": "2026-12-05T10:00:00.000Z", "workflow_start": start,
        "playbook_variables": {"__asset__": {"type": "string", "external": True},
                               "__incident__": {"type": "string", "external": True}},
        "workflow": {
            start: {"type": "start", "name": "Start", "on_completion": approve},
            approve: {"type": "action", "name": "Approve isolation", "on_success": isolate, "on_failure": refused,
                      "commands": [{"type": "manual", "command": "Isolate __asset__:value (incident __incident__:value)?"}]},
            isolate: {"type": "action", "name": "Isolate the host", "on_success": done,
                      "commands": [{"type": "hutong-function", "function": "dispose.isolate-host", "target": edr.id,
                                    "arguments": {"host": {"assetId": "__asset__:value"},
                                                  "reason": "incident __incident__:value"}}]},
            done: {"type": "end", "name": "Isolated"}, refused: {"type": "end", "name": "Not approved"}}})
    say("operator", f"saved CACAO 2.0 playbook {playbook}: approve → dispose.isolate-host → end")
    operator.call("PUT", f"/rules/demo-infections-{suffix}", {
        "name": "Infections by host", "trigger": {"type": "alert", "producers": [edr.id], "categories": ["malware"]},
        "action": {"correlate": {"by": "${/body/destination/ip}", "within": "PT30M"}}})
    operator.call("PUT", f"/rules/demo-contain-{suffix}", {
        "name": "Contain grave incidents",
        "trigger": {"type": "incident", "producers": ["hutong"],
                    "where": [{"pointer": "/body/grade", "in": ["I", "II"]},
                              {"pointer": "/body/affectedAssets/0", "equals": asset}]},
        "action": {"playbook": playbook, "variables": {"__asset__": "${/body/affectedAssets/0}",
                                                       "__incident__": "${/body/incidentId}"}},
        "dedupe": {"key": "${/body/incidentId}", "window": "P1D"}})
    say("operator", "saved rules: correlate malware alerts by destination; grade I or II incidents → the playbook")
    edr.publish("asset", {"assetId": asset, "name": "Finance workstation", "kind": "host",
                          "network": {"ips": [host]}, "importance": 4}, f"{asset} ({host}), importance 4")
    edr.publish("behavior", {"subject": {"type": "process", "name": "winword.exe"}, "action": "process-start",
                             "object": {"type": "process", "name": "powershell.exe -enc ..."}, "device": asset},
                "winword.exe started powershell.exe -enc ...")
    for name in ("Office macro spawned PowerShell", "Mass file encryption"):
        edr.publish("alert", {"name": name, "category": "malware/ransomware", "severity": 4,
                              "destination": {"ip": host}}, f"'{name}' on {host}, severity 4")
    opened = wait_for("the incident", lambda: firings(operator, f"demo-infections-{suffix}"))
    say("hub", f"rule demo-infections-{suffix}: {opened[-1]['reason']}")
    runs = wait_for("the playbook run", lambda: operator.call("GET", f"/playbook-runs?playbook={playbook}"))
    run = runs[0]
    incident = operator.call("GET", f"/incidents/{run['variables']['__incident__']}")["state"]
    say("hub", f"incident '{incident['title']}': {incident['category']} / {incident.get('subCategory')}, "
               f"grade {incident['grade']}, {len(incident['relatedAlerts'])} alerts, assets {incident['affectedAssets']}")
    say("hub", f"rule demo-contain-{suffix} started playbook run {run['id']}")
    waiting = wait_for("the approval step", lambda: [step for step in operator.call(
        "GET", f"/playbook-runs/{run['id']}")["steps"] if step["status"] == "await_user_input"])[0]
    say("hub", f"run {run['id']} waits: {waiting['detail']}")
    operator.call("POST", f"/playbook-runs/{run['id']}/steps/{waiting['step']}/complete",
                  {"outcome": "success", "comment": "confirmed ransomware"})
    say("operator", "approved")
    edr.serve_one({"isolated": True})
    ended = wait_for("the run to end", lambda: (lambda r: r if r["status"] != "ongoing" else None)(
        operator.call("GET", f"/playbook-runs/{run['id']}")))
    for step in ended["steps"]:
        say("hub", f"  step {step['name']:<24} {step['status']}{' by ' + step['decidedBy'] if step.get('decidedBy') else ''}")
    say("hub", f"run {run['id']}: {ended['status']}")
    for rule in (f"demo-contain-{suffix}", f"demo-infections-{suffix}"):
        operator.call("DELETE", f"/rules/{rule}")
    operator.call("DELETE", f"/playbooks/{playbook}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--api", default="http://127.0.0.1:9080/api/v1")
    parser.add_argument("--broker-host", default="127.0.0.1")
    parser.add_argument("--broker-port", type=int, default=61616)
    parser.add_argument("--password", default="hutong-dev-only", help="of the development users admin and operator")
    args = parser.parse_args()
    admin = Api(args.api, "admin", args.password)
    operator = Api(args.api, "operator", args.password)
    suffix = uuid.uuid4().hex[:6]
    cleanup = []
    try:
        scenario_1(admin, operator, args, suffix, cleanup)
        scenario_4(admin, operator, args, suffix, cleanup)
    finally:
        for product in cleanup:
            admin.call("DELETE", f"/products/{product}", expect=(200, 204, 404))
    print("\nDone: every product, rule and playbook the demo made is removed; the audit trail keeps the story.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
