package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Products written the way a vendor would write them — plain JMS and HTTP, no Hutong classes —
 * register, take commands from their queues and report results.
 */
@ExtendWith(HubReady.class)
class FunctionScenarioIT {

    private final String suffix = UUID.randomUUID().toString().substring(0, 6);
    private final String firewallA = "fw-a-" + suffix;
    private final String firewallB = "fw-b-" + suffix;
    private final String edr = "edr-" + suffix;
    private final ExecutorService products = Executors.newCachedThreadPool();
    private final List<Future<List<JsonObject>>> running = new ArrayList<>();

    @BeforeEach
    void registerProducts() {
        // "all" means every active provider: products other tests left active would never answer.
        JsonObject providers = Hub.json(Hub.get("/products?function=protect.block-ip&status=active&limit=1000"));
        providers.getJsonArray("items").getValuesAs(JsonObject.class).forEach(product -> Hub.send(HttpRequest
                .newBuilder(URI.create(Hub.API + "/products/" + product.getString("id"))).DELETE().build()));
        register(firewallA, "area-boundary", "protect.block-ip");
        register(firewallB, "area-boundary", "protect.block-ip");
        register(edr, "computing-environment", "dispose.isolate-host");
    }

    @AfterEach
    void stopProducts() {
        products.shutdownNow();
        for (String id : List.of(firewallA, firewallB, edr)) {
            Hub.send(HttpRequest.newBuilder(URI.create(Hub.API + "/products/" + id)).DELETE().build());
        }
    }

    @Test
    void blockIpOnAllReachesEveryFirewallAndNotTheEdr() throws Exception {
        firewall(firewallA);
        firewall(firewallB);

        HttpResponse<String> response = Hub.post("/invocations?wait=PT20S", "application/json", """
                {"function":"protect.block-ip","target":"all","timeout":"PT30S",
                 "arguments":{"ip":"203.0.113.66","direction":"inbound","reason":"scanner"}}""");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject invocation = Hub.json(response);
        assertThat(invocation.getString("status")).isEqualTo("succeeded");
        assertThat(invocation.getJsonArray("targets").getValuesAs(JsonObject.class))
                .extracting(t -> t.getString("product") + ":" + t.getString("status"))
                .containsExactlyInAnyOrder(firewallA + ":succeeded", firewallB + ":succeeded");
        assertThat(invocation.getJsonArray("targets").getValuesAs(JsonObject.class))
                .allSatisfy(t -> assertThat(t.getJsonObject("result").getString("rule")).startsWith("deny 203.0.113.66"));
        for (Future<List<JsonObject>> firewall : running) {
            assertThat(firewall.get(10, TimeUnit.SECONDS)).singleElement()
                    .satisfies(command -> assertThat(command.getString("function")).isEqualTo("protect.block-ip"));
        }
        try (JMSContext context = Hub.jms().createContext();
                QueueBrowser browser = context.createBrowser(context.createQueue("hutong.function." + edr))) {
            assertThat(browser.getEnumeration().hasMoreElements()).as("the EDR received nothing").isFalse();
        }
        JsonObject read = Hub.json(Hub.get(response.headers().firstValue("Location").orElseThrow()));
        assertThat(read.getJsonArray("events").getValuesAs(JsonObject.class)).extracting(e -> e.getString("kind"))
                .contains("dispatched", "accepted", "succeeded");
        assertThat(Hub.json(Hub.get("/invocations?function=protect.block-ip&status=succeeded&limit=50"))
                .getJsonArray("items").getValuesAs(JsonObject.class)).extracting(i -> i.getString("id"))
                .contains(invocation.getString("id"));
        assertThat(Hub.get("/invocations?status=lost").statusCode()).isEqualTo(400);
    }

    @Test
    void aTargetThatNeverAnswersTimesOutAndItsLateResultIsRefused() throws Exception {
        HttpResponse<String> started = Hub.post("/invocations", "application/json", """
                {"function":"dispose.isolate-host","target":"%s","timeout":"PT2S",
                 "arguments":{"host":{"ip":"10.20.30.40"},"reason":"ransomware"}}""".formatted(edr));
        assertThat(started.statusCode()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();

        JsonObject ended = Hub.json(Hub.get(location + "?wait=PT15S"));

        assertThat(ended.getString("status")).isEqualTo("timed_out");
        JsonObject target = ended.getJsonArray("targets").getJsonObject(0);
        assertThat(target.getString("status")).isEqualTo("timed_out");
        HttpResponse<String> late = Hub.post(location.replace(Hub.API, "") + "/results", "application/json",
                "{\"request_id\":\"%s\",\"product\":\"%s\",\"status\":\"succeeded\"}"
                        .formatted(target.getString("requestId"), edr));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(Hub.json(late).getString("detail")).contains("already ended timed_out");
        // The command expired on the queue at its deadline: the EDR will not act on it later.
        try (JMSContext context = Hub.jms().createContext()) {
            assertThat(context.createConsumer(context.createQueue("hutong.function." + edr)).receive(500)).isNull();
        }
    }

    @Test
    void refusesInvalidArgumentsNamingTheViolation() {
        HttpResponse<String> refused = Hub.post("/invocations", "application/json", """
                {"function":"protect.block-ip","target":"all","arguments":{"ip":"999.1.1.1","colour":"red"}}""");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Hub.json(refused).getJsonArray("violations").getValuesAs(JsonObject.class))
                .extracting(v -> v.getString("pointer")).containsExactlyInAnyOrder("/arguments/ip", "/arguments/colour");
        assertThat(Hub.post("/invocations", "application/json",
                "{\"function\":\"dispose.kill-process\",\"target\":\"all\",\"arguments\":{\"host\":{\"ip\":\"10.0.0.1\"},"
                        + "\"pid\":4}}").statusCode()).as("nobody provides kill-process").isEqualTo(409);
    }

