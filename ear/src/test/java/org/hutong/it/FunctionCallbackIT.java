package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Products and callers reached over HTTP: a product that takes commands at its callback URL gets
 * them again after a failed delivery; a caller's callback URL receives the ended invocation.
 */
@ExtendWith(HubReady.class)
class FunctionCallbackIT {

    private final HttpServer server = start();
    private final BlockingQueue<String> commands = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> signatures = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> callbacks = new LinkedBlockingQueue<>();
    private final AtomicInteger deliveries = new AtomicInteger();

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aCallbackProductGetsItsCommandAgainAfterAFailedDeliveryAndTheCallerIsCalledBack() throws Exception {
        String product = "waf-" + UUID.randomUUID().toString().substring(0, 6);
        int port = server.getAddress().getPort();
        assertThat(registerWaf(product, "http://127.0.0.1:" + port + "/commands").statusCode()).isEqualTo(201);

        HttpResponse<String> started = Hub.post("/invocations", "application/json", """
                {"function":"protect.block-url","target":"%s","timeout":"PT60S",
                 "arguments":{"url":"https://evil.example/login"},"callback":"http://127.0.0.1:%d/callback"}"""
                .formatted(product, port));
        assertThat(started.statusCode()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();

        // The first delivery is answered 503; the hub tries again after a back-off.
        String command = commands.poll(30, TimeUnit.SECONDS);
        assertThat(command).as("the command arrived after a retry").isNotNull();
        assertThat(deliveries).hasValue(2);
        JsonObject json = Hub.json(command);
        assertThat(json.getString("function")).isEqualTo("protect.block-url");
        assertSignedByTheHub(command, signatures.poll(1, TimeUnit.SECONDS), product);
        HttpResponse<String> reported = Hub.post(location.replace(Hub.API, "") + "/results", "application/json",
                "{\"request_id\":\"%s\",\"product\":\"%s\",\"status\":\"succeeded\",\"result\":{\"blocked\":true}}"
                        .formatted(json.getString("request_id"), product));
        assertThat(reported.statusCode()).isEqualTo(200);

        String callback = callbacks.poll(30, TimeUnit.SECONDS);
        assertThat(callback).as("the caller was called back").isNotNull();
        JsonObject ended = Hub.json(callback);
        assertThat(ended.getString("status")).isEqualTo("succeeded");
        assertThat(ended.getJsonArray("targets").getJsonObject(0).getJsonObject("result").getBoolean("blocked")).isTrue();
        // The delivery is recorded once the caller has answered: wait for that record.
        Hub.await(Duration.ofSeconds(10), "the callback to be recorded", () -> Hub.json(Hub.get(location))
                .getJsonArray("events").toString().contains("callback-delivered"));
        JsonObject read = Hub.json(Hub.get(location));
        assertThat(read.getJsonArray("events").getValuesAs(JsonObject.class)).extracting(e -> e.getString("kind"))
                .containsSubsequence("pending", "delivery-failed", "dispatched", "succeeded", "callback-delivered");
        Hub.send(HttpRequest.newBuilder(URI.create(Hub.API + "/products/" + product)).DELETE().build());
    }

    @Test
    void refusesACallbackThatIsNotAnHttpUrl() {
        HttpResponse<String> refused = Hub.post("/invocations", "application/json", """
                {"function":"monitor.query-status","target":"all","arguments":{},"callback":"ftp://example/x"}""");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Hub.json(refused).getJsonArray("violations").getValuesAs(JsonObject.class))
                .extracting(v -> v.getString("pointer")).contains("/callback");
    }

