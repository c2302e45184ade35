package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hutong.it.TestIdentities.Caller;
import org.hutong.it.TestIdentities.Person;
import org.hutong.it.TestIdentities.Product;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may do what, end to end: for every endpoint group the right role gets 2xx, a wrong role 403,
 * no credentials 401. People log in through the test LDAP directory; products present client
 * certificates issued by the test CA.
 */
@ExtendWith(HubReady.class)
class SecurityIT {

    private static final String OPENC2 = "application/openc2+json;version=1.0";
    private static final Caller NOBODY = Hub::sendAnonymously;

    private static String sensor;
    private static String other;
    private static String firewall;
    private static String incident;

    @BeforeAll
    static void registerProducts() {
        sensor = register("sensor", "[\"alert\"]", "[\"threat\"]", "[]");
        other = register("other", "[\"alert\"]", "[]", "[]");
        firewall = register("fw", "[]", "[]", "[\"protect.block-ip\"]");
        String incidentId = "INC-" + UUID.randomUUID();
        assertThat(Hub.post("/information", "application/json", StatefulRecordsIT.envelope("incident",
                Hub.uniqueProducer("soc"), StatefulRecordsIT.incident(incidentId, "new"))).statusCode()).isEqualTo(201);
        incident = StatefulRecordsIT.findIncident(incidentId, "new");
    }

    /** One endpoint group: a request, and who may make it. */
    record Group(String name, Function<Caller, HttpResponse<String>> request, Caller right, Caller wrong) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> groups() {
        return Stream.of(
                new Group("publish information (product)",
                        caller -> caller.post("/information", "application/json", Hub.alert(sensor)),
                        product(sensor), TestIdentities.OPERATOR),
                new Group("read information (readers, products)", caller -> caller.get("/information?type=alert"),
                        TestIdentities.AUDITOR, TestIdentities.STAFF),
                new Group("stateful records (people)", caller -> caller.get("/assets"),
                        TestIdentities.OPERATOR, product(sensor)),
                new Group("descriptions (everyone)", caller -> caller.get("/schemas"),
                        product(sensor), TestIdentities.STAFF),
                new Group("function catalog (everyone)", caller -> caller.get("/functions"),
                        product(sensor), TestIdentities.STAFF),
                new Group("register products (admin)", caller -> caller.post("/products", "application/json",
                        RegistryIT.firewall(Hub.uniqueProducer("reg"))), TestIdentities.ADMIN, TestIdentities.OPERATOR),
                new Group("read the registry (people)", caller -> caller.get("/products"),
                        TestIdentities.AUDITOR, product(sensor)),
                new Group("heartbeat (the product itself)",
                        caller -> caller.post("/products/" + sensor + "/heartbeat", "application/json", ""),
                        product(sensor), product(other)),
                new Group("incident transitions (operator)", caller -> caller.post("/incidents/" + incident
                        + "/transitions", "application/json", "{\"status\":\"investigating\"}"),
                        TestIdentities.OPERATOR, TestIdentities.AUDITOR),
                new Group("report results (the product addressed)", SecurityIT::reportResultOfAFreshCommand,
                        product(firewall), TestIdentities.OPERATOR),
                new Group("start invocations (operator)", caller -> caller.post("/invocations", "application/json",
                        "{\"function\":\"protect.block-ip\",\"target\":\"" + firewall
                                + "\",\"timeout\":\"PT5S\",\"arguments\":{\"ip\":\"203.0.113.9\"}}"),
                        TestIdentities.OPERATOR, TestIdentities.AUDITOR),
                new Group("read invocations (people)", caller -> caller.get("/invocations"),
                        TestIdentities.AUDITOR, product(sensor)),
                new Group("audit trail (auditor, admin)", caller -> caller.get("/audit?limit=5"),
                        TestIdentities.AUDITOR, TestIdentities.OPERATOR),
                new Group("audit verification (auditor, admin)", caller -> caller.get("/audit/verify"),
                        TestIdentities.ADMIN, product(sensor)),
                new Group("OpenC2 consumer (operator)", caller -> caller.send(HttpRequest.newBuilder(
                        URI.create(Hub.HTTP + "/.well-known/openc2")).header("Content-Type", OPENC2)
                        .header("Accept", OPENC2).POST(HttpRequest.BodyPublishers.ofString(
                                "{\"action\":\"query\",\"target\":{\"features\":[\"versions\"]}}")).build()),
                        TestIdentities.OPERATOR, TestIdentities.AUDITOR),
                new Group("metrics (admin)", caller -> caller.send(HttpRequest.newBuilder(
                        URI.create(Hub.HTTPS + "/metrics")).GET().build()),
                        TestIdentities.ADMIN, TestIdentities.OPERATOR),
                new Group("Admin Center (admin)", caller -> caller.send(HttpRequest.newBuilder(
                        URI.create(Hub.HTTPS + "/ibm/api/adminCenter/v1/toolbox")).GET().build()),
                        TestIdentities.ADMIN, TestIdentities.OPERATOR))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void theRightRoleGets2xxAWrongRole403AndNoCredentials401(Group group) {
        HttpResponse<String> right = group.request().apply(group.right());
        assertThat(right.statusCode()).as("%s as %s: %s", group, group.right(), right.body()).isBetween(200, 299);

        HttpResponse<String> wrong = group.request().apply(group.wrong());
        assertThat(wrong.statusCode()).as("%s as %s: %s", group, group.wrong(), wrong.body()).isEqualTo(403);

        HttpResponse<String> none = group.request().apply(NOBODY);
        assertThat(none.statusCode()).as("%s without credentials: %s", group, none.body()).isEqualTo(401);
    }

