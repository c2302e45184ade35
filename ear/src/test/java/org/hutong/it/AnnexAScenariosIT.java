package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GB/T 44886.1 Annex A scenarios 2, 3, 4 and 5 end to end, with simulated vendor products that use only
 * HTTPS and JMS (scenario 1 is {@link LinkageRuleIT}).
 */
@ExtendWith(HubReady.class)
class AnnexAScenariosIT {

    private final String suffix = UUID.randomUUID().toString().substring(0, 6);
    private final List<VendorProduct> products = new ArrayList<>();
    private final List<String> rules = new ArrayList<>();

    @AfterEach
    void removeThem() {
        rules.forEach(rule -> TestIdentities.OPERATOR.send(HttpRequest.newBuilder(URI.create(Hub.API + "/rules/" + rule))
                .DELETE().build()));
        products.forEach(VendorProduct::deregister);
    }

    private VendorProduct product(String prefix, String category, List<String> functions, List<String> publishes,
            List<String> subscribes) {
        VendorProduct product = VendorProduct.register(prefix + "-" + suffix, category, functions, publishes, subscribes);
        products.add(product);
        return product;
    }

    private void rule(String id, String document) {
        HttpResponse<String> saved = TestIdentities.OPERATOR.send(HttpRequest.newBuilder(URI.create(Hub.API + "/rules/" + id))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(document)).build());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        rules.add(id);
    }

    private static void published(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static String envelope(String producer, String type, String body) {
        return """
                {"id":"%s","type":"%s","specVersion":"1.0","producer":"%s","time":"%s","body":%s}"""
                .formatted(UUID.randomUUID(), type, producer, Instant.now(), body);
    }

    /**
     * Scenario 2: a scanner reports a critical vulnerability on an asset it reported; the asset's record
     * lists it, and a rule gives the web application firewall a virtual patch for it.
     */
    @Test
    void scannerVulnerabilitiesEnrichTheAssetAndGiveTheWafAVirtualPatch() {
        VendorProduct scanner = product("scanner", "security-management", List.of(), List.of("asset", "vulnerability"),
                List.of());
        VendorProduct waf = product("waf", "area-boundary", List.of("protect.deploy-policy"), List.of(), List.of());
        rule("patch-" + suffix, """
                {"name":"Virtual patch for critical vulnerabilities",
                 "trigger":{"type":"vulnerability","producers":["%s"],"minSeverity":4},
                 "action":{"function":"protect.deploy-policy","target":"category:area-boundary","timeout":"PT30S",
                           "arguments":{"name":"virtual patch ${/body/ids/0}","format":"hutong-virtual-patch",
                                        "policy":{"vulnerability":"${/body/ids/0}","assets":"${/body/affectedAssets}",
                                                  "action":"block-exploit"},
                                        "reason":"${/body/name}"}},
                 "dedupe":{"key":"${/body/ids/0}","window":"P1D"}}""".formatted(scanner.id()));
        String asset = "web-" + suffix;
        String cve = "CVE-2026-" + (10000 + (int) (Math.random() * 80000));
        published(scanner.publish(envelope(scanner.id(), "asset", """
                {"assetId":"%s","name":"Public web server","kind":"server","network":{"ips":["203.0.113.80"]},
                 "importance":5}""".formatted(asset))));
        published(scanner.publish(envelope(scanner.id(), "vulnerability", """
                {"ids":["%s"],"name":"Remote code execution in the web framework","grade":"critical",
                 "affectedAssets":["%s"]}""".formatted(cve, asset))));

        JsonObject command = waf.takeCommandAndSucceed();
        assertThat(command.getString("function")).isEqualTo("protect.deploy-policy");
        JsonObject policy = command.getJsonObject("arguments").getJsonObject("policy");
        assertThat(policy.getString("vulnerability")).isEqualTo(cve);
        assertThat(policy.getJsonArray("assets").getValuesAs(JsonString.class)).extracting(JsonString::getString)
                .containsExactly(asset);
        assertThat(Hub.json(Hub.get("/vulnerabilities?asset=" + asset)).getJsonArray("items").getValuesAs(JsonObject.class))
                .as("the asset's vulnerabilities").singleElement()
                .satisfies(vulnerability -> assertThat(vulnerability.toString()).contains(cve));
        assertThat(Hub.json(Hub.get("/invocations/" + command.getString("invocation_id") + "?wait=PT15S"))
                .getString("status")).isEqualTo("succeeded");
    }

    /**
     * Scenario 4: an EDR reports malicious behaviour and the alerts it raised on a host; a correlating rule
     * makes the alerts one incident with a GB/T 20986 category and grade; a rule on the hub's incidents
     * starts a playbook whose approval step an operator approves; the EDR isolates the host.
     */
    @Test
    void edrBehaviourBecomesAGradedIncidentAndAPlaybookIsolatesTheHostAfterApproval() {
        VendorProduct edr = product("edr", "computing-environment", List.of("dispose.isolate-host"),
                List.of("behavior", "alert", "asset"), List.of());
        String host = "10.66." + (int) (Math.random() * 250) + "." + (1 + (int) (Math.random() * 250));
        String asset = "finance-pc-" + suffix;
        published(edr.publish(envelope(edr.id(), "asset", """
                {"assetId":"%s","name":"Finance workstation","kind":"host","network":{"ips":["%s"]},"importance":4}"""
                .formatted(asset, host))));
        String playbook = "playbook--" + UUID.randomUUID();
        String start = "start--" + UUID.randomUUID();
        String approve = "action--" + UUID.randomUUID();
        String isolate = "action--" + UUID.randomUUID();
        String end = "end--" + UUID.randomUUID();
        String refusedEnd = "end--" + UUID.randomUUID();
        HttpResponse<String> saved = TestIdentities.OPERATOR.send(HttpRequest.newBuilder(URI.create(Hub.API
                + "/playbooks/" + playbook)).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers
                .ofString("""
                {"type":"playbook","spec_version":"cacao-2.0","id":"%s","name":"Isolate an infected host",
                 "created_by":"identity--%s","created":"2026-12-05T10:00:00.000Z","modified":"2026-12-05T10:00:00.000Z",
                 "workflow_start":"%s",
                 "playbook_variables":{"__asset__":{"type":"string","external":true},
                                       "__incident__":{"type":"string","external":true}},
                 "workflow":{
                   "%s":{"type":"start","on_completion":"%s"},
                   "%s":{"type":"action","name":"Approve isolation",
                         "commands":[{"type":"manual","command":"Isolate __asset__:value (incident __incident__:value)?"}],
                         "on_success":"%s","on_failure":"%s"},
                   "%s":{"type":"action","name":"Isolate","on_success":"%s",
                         "commands":[{"type":"hutong-function","function":"dispose.isolate-host","target":"%s",
                                      "arguments":{"host":{"assetId":"__asset__:value"},
                                                   "reason":"incident __incident__:value"}}]},
                   "%s":{"type":"end"},"%s":{"type":"end"}}}"""
                .formatted(playbook, UUID.randomUUID(), start, start, approve, approve, isolate, refusedEnd, isolate, end,
                        edr.id(), end, refusedEnd))).build());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        rule("infections-" + suffix, """
                {"name":"Infections by host","trigger":{"type":"alert","producers":["%s"],"categories":["malware"]},
                 "action":{"correlate":{"by":"${/body/destination/ip}","within":"PT30M"}}}""".formatted(edr.id()));
        rule("contain-" + suffix, """
                {"name":"Contain grave incidents","trigger":{"type":"incident","producers":["hutong"],
                   "where":[{"pointer":"/body/grade","in":["I","II"]},{"pointer":"/body/affectedAssets/0","equals":"%s"}]},
                 "action":{"playbook":"%s","variables":{"__asset__":"${/body/affectedAssets/0}",
                                                        "__incident__":"${/body/incidentId}"}},
                 "dedupe":{"key":"${/body/incidentId}","window":"P1D"}}""".formatted(asset, playbook));

        published(edr.publish(envelope(edr.id(), "behavior", """
                {"subject":{"type":"process","name":"winword.exe"},"action":"process-start",
                 "object":{"type":"process","name":"powershell.exe -enc ..."},"device":"%s","source":{"ip":"%s"}}"""
                .formatted(asset, host))));
        for (String name : List.of("Office macro spawned PowerShell", "Mass file encryption")) {
            published(edr.publish(envelope(edr.id(), "alert", """
                    {"name":"%s","category":"malware/ransomware","severity":4,"destination":{"ip":"%s"}}"""
                    .formatted(name, host))));
        }

        List<JsonObject> runs = new ArrayList<>();
        Hub.await(Duration.ofSeconds(30), "a run of the playbook", () -> {
            runs.clear();
            runs.addAll(Hub.json("{\"l\":" + Hub.get("/playbook-runs?playbook=" + playbook).body() + "}")
                    .getJsonArray("l").getValuesAs(JsonObject.class));
            return !runs.isEmpty();
        });
        String runId = runs.get(0).getString("id");
        String incident = runs.get(0).getJsonObject("variables").getString("__incident__");
        // The first alert may open the incident, and start the run, before the second has joined it.
        Hub.await(Duration.ofSeconds(30), "both alerts in the incident", () -> Hub.json(Hub.get("/incidents/"
                + incident)).getJsonObject("state").getJsonArray("relatedAlerts").size() == 2);
        JsonObject state = Hub.json(Hub.get("/incidents/" + incident)).getJsonObject("state");
        assertThat(state.getString("category")).isEqualTo("malware");
        assertThat(state.getString("subCategory")).isEqualTo("malware/ransomware");
        assertThat(state.getString("grade")).as("severity 4 → II, one up for an asset of importance 4").isEqualTo("I");
        assertThat(state.getJsonArray("relatedAlerts")).hasSize(2);

        Hub.await(Duration.ofSeconds(30), "the approval step", () -> Hub.get("/playbook-runs/" + runId).body()
                .contains("await_user_input"));
        HttpResponse<String> approved = Hub.post("/playbook-runs/" + runId + "/steps/" + approve + "/complete",
                "application/json", "{\"outcome\":\"success\",\"comment\":\"confirmed ransomware\"}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        JsonObject command = edr.takeCommandAndSucceed();
        assertThat(command.getString("function")).isEqualTo("dispose.isolate-host");
        assertThat(command.getJsonObject("arguments").getJsonObject("host").getString("assetId")).isEqualTo(asset);
        assertThat(command.getJsonObject("arguments").getString("reason")).isEqualTo("incident " + incident);
        Hub.await(Duration.ofSeconds(30), "the run to succeed", () -> Hub.json(Hub.get("/playbook-runs/" + runId))
                .getString("status").equals("successfully_executed"));
        // The incident was published twice (opened, joined): the rule's de-duplication started one run.
        assertThat(Hub.json("{\"l\":" + Hub.get("/playbook-runs?playbook=" + playbook).body() + "}").getJsonArray("l"))
                .hasSize(1);
        TestIdentities.OPERATOR.send(HttpRequest.newBuilder(URI.create(Hub.API + "/playbooks/" + playbook)).DELETE()
                .build());
    }

    /** Scenario 3: a threat-intelligence platform's indicators reach every subscribed firewall and EDR. */
    @Test
    void threatIndicatorsReachEverySubscribedFirewallAndEdr() {
        VendorProduct tip = product("tip", "security-management", List.of(), List.of("threat"), List.of());
        VendorProduct firewall = product("fw", "area-boundary", List.of(), List.of(), List.of("threat"));
        VendorProduct edr = product("edr", "computing-environment", List.of(), List.of(), List.of("threat"));
        VendorProduct unsubscribed = product("ids", "computing-environment", List.of(), List.of("alert"), List.of());
        String marker = UUID.randomUUID().toString();
        published(tip.publish(envelope(tip.id(), "threat", """
                {"campaign":"Campaign %s","indicators":[{"type":"ipv4","value":"198.51.100.66"},
                 {"type":"sha256","value":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}],
                 "confidence":85}""".formatted(marker))));

        for (VendorProduct subscriber : List.of(firewall, edr)) {
            JsonObject received = subscriber.receive("threat", Duration.ofSeconds(30));
            assertThat(received).as("the threat at %s", subscriber.id()).isNotNull();
            assertThat(received.getString("producer")).isEqualTo(tip.id());
            assertThat(received.getJsonObject("body").getString("campaign")).isEqualTo("Campaign " + marker);
            assertThat(received.getJsonObject("body").getJsonArray("indicators")).hasSize(2);
        }
        // A product that did not subscribe has no queue and may not make one: the broker refuses it.
        assertThatThrownBy(() -> unsubscribed.receive("threat", Duration.ofSeconds(1)))
                .isInstanceOf(jakarta.jms.JMSSecurityRuntimeException.class).hasMessageContaining("CREATE_DURABLE_QUEUE");
    }

    /**
     * Scenario 5: a situational-awareness platform follows assets, alerts and incidents with cursors,
     * as a product reading what it subscribed to, and sees each item once while producers keep writing.
     */
    @Test
    void aSituationalAwarenessPlatformFollowsAssetsAlertsAndIncidentsWithCursors() {
        VendorProduct sensor = product("sensor", "computing-environment", List.of(), List.of("asset", "alert", "incident"),
                List.of());
        VendorProduct platform = product("sa", "security-management", List.of(), List.of(),
                List.of("asset", "alert", "incident"));
        Set<String> expected = new HashSet<>();
        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        String[] cursors = new String[3];
        List<String> types = List.of("asset", "alert", "incident");
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < 5; i++) {
                String name = "sa-" + suffix + "-" + round + "-" + i;
                expected.add(publishEach(sensor, name, round * 5 + i));
            }
            for (int t = 0; t < types.size(); t++) {
                cursors[t] = follow(platform, types.get(t), sensor.id(), cursors[t], seen, duplicates);
            }
        }
        for (int t = 0; t < types.size(); t++) {
            follow(platform, types.get(t), sensor.id(), cursors[t], seen, duplicates);
        }
        assertThat(duplicates).as("items seen twice").isEmpty();
        Set<String> everyItem = new HashSet<>();
        expected.forEach(name -> types.forEach(type -> everyItem.add(type + ":" + name)));
        assertThat(seen).as("every asset, alert and incident, once").containsExactlyInAnyOrderElementsOf(everyItem);
    }

    /** Publishes an asset, an alert and an incident named {@code name}; answers the name. */
    private static String publishEach(VendorProduct sensor, String name, int n) {
        published(sensor.publish(envelope(sensor.id(), "asset", """
                {"assetId":"%s","name":"%s","kind":"server","network":{"ips":["10.77.%d.%d"]}}"""
                .formatted(name, name, n / 250, n % 250 + 1))));
        published(sensor.publish(envelope(sensor.id(), "alert", """
                {"name":"%s","category":"network-attack/scan","severity":2}""".formatted(name))));
        published(sensor.publish(envelope(sensor.id(), "incident", """
                {"incidentId":"%s","title":"%s","category":"network-attack","grade":"IV","status":"new"}"""
                .formatted(name, name))));
        return name;
    }

    /** Reads every page after {@code cursor}; notes what it saw; answers the cursor to go on from. */
    private static String follow(VendorProduct platform, String type, String producer, String cursor, Set<String> seen,
            List<String> duplicates) {
        String url = cursor == null ? "/information?type=" + type + "&producer=" + producer + "&limit=7"
                : "/information?cursor=" + cursor + "&limit=7";
        while (true) {
            HttpResponse<String> response = TestIdentities.product(platform.id()).get(url);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonObject page = Hub.json(response);
            for (JsonObject item : page.getJsonArray("items").getValuesAs(JsonObject.class)) {
                JsonObject body = item.getJsonObject("body");
                String name = type.equals("incident") ? body.getString("title") : body.getString("name");
                if (!seen.add(type + ":" + name)) {
                    duplicates.add(type + ":" + name);
                }
            }
            cursor = page.containsKey("cursor") ? page.getString("cursor") : cursor;
            if (!page.containsKey("next")) {
                return cursor;
            }
            url = page.getString("next");
        }
    }
}
