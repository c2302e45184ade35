package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** OpenC2 round trips at /.well-known/openc2, with products that answer over plain JMS. */
@ExtendWith(HubReady.class)
class OpenC2IT {

    private static final String OPENC2 = "application/openc2+json;version=1.0";
    private static final String DENY = """
            {"action":"deny","target":{"ipv4_connection":{"src_addr":"198.51.100.9","dst_port":443,"protocol":"tcp"}},
             "args":{"response_requested":"complete"}}""";

    private final String suffix = UUID.randomUUID().toString().substring(0, 6);
    private final String firewall = "ngfw-" + suffix;
    private final String edr = "edr-" + suffix;
    private final ExecutorService actuators = Executors.newCachedThreadPool();

    @BeforeEach
    void register() {
        register(firewall, "area-boundary", "protect.block-ip");
        register(edr, "computing-environment", "dispose.isolate-host");
    }

    @AfterEach
    void deregister() {
        actuators.shutdownNow();
        for (String id : List.of(firewall, edr)) {
            Hub.send(HttpRequest.newBuilder(URI.create(Hub.API + "/products/" + id)).DELETE().build());
        }
    }

    @Test
    void denyIpv4ConnectionBlocksTheSourceOnTheNamedFirewall() throws Exception {
        Future<JsonObject> command = actuator(firewall);
        String requestId = UUID.randomUUID().toString();

        HttpResponse<String> response = openc2(message(requestId, firewall, """
                {"action":"deny","target":{"ipv4_connection":{"src_addr":"198.51.100.7","dst_port":443,"protocol":"tcp"}},
                 "args":{"response_requested":"complete","slpf":{"direction":"ingress"}}}"""));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/openc2+json");
        JsonObject answer = Hub.json(response);
        assertThat(answer.getJsonObject("headers").getString("request_id")).isEqualTo(requestId);
        JsonObject openc2 = answer.getJsonObject("body").getJsonObject("openc2").getJsonObject("response");
        assertThat(openc2.getInt("status")).isEqualTo(200);
        JsonObject arguments = command.get(10, TimeUnit.SECONDS).getJsonObject("arguments");
        assertThat(arguments.getString("ip")).isEqualTo("198.51.100.7");
        assertThat(arguments.getString("direction")).isEqualTo("inbound");
    }

    @Test
    void containDeviceIsolatesTheHostOnTheEdr() throws Exception {
        Future<JsonObject> command = actuator(edr);

        HttpResponse<String> response = openc2(message(UUID.randomUUID().toString(), edr, """
                {"action":"contain","target":{"device":{"hostname":"ws-17.corp.example"}}}"""));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject issued = command.get(10, TimeUnit.SECONDS);
        assertThat(issued.getString("function")).isEqualTo("dispose.isolate-host");
        assertThat(issued.getJsonObject("arguments").getJsonObject("host").getString("hostname"))
                .isEqualTo("ws-17.corp.example");
    }

    /** A typo in {@code to} must not become {@code all}: it would block the address on every firewall. */
    @Test
    void aCommandToAnActuatorThatIsNotRegisteredIsRefusedWith404AndReachesNoFirewall() throws Exception {
        String typo = "fw-typo-" + suffix;

        HttpResponse<String> response = openc2(message(UUID.randomUUID().toString(), typo, DENY));

        assertThat(response.statusCode()).isEqualTo(404);
        JsonObject openc2 = Hub.json(response).getJsonObject("body").getJsonObject("openc2").getJsonObject("response");
        assertThat(openc2.getInt("status")).isEqualTo(404);
        assertThat(openc2.getString("status_text")).contains(typo);
        try (JMSContext context = Hub.jms().createContext();
                JMSConsumer queue = context.createConsumer(context.createQueue("hutong.function." + firewall))) {
            assertThat(queue.receive(Duration.ofSeconds(3).toMillis())).as("a command for the registered firewall").isNull();
        }
    }

    /** Who acts is who logged in: the message's {@code from} is only a claim, kept beside it. */
    @Test
    void theInvocationIsRequestedByTheAuthenticatedOperatorNotByTheMessagesFrom() throws Exception {
        Future<JsonObject> command = actuator(firewall);
        Instant before = Instant.now().minusSeconds(1);

        HttpResponse<String> response = openc2(message(UUID.randomUUID().toString(), firewall, DENY));

        assertThat(response.statusCode()).isEqualTo(200);
        command.get(10, TimeUnit.SECONDS);
        String invocation = Hub.json(response).getJsonObject("body").getJsonObject("openc2").getJsonObject("response")
                .getJsonObject("results").getJsonObject("x-hutong").getString("invocation");
        String operator = TestIdentities.OPERATOR.user();
        assertThat(Hub.json(Hub.get("/invocations/" + invocation)).getString("requestedBy")).isEqualTo(operator);
        JsonObject started = Hub.json(Hub.get("/audit?action=invocation.start&since=" + before + "&limit=1000"))
                .getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(record -> invocation.equals(record.getString("target"))).findFirst().orElseThrow();
        assertThat(started.getString("actor")).isEqualTo(operator);
        assertThat(started.getString("detail")).contains("soc-playbook");
    }

