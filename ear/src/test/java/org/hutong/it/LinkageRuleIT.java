package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Annex A scenario 1 through a linkage rule: an IDS posts an alert over HTTPS, the rule asks every
 * firewall to block the attacker's address, each firewall (plain JMS, no Hutong classes) takes its
 * command and reports; the firing is recorded with its invocation. The same address again is
 * de-duplicated, and a firewall's own alert never makes the rule act on that firewall.
 */
@ExtendWith(HubReady.class)
class LinkageRuleIT {

    private final String suffix = UUID.randomUUID().toString().substring(0, 6);
    private final String ids = "ids-" + suffix;
    private final String firewallA = "fw-a-" + suffix;
    private final String firewallB = "fw-b-" + suffix;
    private final String rule = "block-" + suffix;
    private final Map<String, VendorProduct> products = new HashMap<>();

    @BeforeEach
    void registerProducts() {
        products.put(ids, VendorProduct.register(ids, "computing-environment", List.of(), List.of("alert"), List.of()));
        products.put(firewallA, VendorProduct.register(firewallA, "area-boundary", List.of("protect.block-ip"),
                List.of("alert"), List.of()));
        products.put(firewallB, VendorProduct.register(firewallB, "area-boundary", List.of("protect.block-ip"),
                List.of(), List.of()));
    }

    @AfterEach
    void removeThem() {
        TestIdentities.OPERATOR.send(HttpRequest.newBuilder(URI.create(Hub.API + "/rules/" + rule)).DELETE().build());
        products.values().forEach(VendorProduct::deregister);
    }

    private HttpResponse<String> putRule(String document) {
        return TestIdentities.OPERATOR.send(HttpRequest.newBuilder(URI.create(Hub.API + "/rules/" + rule))
                .header("Content-Type", "application/json").header("Accept", "application/json, application/problem+json")
                .PUT(HttpRequest.BodyPublishers.ofString(document)).build());
    }

    private String blockRule() {
        return """
                {"name":"Block what the IDS sees on every boundary firewall",
                 "trigger":{"type":"alert","producers":["%s","%s"],"minSeverity":3,"categories":["network-attack"],
                            "where":[{"pointer":"/body/source/ip","exists":true}]},
                 "action":{"function":"protect.block-ip","target":"category:area-boundary","timeout":"PT30S",
                           "arguments":{"ip":"${/body/source/ip}","direction":"inbound","reason":"${/body/name}"}},
                 "dedupe":{"key":"${/body/source/ip}","window":"PT1H"}}""".formatted(ids, firewallA);
    }

    @Test
    void anIdsAlertMakesEveryFirewallBlockTheSourceOnceAndTheFiringIsRecorded() {
        HttpResponse<String> created = putRule(blockRule());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(Hub.json(created).getInt("version")).isEqualTo(1);

        String attacker = "203.0.113." + (1 + (int) (Math.random() * 250));
        assertThat(post(ids, alert(ids, attacker, 4)).statusCode()).isEqualTo(201);

        JsonObject commandA = takeCommandAndSucceed(firewallA);
        JsonObject commandB = takeCommandAndSucceed(firewallB);
        assertThat(List.of(commandA, commandB)).allSatisfy(command -> {
            assertThat(command.getString("function")).isEqualTo("protect.block-ip");
            assertThat(command.getJsonObject("arguments").getString("ip")).isEqualTo(attacker);
            assertThat(command.getJsonObject("arguments").getString("reason")).isEqualTo("Port scan from " + attacker);
        });
        assertThat(commandA.getString("invocation_id")).isEqualTo(commandB.getString("invocation_id"));

        JsonObject firing = firings().get(0);
        assertThat(firing.getString("outcome")).isEqualTo("invoked");
        assertThat(firing.getString("invocationId")).isEqualTo(commandA.getString("invocation_id"));
        assertThat(firing.getString("producer")).isEqualTo(ids);
        JsonObject invocation = Hub.json(Hub.get("/invocations/" + firing.getString("invocationId") + "?wait=PT15S"));
        assertThat(invocation.getString("status")).isEqualTo("succeeded");
        assertThat(invocation.getString("requestedBy")).isEqualTo("rule:" + rule + "@1");

        // The same attacker again within the hour: recorded, not acted on.
        assertThat(post(ids, alert(ids, attacker, 4)).statusCode()).isEqualTo(201);
        Hub.await(Duration.ofSeconds(30), "the second firing", () -> firings().size() == 2);
        assertThat(firings().get(0).getString("outcome")).isEqualTo("deduplicated");
        assertNoCommand(firewallA);
        assertNoCommand(firewallB);

        assertThat(Hub.json(Hub.get("/audit?action=linkage.fire&limit=1000")).getJsonArray("items").toString())
                .contains("rule:" + rule + "@1");
    }