    @Test
    void healthAndTheOpenApiDocumentArePublic() {
        assertThat(Hub.sendAnonymously(HttpRequest.newBuilder(URI.create(Hub.HTTP + "/health")).build()).statusCode())
                .isEqualTo(200);
        assertThat(Hub.sendAnonymously(HttpRequest.newBuilder(URI.create(Hub.HTTP + "/openapi")).build()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void refusesAProductPublishingInAnotherProductsName() {
        HttpResponse<String> spoofed = product(sensor).post("/information", "application/json", Hub.alert(other));

        assertThat(spoofed.statusCode()).isEqualTo(403);
        assertThat(spoofed.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Hub.json(spoofed).getString("detail"))
                .isEqualTo("the producer '" + other + "' is not the authenticated product '" + sensor + "'");

        HttpResponse<String> batch = product(sensor).post("/information", "application/json",
                "[" + Hub.alert(sensor) + "," + Hub.alert(other) + "]");
        assertThat(batch.statusCode()).isEqualTo(200);
        JsonObject outcome = Hub.json(batch);
        assertThat(outcome.getInt("accepted")).isEqualTo(1);
        assertThat(outcome.getInt("rejected")).isEqualTo(1);
        assertThat(Hub.json(TestIdentities.OPERATOR.get("/information?producer=" + other)).getJsonArray("items")).isEmpty();
    }

    @Test
    void refusesTypesTheProductDidNotRegisterOrSubscribeTo() {
        HttpResponse<String> asset = product(sensor).post("/information", "application/json",
                Fixtures.envelope("asset", "valid", sensor));
        assertThat(asset.statusCode()).isEqualTo(403);
        assertThat(Hub.json(asset).getString("detail")).contains("did not register to publish asset");

        assertThat(product(sensor).get("/information?type=alert").statusCode()).isEqualTo(403);
        assertThat(product(sensor).get("/information?type=threat").statusCode()).isEqualTo(200);
        assertThat(product(sensor).get("/information?producer=" + sensor).statusCode()).isEqualTo(200);
    }

    @Test
    void aProductReportsResultsOnlyForCommandsAddressedToIt() {
        Command command = blockIp(firewall);

        HttpResponse<String> foreign = product(other).post(command.results(), "application/json", command.succeeded());
        assertThat(foreign.statusCode()).isEqualTo(403);

        HttpResponse<String> own = product(firewall).post(command.results(), "application/json", command.succeeded());
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    }

    @Test
    void certificatesOfUnregisteredProductsOrOtherIssuersOpenNothing() {
        assertThat(TestIdentities.product(Hub.uniqueProducer("ghost")).get("/functions").statusCode()).isEqualTo(401);

        // The hub asks for certificates of its product CAs only; one of another issuer is not even presented.
        Product selfSigned = TestIdentities.product(sensor, false);
        assertThat(selfSigned.get("/functions").statusCode()).isEqualTo(401);
    }

    @Test
    void failedLoginsAndDenialsAreAudited() {
        Instant start = Instant.now().minusSeconds(1);
        String marker = "/api/v1/products/probe-" + UUID.randomUUID();
        HttpResponse<String> badPassword = new Person("oscar", "not-oscars-password").get(Hub.HTTP + marker);
        assertThat(badPassword.statusCode()).isEqualTo(401);
        assertThat(badPassword.headers().allValues("WWW-Authenticate")).anySatisfy(value -> assertThat(value).startsWith("Basic"));

        assertThat(TestIdentities.OPERATOR.get("/audit").statusCode()).isEqualTo(403);

        // Only this run's records count: the failure carries the marker path, the denial is newer than the start.
        JsonObject failures = Hub.json(TestIdentities.AUDITOR.get("/audit?action=authentication&actor=oscar&limit=1000"));
        assertThat(failures.getJsonArray("items").getValuesAs(JsonObject.class)).anySatisfy(record -> {
            assertThat(record.getString("target")).isEqualTo(marker);
            assertThat(record.getString("outcome")).isEqualTo("refused");
        });
        JsonObject denials = Hub.json(TestIdentities.AUDITOR.get("/audit?action=authorization&actor=oscar&since=" + start
                + "&limit=1000"));
        assertThat(denials.getJsonArray("items").getValuesAs(JsonObject.class))
                .anySatisfy(record -> assertThat(record.getString("target")).isEqualTo("GET /api/v1/audit"));
    }

    @Test
    void peopleLogInWithOpenIdConnectTokensAndTheirGroupsGrantTheRoles() {
        TestIdentities.Bearer kim = TestIdentities.Bearer.person("kim", "kim-pw");
        TestIdentities.Bearer nick = TestIdentities.Bearer.person("nick", "nick-pw");

        assertThat(kim.post("/invocations", "application/json", "{\"function\":\"protect.block-ip\",\"target\":\""
                + firewall + "\",\"timeout\":\"PT5S\",\"arguments\":{\"ip\":\"203.0.113.11\"}}").statusCode())
                .isEqualTo(202);
        assertThat(kim.get("/audit").statusCode()).isEqualTo(403);
        assertThat(TestIdentities.Bearer.person("kate", "kate-pw").get("/audit").statusCode()).isEqualTo(200);
        assertThat(nick.get("/functions").statusCode()).isEqualTo(403);

        String forged = kim.token().substring(0, kim.token().lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        HttpResponse<String> refused = new TestIdentities.Bearer(forged).get("/functions");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(Hub.json(refused).getString("detail")).contains("not valid");
    }

    @Test
    void productsAuthenticateWithClientCredentialsTokensAndActOnlyAsThemselves() {
        if (TestIdentities.ADMIN.get("/products/fw-oauth").statusCode() == 404) {
            assertThat(TestIdentities.ADMIN.post("/products", "application/json", """
                    {"id":"fw-oauth","vendor":"Hutong tests","name":"fw-oauth","version":"1","category":"area-boundary",
                     "functions":[],"publishes":["alert"],"subscribes":[],"commands":{"channel":"jms"}}""").statusCode())
                    .isEqualTo(201);
        }
        TestIdentities.Bearer firewallToken = TestIdentities.Bearer.product("fw-oauth", "fw-oauth-secret");

        assertThat(firewallToken.post("/information", "application/json", Hub.alert("fw-oauth")).statusCode()).isEqualTo(201);
        assertThat(firewallToken.post("/information", "application/json", Hub.alert(sensor)).statusCode()).isEqualTo(403);
        assertThat(firewallToken.get("/products").statusCode()).isEqualTo(403);
        // A client the hub has no product for: its valid token proves nothing here.
        assertThat(TestIdentities.Bearer.product("edr-oauth", "edr-oauth-secret").get("/functions").statusCode())
                .isEqualTo(401);
    }

    @Test
    void aProductThatMustSignGetsItsSm2SignedEnvelopesInAndItsUnsignedAndReplayedOnesRefused() {
        ProductSigner signer = ProductSigner.sm2();
        String signing = register("signing", "[\"alert\"]", "[]", "[]", mandatorySm2(signer));
        assertThat(Hub.json(TestIdentities.ADMIN.get("/products/" + signing)).getJsonObject("signing")
                .getString("algorithm")).isEqualTo("SM2");

        HttpResponse<String> unsigned = product(signing).post("/information", "application/json", Hub.alert(signing));
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(Hub.json(unsigned).getString("detail")).contains("is not signed");

        String signed = signer.sign(Hub.alert(signing));
        HttpResponse<String> accepted = product(signing).post("/information", "application/json", signed);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);

        HttpResponse<String> replayed = product(signing).post("/information", "application/json", signed);
        assertThat(replayed.statusCode()).isEqualTo(409);
        assertThat(Hub.json(replayed).getString("detail")).contains("a replay");

        String tampered = signer.sign(Hub.alert(signing)).replace("port scan", "all quiet");
        assertThat(product(signing).post("/information", "application/json", tampered).statusCode()).isEqualTo(403);
    }

    @Test
    void aProductThatMustSignHasItsUnsignedResultsRefusedAndItsSignedOnesApplied() {
        ProductSigner signer = ProductSigner.sm2();
        String signingFirewall = register("signing-fw", "[]", "[]", "[\"protect.block-ip\"]", mandatorySm2(signer));
        Command command = blockIp(signingFirewall);

        HttpResponse<String> unsigned = product(signingFirewall).post(command.results(), "application/json",
                command.succeeded());
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(Hub.json(unsigned).getString("detail")).contains("is not signed");

        HttpResponse<String> signed = product(signingFirewall).post(command.results(), "application/json",
                signer.sign(command.succeeded()));
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        assertThat(Hub.json(signed).getString("status")).isEqualTo("succeeded");
    }

    @Test
    void aProductOverItsRateLimitGets429WithRetryAfter() {
        String limited = register("limited", "[]", "[]", "[]", ",\"rateLimit\":2");

        // 20 requests: even at 400 ms each the bucket (2 + 2/s) runs dry.
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(product(limited).get("/functions"));
        }

        assertThat(answers.get(0).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = answers.stream().filter(answer -> answer.statusCode() == 429).findFirst()
                .orElseThrow(() -> new AssertionError("no 429 among " + answers.stream().map(HttpResponse::statusCode).toList()));
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 2L);
        assertThat(Hub.json(refused).getString("detail")).contains("2 requests per second");
        // Other products keep their own allowance.
        assertThat(product(sensor).get("/functions").statusCode()).isEqualTo(200);
    }

    @Test
    void theSecurityConfigurationIsInTheAuditTrail() {
        JsonObject records = Hub.json(TestIdentities.AUDITOR.get("/audit?action=configuration.security&limit=1000"));
        assertThat(records.getJsonArray("items").getValuesAs(JsonObject.class)).last()
                .satisfies(record -> assertThat(record.getString("detail")).contains("hutong.oidc.issuer=http://127.0.0.1")
                        .contains("hutong.security.operator.group=hutong-operators").doesNotContain("password"));
    }

    /** Starts a block-ip on the firewall as an operator; {@code caller} reports its result. */
    private static HttpResponse<String> reportResultOfAFreshCommand(Caller caller) {
        Command command = blockIp(firewall);
        return caller.post(command.results(), "application/json", command.succeeded());
    }

    /** A block-ip command an operator started on one product. */
    record Command(String invocation, String requestId) {
        String results() {
            return invocation + "/results";
        }

        String succeeded() {
            return "{\"request_id\":\"" + requestId + "\",\"status\":\"succeeded\"}";
        }
    }

    private static Command blockIp(String target) {
        HttpResponse<String> started = TestIdentities.OPERATOR.post("/invocations", "application/json",
                "{\"function\":\"protect.block-ip\",\"target\":\"" + target
                        + "\",\"timeout\":\"PT30S\",\"arguments\":{\"ip\":\"203.0.113.10\"}}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        return new Command(location, Hub.json(TestIdentities.OPERATOR.get(location)).getJsonArray("targets")
                .getJsonObject(0).getString("requestId"));
    }

    /** Registration members: signatures with {@code signer}'s SM2 key are mandatory. */
    private static String mandatorySm2(ProductSigner signer) {
        return ",\"signing\":{\"algorithm\":\"SM2\",\"publicKey\":" + Json.createValue(signer.publicKeyPem())
                + ",\"required\":true}";
    }

    private static Product product(String id) {
        return TestIdentities.product(id);
    }

    private static String register(String prefix, String publishes, String subscribes, String functions) {
        return register(prefix, publishes, subscribes, functions, "");
    }

    /** @param more further registration members, each preceded by a comma */
    private static String register(String prefix, String publishes, String subscribes, String functions, String more) {
        String id = Hub.uniqueProducer(prefix);
        HttpResponse<String> registered = TestIdentities.ADMIN.post("/products", "application/json", """
                {"id":"%s","vendor":"Hutong tests","name":"%s","version":"1","category":"security-management",
                 "functions":%s,"publishes":%s,"subscribes":%s,"commands":{"channel":"jms"}%s}"""
                .formatted(id, id, functions, publishes, subscribes, more));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return id;
    }
}