    /**
     * A product checks that a command came from the hub: a detached JWS over the exact body, verified
     * with Nimbus (not Hutong's code) against the key the hub publishes to products.
     */
    private static void assertSignedByTheHub(String body, String signature, String product) throws Exception {
        assertThat(signature).as("X-Hutong-Signature").isNotNull().isNotEqualTo("null");
        JWSObject jws = JWSObject.parse(signature, new Payload(body));
        assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        HttpResponse<String> published = TestIdentities.product(product).get("/hub/keys");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        JWK key = JWKSet.parse(published.body()).getKeyByKeyId(jws.getHeader().getKeyID());
        assertThat(key).as("the published key " + jws.getHeader().getKeyID()).isNotNull();
        assertThat(jws.verify(new ECDSAVerifier(key.toECKey()))).as("the signature verifies").isTrue();
        JWSObject tampered = JWSObject.parse(signature, new Payload(body.replace("evil.example", "good.example")));
        assertThat(tampered.verify(new ECDSAVerifier(key.toECKey()))).as("a changed body does not verify").isFalse();
    }

    /** Blind SSRF: the hub must not be made to call the cloud metadata service, its own broker console, or the LAN. */
    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://127.0.0.2:8161/console",
        "http://[::1]:8161/", "http://10.20.30.40/admin", "http://0.0.0.0:9080/", "http://100.64.0.1/",
        "http://224.0.0.1/"})
    void refusesCallbacksAndCommandUrlsThatReachNonPublicAddresses(String url) {
        HttpResponse<String> invocation = Hub.post("/invocations", "application/json", """
                {"function":"monitor.query-status","target":"all","arguments":{},"callback":"%s"}""".formatted(url));
        assertThat(invocation.statusCode()).as(invocation.body()).isEqualTo(400);
        assertThat(Hub.json(invocation).getJsonArray("violations").getValuesAs(JsonObject.class))
                .anySatisfy(v -> assertThat(v.getString("pointer") + " " + v.getString("message"))
                        .startsWith("/callback").contains("not a public address"));

        String product = "waf-" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> registration = registerWaf(product, url);
        assertThat(registration.statusCode()).as(registration.body()).isEqualTo(400);
        assertThat(Hub.json(registration).getJsonArray("violations").getValuesAs(JsonObject.class))
                .anySatisfy(v -> assertThat(v.getString("pointer") + " " + v.getString("message"))
                        .startsWith("/commands/url").contains("not a public address"));
    }

    /** A port oracle: what a failed delivery records must not tell an open port from a closed one. */
    @Test
    void aFailedDeliveryIsRecordedWithoutTheRemoteEndsWords() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String product = "waf-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(registerWaf(product, "http://127.0.0.1:" + closedPort + "/commands").statusCode()).isEqualTo(201);
        HttpResponse<String> started = Hub.post("/invocations", "application/json", """
                {"function":"protect.block-url","target":"%s","timeout":"PT60S",
                 "arguments":{"url":"https://evil.example/login"}}""".formatted(product));
        String location = started.headers().firstValue("Location").orElseThrow();

        Hub.await(Duration.ofSeconds(20), "a failed delivery", () -> Hub.json(Hub.get(location))
                .getJsonArray("events").toString().contains("delivery-failed"));

        assertThat(Hub.json(Hub.get(location)).getJsonArray("events").getValuesAs(JsonObject.class))
                .filteredOn(e -> e.getString("kind").equals("delivery-failed"))
                .first().satisfies(e -> assertThat(e.getString("detail")).isEqualTo("could not connect"));
        Hub.send(HttpRequest.newBuilder(URI.create(Hub.API + "/products/" + product)).DELETE().build());
    }

    /** Registers a web application firewall that takes its commands over HTTPS at {@code url}. */
    private static HttpResponse<String> registerWaf(String product, String url) {
        return Hub.post("/products", "application/json", """
                {"id":"%s","vendor":"Example","name":"WAF","version":"3","category":"area-boundary",
                 "functions":["protect.block-url"],"commands":{"channel":"https","url":"%s"}}""".formatted(product, url));
    }

    private HttpServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/commands", exchange -> {
                String body = read(exchange.getRequestBody());
                if (deliveries.incrementAndGet() == 1) {
                    exchange.sendResponseHeaders(503, -1);
                } else {
                    commands.add(body);
                    signatures.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Hutong-Signature")));
                    exchange.sendResponseHeaders(202, -1);
                }
                exchange.close();
            });
            http.createContext("/callback", exchange -> {
                callbacks.add(read(exchange.getRequestBody()));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            http.start();
            return http;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