    @Test
    void aFirewallsOwnAlertNeverMakesTheRuleActOnThatFirewall() {
        assertThat(putRule(blockRule()).statusCode()).isEqualTo(201);
        String attacker = "198.51.100." + (1 + (int) (Math.random() * 250));
        assertThat(post(firewallA, alert(firewallA, attacker, 3)).statusCode()).isEqualTo(201);

        JsonObject command = takeCommandAndSucceed(firewallB);
        assertThat(command.getJsonObject("arguments").getString("ip")).isEqualTo(attacker);
        assertNoCommand(firewallA);
        JsonObject invocation = Hub.json(Hub.get("/invocations/" + command.getString("invocation_id")));
        assertThat(invocation.getJsonArray("targets").getValuesAs(JsonObject.class))
                .extracting(target -> target.getString("product")).containsExactly(firewallB);
    }

    @Test
    void whatDoesNotMatchDoesNotFireAndADryRunSaysWhatWould() {
        assertThat(putRule(blockRule()).statusCode()).isEqualTo(201);
        assertThat(post(ids, alert(ids, "192.0.2.77", 2)).statusCode()).as("severity 2 < 3").isEqualTo(201);

        JsonObject dryRun = Hub.json(TestIdentities.AUDITOR.post("/rules/" + rule + "/dry-run", "application/json",
                alert(ids, "192.0.2.78", 4)));
        assertThat(dryRun.getBoolean("matches")).isTrue();
        assertThat(dryRun.getString("outcome")).isEqualTo("invoked");
        assertThat(dryRun.getJsonObject("arguments").getString("ip")).isEqualTo("192.0.2.78");
        assertThat(dryRun.getJsonArray("targets").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString).contains(firewallA, firewallB);
        assertThat(Hub.json(TestIdentities.AUDITOR.post("/rules/" + rule + "/dry-run", "application/json",
                alert(ids, "192.0.2.78", 1))).getBoolean("matches")).isFalse();

        Hub.sleep(Duration.ofSeconds(3));
        assertThat(firings()).isEmpty();
        assertNoCommand(firewallA);
    }