    @Test
    void informationInAResultIsIngestedAsIfTheProductHadPublishedIt() throws Exception {
        String scanner = "scanner-" + suffix;
        register(scanner, "security-management", "identify.discover-assets");
        String mac = String.format("02:00:5E:%02X:%02X:%02X", (int) (Math.random() * 256), (int) (Math.random() * 256),
                (int) (Math.random() * 256));
        Future<List<JsonObject>> answered = products.submit(() -> {
            // The scanner takes its command and reports with its own broker account, as a product would.
            try (JMSContext context = new ActiveMQConnectionFactory(Hub.BROKER_URL, scanner, BROKER_PASSWORDS.get(scanner))
                    .createContext();
                    JMSConsumer consumer = context.createConsumer(context.createQueue("hutong.function." + scanner))) {
                JsonObject command = Hub.json(((TextMessage) consumer.receive(30_000)).getText());
                JsonObject asset = Json.createObjectBuilder().add("id", UUID.randomUUID().toString()).add("type", "asset")
                        .add("specVersion", "1.0").add("producer", scanner).add("time", Instant.now().toString())
                        .add("body", Json.createObjectBuilder().add("kind", "server").add("name", "found-by-scan")
                                .add("network", Json.createObjectBuilder()
                                        .add("ips", Json.createArrayBuilder().add("10.77.0.5"))
                                        .add("macs", Json.createArrayBuilder().add(mac))))
                        .build();
                context.createProducer().send(context.createQueue("hutong.function.results"), Json.createObjectBuilder()
                        .add("request_id", command.getString("request_id")).add("product", scanner)
                        .add("status", "succeeded").add("result", Json.createObjectBuilder().add("found", 1))
                        .add("information", Json.createArrayBuilder().add(asset)).build().toString());
                return List.of(command);
            }
        });

        HttpResponse<String> response = Hub.post("/invocations?wait=PT20S", "application/json", """
                {"function":"identify.discover-assets","target":"%s","arguments":{"networks":["10.77.0.0/24"]}}"""
                .formatted(scanner));

        assertThat(Hub.json(response).getString("status")).isEqualTo("succeeded");
        assertThat(answered.get(10, TimeUnit.SECONDS)).hasSize(1);
        assertThat(Hub.json(Hub.get("/assets?mac=" + mac)).getJsonArray("items").getValuesAs(JsonObject.class))
                .singleElement().satisfies(asset -> assertThat(asset.getJsonObject("state").getString("name"))
                        .isEqualTo("found-by-scan"));
        Hub.send(HttpRequest.newBuilder(URI.create(Hub.API + "/products/" + scanner)).DELETE().build());
    }

    @Test
    void parksAResultForAnUnknownRequestWithItsReason() throws Exception {
        String payload = "{\"request_id\":\"" + UUID.randomUUID() + "\",\"status\":\"succeeded\"}";
        try (JMSContext context = Hub.jms().createContext()) {
            context.createProducer().send(context.createQueue("hutong.function.results"), payload);
        }

        Message parked = InformationJmsIT.receiveMatching("hutong.function.results.dlq", payload, Duration.ofSeconds(30));

        assertThat(parked.getStringProperty("hutong_error")).contains("no command has the request id");
    }

    /** A firewall: takes one command from its queue, reports accepted, then succeeded. */
    private void firewall(String id) {
        running.add(products.submit(() -> {
            List<JsonObject> commands = new ArrayList<>();
            // The firewall logs in to the broker with the account its registration issued.
            try (JMSContext context = new ActiveMQConnectionFactory(Hub.BROKER_URL, id, BROKER_PASSWORDS.get(id))
                    .createContext();
                    JMSConsumer consumer = context.createConsumer(context.createQueue("hutong.function." + id))) {
                Message message = consumer.receive(Duration.ofSeconds(30).toMillis());
                if (message == null) {
                    return commands;
                }
                JsonObject command = Hub.json(((TextMessage) message).getText());
                commands.add(command);
                String requestId = command.getString("request_id");
                var results = context.createQueue("hutong.function.results");
                // One message group per command: the hub applies its results in the order sent.
                context.createProducer().setProperty("JMSXGroupID", requestId).send(results, Json.createObjectBuilder()
                        .add("request_id", requestId).add("product", id).add("status", "accepted").build().toString());
                context.createProducer().setProperty("JMSXGroupID", requestId).send(results, Json.createObjectBuilder()
                        .add("request_id", requestId)
                        .add("product", id).add("status", "succeeded")
                        .add("result", Json.createObjectBuilder().add("rule", "deny " + command.getJsonObject("arguments")
                                .getString("ip") + " at " + Instant.now()))
                        .build().toString());
            }
            return commands;
        }));
    }

    private static void register(String id, String category, String function) {
        HttpResponse<String> response = Hub.post("/products", "application/json", """
                {"id":"%s","vendor":"Example","name":"%s","version":"1.0","category":"%s",
                 "functions":["%s"],"publishes":["asset"],"commands":{"channel":"jms"}}""".formatted(id, id, category,
                function));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        BROKER_PASSWORDS.put(id, Hub.json(response).getJsonObject("broker").getString("password"));
    }

    private static final Map<String, String> BROKER_PASSWORDS = new ConcurrentHashMap<>();
}
