package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.ConnectionFactory;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The hub as a vendor's product sees it: an HTTP endpoint and an Artemis broker. Nothing here
 * uses Hutong's own classes. Also controls the running broker and server for resilience tests.
 */
public final class Hub {

    // Json.create* looks the provider up on every call: the load generator would take CPU from the hub.
    private static final JsonProvider JSON = JsonProvider.provider();

    static final String HTTP = System.getProperty("hutong.http.url", "http://127.0.0.1:9080");
    static final String HTTPS = System.getProperty("hutong.https.url", "https://127.0.0.1:9443");
    static final String API = HTTP + "/api/v1";
    static final String BROKER_URL = System.getProperty("hutong.broker.url", "tcp://127.0.0.1:61616");
    static final String BROKER_USER = System.getProperty("hutong.broker.user", "hutong");
    static final String BROKER_PASSWORD = System.getProperty("hutong.broker.password", "hutong-dev-only");
    static final Path ARTEMIS_INSTANCE = Path.of(System.getProperty("hutong.artemis.instance", "target/artemis-instance"));
    static final Path WLP = Path.of(System.getProperty("hutong.wlp.dir", "target/liberty/wlp"));
    static final String SERVER = System.getProperty("hutong.server.name", "hutong");

    static final HttpClient HTTP_CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .sslContext(TestIdentities.tls(null)).build();

    private Hub() {
    }

    /** The hub's own broker account: for hub-side work only (reading dead letters, acting as a bridge). */
    static ConnectionFactory jms() {
        return new ActiveMQConnectionFactory(BROKER_URL, BROKER_USER, BROKER_PASSWORD);
    }

    private static final Map<String, String> BROKER_PASSWORDS = new ConcurrentHashMap<>();

    /**
     * The broker account of test product {@code productId} (registered on first use to publish and
     * subscribe to every type): what a product sends with it is checked like any product's.
     */
    static ConnectionFactory jmsAs(String productId) {
        String password = BROKER_PASSWORDS.computeIfAbsent(productId, id -> {
            registeredProduct(id);
            // Shown once at registration: renew it to learn it, as an administrator would.
            HttpResponse<String> renewed = TestIdentities.ADMIN.post("/products/" + id + "/broker-credentials",
                    "application/json", "");
            assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(200);
            return json(renewed).getString("password");
        });
        return new ActiveMQConnectionFactory(BROKER_URL, productId, password);
    }

    /** A valid alert envelope from {@code producer} with a fresh id. */
    static String alert(String producer) {
        return alert(producer, UUID.randomUUID().toString(), "port scan");
    }

    static String alert(String producer, String id, String name) {
        return JSON.createObjectBuilder()
                .add("id", id)
                .add("type", "alert")
                .add("specVersion", "1.0")
                .add("producer", producer)
                .add("time", Instant.now().toString())
                .add("body", JSON.createObjectBuilder()
                        .add("name", name)
                        .add("category", "network-attack/scan")
                        .add("severity", 3)
                        .add("source", JSON.createObjectBuilder().add("ip", "203.0.113.7"))
                        .add("extension", JsonValue.EMPTY_JSON_OBJECT))
                .build().toString();
    }

    static String uniqueProducer(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Posts as whoever would: information as its producer (a test product registered on first use),
     * results and heartbeats as the product, registrations as an administrator, invocations and
     * incident transitions as an operator. Tests of refusals choose their caller explicitly.
     */
    static HttpResponse<String> post(String path, String contentType, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(API + path))
                .header("Content-Type", contentType)
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return callerFor("POST", path, body).send(request);
    }