    @Test
    void rulesAreCheckedVersionedAndOnlyOperatorsChangeThem() {
        HttpResponse<String> invalid = putRule(blockRule().replace("protect.block-ip", "protect.nuke")
                .replace("PT1H", "forever"));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(Hub.json(invalid).getJsonArray("violations").getValuesAs(JsonObject.class))
                .extracting(violation -> violation.getString("pointer"))
                .containsExactlyInAnyOrder("/action/function", "/dedupe/window");

        assertThat(putRule(blockRule()).statusCode()).isEqualTo(201);
        HttpResponse<String> second = putRule(blockRule().replace("PT30S", "PT45S"));
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(Hub.json(second).getInt("version")).isEqualTo(2);
        assertThat(Json.createReader(new java.io.StringReader(Hub.get("/rules/" + rule + "/versions").body())).readArray()
                .getValuesAs(JsonObject.class)).extracting(version -> version.getInt("version")).containsExactly(2, 1);
        JsonObject disabled = Hub.json(TestIdentities.OPERATOR.post("/rules/" + rule + "/disable", "application/json", ""));
        assertThat(disabled.getBoolean("enabled")).isFalse();
        assertThat(disabled.getInt("version")).as("switching is not a new version").isEqualTo(2);

        HttpResponse<String> auditor = TestIdentities.AUDITOR.send(HttpRequest.newBuilder(URI.create(Hub.API + "/rules/"
                + rule)).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(blockRule()))
                .build());
        assertThat(auditor.statusCode()).isEqualTo(403);
        assertThat(TestIdentities.product(ids).get("/rules").statusCode()).as("products read no rules").isEqualTo(403);
        assertThat(Hub.json(Hub.get("/audit?action=linkage.rule.update&limit=1000")).getJsonArray("items").toString())
                .contains(rule);
    }

    @Test
    void aRuleInApprovalModeWaitsForAnOperatorAndExpiresWithoutOne() {
        assertThat(putRule(blockRule().replace("\"dedupe\"", "\"approval\":{\"expiresAfter\":\"PT1M\"},\"dedupe\"")).statusCode())
                .isEqualTo(201);
        String attacker = "203.0.113." + (1 + (int) (Math.random() * 250));
        assertThat(post(ids, alert(ids, attacker, 4)).statusCode()).isEqualTo(201);
        Hub.await(Duration.ofSeconds(30), "the waiting firing", () -> firings().size() == 1);
        JsonObject waiting = firings().get(0);
        assertThat(waiting.getString("outcome")).isEqualTo("awaiting-approval");
        assertThat(waiting.getJsonObject("arguments").getString("ip")).isEqualTo(attacker);
        assertNoCommand(firewallA);

        HttpResponse<String> approved = TestIdentities.OPERATOR.post("/rules/" + rule + "/firings/"
                + waiting.getJsonNumber("number").longValue() + "/approve", "application/json", "");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(Hub.json(approved).getString("outcome")).isEqualTo("invoked");
        assertThat(Hub.json(approved).getString("decidedBy")).isNotBlank();
        assertThat(takeCommandAndSucceed(firewallA).getJsonObject("arguments").getString("ip")).isEqualTo(attacker);
        assertThat(takeCommandAndSucceed(firewallB).getString("invocation_id"))
                .isEqualTo(Hub.json(approved).getString("invocationId"));
        assertThat(TestIdentities.OPERATOR.post("/rules/" + rule + "/firings/" + waiting.getJsonNumber("number")
                .longValue() + "/approve", "application/json", "").statusCode()).as("decided once").isEqualTo(409);

        // A second version that nobody approves in time.
        assertThat(putRule(blockRule().replace("\"dedupe\"", "\"approval\":{\"expiresAfter\":\"PT5S\"},\"dedupe\""))
                .statusCode()).isEqualTo(200);
        String other = "198.51.100." + (1 + (int) (Math.random() * 250));
        assertThat(post(ids, alert(ids, other, 4)).statusCode()).isEqualTo(201);
        Hub.await(Duration.ofSeconds(30), "the second firing", () -> firings().size() == 2);
        long second = firings().get(0).getJsonNumber("number").longValue();
        Hub.await(Duration.ofSeconds(30), "the firing to expire",
                () -> "expired".equals(firings().get(0).getString("outcome")));
        assertThat(TestIdentities.OPERATOR.post("/rules/" + rule + "/firings/" + second + "/approve", "application/json",
                "").statusCode()).isEqualTo(409);
        assertNoCommand(firewallA);
        assertNoCommand(firewallB);
    }

    @Test
    void aCountingTriggerFiresOnTheThirdAlertFromOneSourceWithinItsWindow() {
        assertThat(putRule(blockRule().replace("\"where\"",
                "\"count\":{\"atLeast\":3,\"within\":\"PT60S\",\"by\":\"${/body/source/ip}\"},\"where\"")).statusCode())
                .isEqualTo(201);
        String attacker = "192.0.2." + (1 + (int) (Math.random() * 250));
        assertThat(post(ids, alert(ids, attacker, 3)).statusCode()).isEqualTo(201);
        assertThat(post(ids, alert(ids, "192.0.2.254", 3)).statusCode()).as("another source").isEqualTo(201);
        assertThat(post(ids, alert(ids, attacker, 3)).statusCode()).isEqualTo(201);
        assertNoCommand(firewallA);
        assertThat(firings()).as("two of one source are not yet three").isEmpty();

        assertThat(post(ids, alert(ids, attacker, 3)).statusCode()).isEqualTo(201);
        assertThat(takeCommandAndSucceed(firewallA).getJsonObject("arguments").getString("ip")).isEqualTo(attacker);
        takeCommandAndSucceed(firewallB);
        assertThat(post(ids, alert(ids, attacker, 3)).statusCode()).isEqualTo(201);
        Hub.await(Duration.ofSeconds(30), "the fourth alert's firing", () -> firings().size() == 2);
        assertThat(firings()).extracting(firing -> firing.getString("outcome"))
                .containsExactly("deduplicated", "invoked");
    }

    private List<JsonObject> firings() {
        return Hub.json(Hub.get("/rules/" + rule + "/firings")).getJsonArray("items").getValuesAs(JsonObject.class);
    }

    private static String alert(String producer, String source, int severity) {
        return """
                {"id":"%s","type":"alert","specVersion":"1.0","producer":"%s","time":"2026-12-05T08:00:00Z",
                 "body":{"name":"Port scan from %s","category":"network-attack/scan","severity":%d,
                         "source":{"ip":"%s"},"destination":{"ip":"10.1.2.3","port":22}}}"""
                .formatted(UUID.randomUUID(), producer, source, severity, source);
    }

    private HttpResponse<String> post(String product, String envelope) {
        return products.get(product).publish(envelope);
    }

    private JsonObject takeCommandAndSucceed(String firewall) {
        return products.get(firewall).takeCommandAndSucceed();
    }

    private void assertNoCommand(String firewall) {
        products.get(firewall).assertNoCommand();
    }
}