    @Test
    void answersQueryFeaturesFromTheRegistry() {
        HttpResponse<String> response = openc2("""
                {"action":"query","target":{"features":["versions","profiles","pairs","rate_limit"]}}""");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject results = Hub.json(response).getJsonObject("body").getJsonObject("openc2").getJsonObject("response")
                .getJsonObject("results");
        assertThat(results.getJsonArray("versions").getString(0)).isEqualTo("1.0");
        assertThat(results.getJsonArray("profiles").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString).contains("slpf", "er");
        assertThat(results.getJsonObject("pairs").getJsonArray("deny").toString()).contains("ipv4_connection");
        assertThat(results.getJsonObject("pairs").getJsonArray("contain").toString()).contains("device");
        assertThat(results.getInt("rate_limit")).isPositive();
    }

    @Test
    void refusesMalformedCommandsWith400AndAReason() {
        for (String malformed : List.of("{\"action\":\"deny\"}",
                "{\"action\":\"explode\",\"target\":{\"ipv4_net\":\"10.0.0.1\"}}",
                "{\"action\":\"deny\",\"target\":{\"ipv4_net\":\"10.0.0.300\"}}",
                "not json")) {
            HttpResponse<String> response = openc2(malformed);
            assertThat(response.statusCode()).as(malformed).isEqualTo(400);
            JsonObject openc2 = Hub.json(response).getJsonObject("body").getJsonObject("openc2").getJsonObject("response");
            assertThat(openc2.getInt("status")).isEqualTo(400);
            assertThat(openc2.getString("status_text")).startsWith("Bad Request");
        }
        assertThat(Hub.send(HttpRequest.newBuilder(URI.create(Hub.HTTP + "/.well-known/openc2"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}")).build())
                .statusCode()).isEqualTo(415);
    }

    @Test
    void answersPairsNoProductSupportsWith501() {
        for (String unsupported : List.of(
                "{\"action\":\"start\",\"target\":{\"process\":{\"name\":\"sshd\"}}}",
                "{\"action\":\"delete\",\"target\":{\"file\":{\"path\":\"/tmp/evil\"}}}")) {
            HttpResponse<String> response = openc2(unsupported);
            assertThat(response.statusCode()).as(unsupported).isEqualTo(501);
            assertThat(Hub.json(response).getJsonObject("body").getJsonObject("openc2").getJsonObject("response")
                    .getInt("status")).isEqualTo(501);
        }
    }

    private static String message(String requestId, String to, String command) {
        return Json.createObjectBuilder()
                .add("headers", Json.createObjectBuilder().add("request_id", requestId)
                        .add("created", System.currentTimeMillis()).add("from", "soc-playbook")
                        .add("to", Json.createArrayBuilder().add(to)))
                .add("body", Json.createObjectBuilder().add("openc2", Json.createObjectBuilder()
                        .add("request", Hub.json(command))))
                .build().toString();
    }

    private static HttpResponse<String> openc2(String body) {
        return Hub.send(HttpRequest.newBuilder(URI.create(Hub.HTTP + "/.well-known/openc2"))
                .header("Content-Type", OPENC2).header("Accept", OPENC2)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** An actuator: takes one command off its queue and reports success. */
    private Future<JsonObject> actuator(String id) {
        return actuators.submit(() -> {
            try (JMSContext context = Hub.jms().createContext();
                    JMSConsumer consumer = context.createConsumer(context.createQueue("hutong.function." + id))) {
                Message message = consumer.receive(Duration.ofSeconds(20).toMillis());
                JsonObject command = Hub.json(((TextMessage) message).getText());
                context.createProducer().send(context.createQueue("hutong.function.results"), Json.createObjectBuilder()
                        .add("request_id", command.getString("request_id")).add("product", id)
                        .add("status", "succeeded").build().toString());
                return command;
            }
        });
    }

    private static void register(String id, String category, String function) {
        HttpResponse<String> response = Hub.post("/products", "application/json", """
                {"id":"%s","vendor":"Example","name":"%s","version":"1.0","category":"%s",
                 "functions":["%s"],"commands":{"channel":"jms"}}""".formatted(id, id, category, function));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }
}