    /** Reads as an operator (the audit trail as an auditor); paths outside the API anonymously. */
    static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : API + url))
                .header("Accept", "application/json, application/problem+json").GET().build());
    }

    /** Sends as {@link #post} and {@link #get} would choose, unless the request carries credentials. */
    static HttpResponse<String> send(HttpRequest request) {
        String url = request.uri().toString().replace(HTTPS, HTTP);
        if (request.headers().firstValue("Authorization").isPresent()
                || !url.startsWith(API) && !url.startsWith(HTTP + "/.well-known/")) {
            return sendAnonymously(request);
        }
        String path = url.startsWith(API) ? url.substring(API.length()) : url.substring(HTTP.length());
        return callerFor(request.method(), path, null).send(request);
    }

    static TestIdentities.Caller callerFor(String method, String path, String body) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if (bare.startsWith("/.well-known/openc2")) {
            return TestIdentities.OPERATOR;
        }
        if (bare.startsWith("/audit")) {
            return TestIdentities.AUDITOR;
        }
        if (method.equals("GET")) {
            return TestIdentities.OPERATOR;
        }
        if (bare.matches("/products/[^/]+/heartbeat")) {
            return TestIdentities.product(bare.split("/")[2]);
        }
        if (bare.startsWith("/products")) {
            return TestIdentities.ADMIN;
        }
        if (bare.matches("/invocations/[^/]+/results") && body != null) {
            return TestIdentities.product(json(body).getString("product"));
        }
        if (bare.startsWith("/information") && body != null) {
            return registeredProduct(producerOf(body));
        }
        return TestIdentities.OPERATOR;
    }

    private static final Map<String, TestIdentities.Product> REGISTERED = new ConcurrentHashMap<>();
    private static final String ALL_TYPES = "[\"behavior\",\"alert\",\"asset\",\"vulnerability\",\"threat\",\"incident\"]";

    /**
     * The test product {@code id}, registered on first use (as an administrator would) to publish and
     * subscribe to every information type, unless a test registered it already. Concurrent first
     * uses wait for the one registration.
     */
    public static TestIdentities.Product registeredProduct(String id) {
        return registered(id, ALL_TYPES);
    }

    /**
     * The test product {@code id} registered to publish every type and subscribe to none: a benchmark's
     * sender, whose durable subscription queues nobody would drain (the broker would page them).
     */
    public static TestIdentities.Product registeredPublisher(String id) {
        return registered(id, "[]");
    }

    private static TestIdentities.Product registered(String id, String subscribes) {
        return REGISTERED.computeIfAbsent(id, unregistered -> {
            if (TestIdentities.ADMIN.get("/products/" + id).statusCode() == 404) {
                HttpResponse<String> registered = TestIdentities.ADMIN.post("/products", "application/json", """
                        {"id":"%s","vendor":"Hutong tests","name":"%s","version":"1","category":"security-management",
                         "functions":[],"publishes":%s,"subscribes":%s,"commands":{"channel":"jms"}}"""
                        .formatted(id, id, ALL_TYPES, subscribes));
                assertThat(registered.statusCode()).as("registering test product %s: %s", id, registered.body())
                        .isEqualTo(201);
            }
            return TestIdentities.product(id);
        });
    }

    /** The producer of an envelope, or of a batch's first envelope with a usable one. */
    static String producerOf(String body) {
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            List<JsonValue> envelopes = value instanceof JsonArray batch ? batch : List.of(value);
            for (JsonValue item : envelopes) {
                if (item instanceof JsonObject envelope && envelope.get("producer") instanceof JsonString producer
                        && producer.getString().matches("^[a-z0-9][a-z0-9-]{0,62}$")) {
                    return producer.getString();
                }
            }
        } catch (RuntimeException notJson) {
            // a test of malformed input: any registered product may send it
        }
        return "malformed-input-tests";
    }

    static HttpResponse<String> sendAnonymously(HttpRequest request) {
        try {
            return HTTP_CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonObject json(String text) {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    static JsonObject json(HttpResponse<String> response) {
        return json(response.body());
    }

    /** Waits until /health answers 200 (database and broker UP). */
    public static void awaitReady(Duration timeout) {
        await(timeout, "the hub to be ready", () -> {
            try {
                return get(HTTP + "/health").statusCode() == 200;
            } catch (UncheckedIOException notListening) {
                return false;
            }
        });
    }

    static void await(Duration timeout, String what, Supplier<Boolean> condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (condition.get()) {
                return;
            }
            sleep(Duration.ofMillis(250));
        }
        assertThat(condition.get()).as("waited %s for %s", timeout, what).isTrue();
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the broker the build started (Artemis watches for the stop file). */
    static void stopBroker() {
        run(ARTEMIS_INSTANCE.resolve("bin/artemis").toString(), "stop");
    }

    /** Starts the broker again in the background; the build's post-integration-test phase stops it. */
    static void startBroker() {
        run(ARTEMIS_INSTANCE.resolve("bin/artemis-service").toString(), "start");
    }

    /** {@code kill -9} of the hub's server: no shutdown hook, no orderly close of anything. */
    static java.time.Instant killServer() throws IOException {
        java.nio.file.Path pidFile = WLP.resolve("usr/servers/.pid/" + SERVER + ".pid");
        long pid = Long.parseLong(java.nio.file.Files.readString(pidFile).trim());
        ProcessHandle server = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid));
        // destroyForcibly is SIGKILL on Linux.
        assertThat(server.destroyForcibly()).isTrue();
        server.onExit().join();
        return java.time.Instant.now();
    }

    static void restartServer() {
        run(WLP.resolve("bin/server").toString(), "stop", SERVER);
        run(WLP.resolve("bin/server").toString(), "start", SERVER);
    }

    static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("%s finished", String.join(" ", command)).isTrue();
            assertThat(process.exitValue()).as("exit code of %s", String.join(" ", command)).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
