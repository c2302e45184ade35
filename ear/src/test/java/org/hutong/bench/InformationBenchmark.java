package org.hutong.bench;

import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.hutong.it.Hub;
import org.hutong.it.TestIdentities;

/**
 * Measures information ingestion and paging against a running hub and prints each figure on its
 * own line as {@code name: value unit}. Run by {@code mvn verify -Pbenchmark} (see README).
 *
 * <p>Ingestion counts as done when the hub has published the information: it publishes in the
 * same transaction as it stores, so the n-th message on {@code hutong.information.alert} means n
 * alerts are durable. Every bound is in count and time; only loopback addresses are used.
 */
public final class InformationBenchmark {

    // Json.create* looks the provider up on every call: the load generator would take CPU from the hub.
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final String HTTP = System.getProperty("hutong.http.url", "http://127.0.0.1:9080");
    private static final String BROKER = System.getProperty("hutong.broker.url", "tcp://127.0.0.1:61616");
    private static final String USER = System.getProperty("hutong.broker.user", "hutong");
    private static final String PASSWORD = System.getProperty("hutong.broker.password", "hutong-dev-only");
    private static final int ALERTS = Integer.getInteger("bench.alerts", 100_000);
    private static final int BATCH = Integer.getInteger("bench.batch", 1000);
    private static final int PAGE_ROWS = Integer.getInteger("bench.page.rows", 1_000_000);
    private static final int HTTP_CONCURRENCY = Integer.getInteger("bench.http.concurrency", 4);
    private static final Duration LIMIT = Duration.ofMinutes(Long.getLong("bench.limit.minutes", 30));

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private InformationBenchmark() {
    }

    /** Records a failure and returns: the build stops the server and broker it started, then fails. */
    public static void main(String[] args) {
        BenchmarkErrors.clear("InformationBenchmark");
        try {
            awaitReady();
            // A cold server (class loading, JIT, connection pools) would weigh on the first mode only.
            int warmUp = Math.min(ALERTS, 5000);
            jmsSingle(warmUp, "bench-warm");
            httpBatches(warmUp, "bench-warm-http");
            System.out.println("warm_up: " + warmUp + " alerts per JMS message and " + warmUp
                    + " in HTTP batches, not counted");
            double limit = BrokerLimit.measure();
            System.out.printf("broker_persistent_messages_per_second: %.0f messages/s%n", limit);
            System.out.println("alerts_per_run: " + ALERTS + " alerts");
            reportAgainst("jms_single_alerts_per_second", jmsSingle(ALERTS, "bench-jms1"), limit);
            reportAgainst("jms_batch_alerts_per_second", jmsBatches(ALERTS, "bench-jmsb"), limit);
            reportAgainst("http_batch_alerts_per_second", httpBatches(ALERTS, "bench-http"), limit);
            distributionLatency();
            paging();
        } catch (Exception e) {
            BenchmarkErrors.record("InformationBenchmark", e.toString());
        }
    }

    /** A figure, and its ratio to the broker's own persistent rate on this machine. */
    private static void reportAgainst(String name, double alertsPerSecond, double limit) {
        System.out.printf("%s: %.0f alerts/s%n", name, alertsPerSecond);
        System.out.printf("%s_ratio: %.3f%n", name, alertsPerSecond / limit);
    }

    /** One alert per JMS message, sent without waiting for each to be confirmed. */
    private static double jmsSingle(int alerts, String prefix) throws Exception {
        String producer = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return measure(producer, alerts, () -> {
            try (JMSContext context = factory(true).createContext()) {
                Queue ingress = context.createQueue("hutong.information.ingress");
                JMSProducer sender = context.createProducer();
                for (int i = 0; i < alerts; i++) {
                    sender.send(ingress, alert(producer, i));
                }
            }
        });
    }

    /** JSON arrays of {@code bench.batch} alerts per JMS message. */
    private static double jmsBatches(int alerts, String prefix) throws Exception {
        String producer = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return measure(producer, alerts, () -> {
            try (JMSContext context = factory(true).createContext()) {
                Queue ingress = context.createQueue("hutong.information.ingress");
                JMSProducer sender = context.createProducer();
                for (int start = 0; start < alerts; start += BATCH) {
                    sender.send(ingress, batch(producer, start, Math.min(BATCH, alerts - start)));
                }
            }
        });
    }

    /** Batches over HTTP, {@code bench.http.concurrency} requests at a time. */
    private static double httpBatches(int alerts, String prefix) throws Exception {
        String producer = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return measure(producer, alerts, () -> {
            ExecutorService pool = Executors.newFixedThreadPool(HTTP_CONCURRENCY);
            try {
                List<Future<?>> sent = new ArrayList<>();
                for (int start = 0; start < alerts; start += BATCH) {
                    int from = start;
                    sent.add(pool.submit(() -> {
                        HttpResponse<String> response = post(producer, batch(producer, from, Math.min(BATCH, alerts - from)));
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("batch refused: " + response.statusCode() + " " + response.body());
                        }
                        return null;
                    }));
                }
                for (Future<?> future : sent) {
                    future.get(LIMIT.toMinutes(), TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }
        });
    }

    /**
     * How long after its commit a subscriber has an alert: single alerts posted over HTTP at
     * {@code bench.distribution.rate} per second (default 200) for {@code bench.distribution.seconds}
     * (default 20), each measured from the moment its 201 arrived (the commit is before the answer)
     * to its arrival at a subscriber of {@code hutong.information.alert}. An alert that never arrives
     * counts as an infinite latency.
     */
    private static void distributionLatency() throws Exception {
        int rate = Integer.getInteger("bench.distribution.rate", 200);
        int total = rate * Integer.getInteger("bench.distribution.seconds", 20);
        String producer = "bench-dist-" + UUID.randomUUID().toString().substring(0, 8);
        Hub.registeredProduct(producer);
        java.util.Map<String, Long> committed = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.Map<String, Long> arrived = new java.util.concurrent.ConcurrentHashMap<>();
        try (Connection connection = factory(false).createConnection()) {
            Session session = connection.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
            session.createConsumer(session.createTopic("hutong.information.alert"), "hutong_producer = '" + producer + "'")
                    .setMessageListener(message -> {
                        long now = System.nanoTime();
                        try {
                            arrived.putIfAbsent(message.getStringProperty("hutong_hub_id"), now);
                        } catch (jakarta.jms.JMSException e) {
                            throw new IllegalStateException(e);
                        }
                    });
            connection.start();
            ExecutorService posters = Executors.newFixedThreadPool(8);
            FixedRate.submit(rate, total, posters, (n, scheduled) -> {
                HttpResponse<String> response = post(producer, alert(producer, n));
                long answered = System.nanoTime();
                if (response.statusCode() == 201) {
                    committed.put(json(response.body()).getJsonObject("hub").getString("id"), answered);
                }
            });
            posters.shutdown();
            posters.awaitTermination(2, TimeUnit.MINUTES);
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline) && !arrived.keySet().containsAll(committed.keySet())) {
                Thread.sleep(100);
            }
        }
        List<Long> latencies = new ArrayList<>();
        committed.forEach((id, at) -> {
            Long received = arrived.get(id);
            latencies.add(received == null ? Long.MAX_VALUE : Math.max(0, received - at));
        });
        Collections.sort(latencies);
        System.out.println("distribution_alerts: " + committed.size() + " of " + total + " answered 201 at " + rate + "/s");
        System.out.println("distribution_latency_p50: " + millis(percentile(latencies, 50)) + " ms");
        System.out.println("distribution_latency_p99: " + millis(percentile(latencies, 99)) + " ms");
        System.out.println("distribution_latency_max: " + millis(latencies.get(latencies.size() - 1)) + " ms");
    }

    private static String millis(long nanos) {
        return nanos == Long.MAX_VALUE ? "inf" : String.format("%.1f", nanos / 1e6);
    }

    /**
     * Fills the hub to {@code bench.page.rows} alerts if needed, then pages through all of them twice:
     * the first walk counts them (its pages are the first reads since the fill: the nearest this
     * benchmark gets to cold without restarting PostgreSQL and dropping the OS cache), the second is
     * the figure, read with the pages in PostgreSQL's buffers. Both are printed.
     */
    private static void paging() throws Exception {
        List<Long> firstWalk = new ArrayList<>();
        long stored = walkAlerts(firstWalk);
        if (stored < PAGE_ROWS) {
            // JMS batches: over one long-lived HTTP/2 connection the fill slowed from ~2 900 to ~150 alerts/s
            // after a few minutes (README, Benchmarks); the fill only has to store the rows.
            jmsBatches((int) (PAGE_ROWS - stored), "bench-fill");
            firstWalk.clear();
            stored = walkAlerts(firstWalk);
        }
        System.out.println("stored_alerts: " + stored + " alerts");
        Collections.sort(firstWalk);
        System.out.printf("page_first_walk_latency_p95: %.1f ms%n", percentile(firstWalk, 95) / 1e6);
        List<Long> latencies = new ArrayList<>();
        long rows = walkAlerts(latencies);
        Collections.sort(latencies);
        System.out.println("paged_alerts: " + rows + " alerts in " + latencies.size() + " pages of 1000 (second walk)");
        System.out.printf("page_latency_p50: %.1f ms%n", percentile(latencies, 50) / 1e6);
        System.out.printf("page_latency_p95: %.1f ms%n", percentile(latencies, 95) / 1e6);
        System.out.printf("page_latency_max: %.1f ms%n", latencies.get(latencies.size() - 1) / 1e6);
    }

    /** Pages through every stored alert, adding each page's latency to {@code latencies}; returns how many. */
    private static long walkAlerts(List<Long> latencies) throws Exception {
        long count = 0;
        String next = HTTP + "/api/v1/information?type=alert&limit=1000";
        Instant deadline = Instant.now().plus(LIMIT);
        while (next != null && Instant.now().isBefore(deadline)) {
            long started = System.nanoTime();
            HttpResponse<String> page = get(next);
            latencies.add(System.nanoTime() - started);
            JsonObject body = json(page.body());
            count += body.getJsonArray("items").size();
            next = body.containsKey("next") ? body.getString("next") : null;
        }
        return count;
    }

    private interface Load {
        void send() throws Exception;
    }

    /** Alerts per second from the first send until the hub has published {@code expected} of them. */
    private static double measure(String producer, int expected, Load load) throws Exception {
        ActiveMQConnectionFactory factory = factory(false);
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
            MessageConsumer published = session.createConsumer(session.createTopic("hutong.information.alert"),
                    "hutong_producer = '" + producer + "'");
            AtomicInteger received = new AtomicInteger();
            CountDownLatch all = new CountDownLatch(1);
            published.setMessageListener(message -> {
                if (received.incrementAndGet() == expected) {
                    all.countDown();
                }
            });
            connection.start();
            long started = System.nanoTime();
            load.send();
            if (!all.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("only " + received.get() + " of " + expected + " published within " + LIMIT);
            }
            return expected / ((System.nanoTime() - started) / 1e9);
        }
    }

    private static ActiveMQConnectionFactory factory(boolean fireAndForget) {
        // Persistent sends confirmed in a window rather than one round trip each.
        String url = fireAndForget ? BROKER + "?blockOnDurableSend=false&confirmationWindowSize=1048576" : BROKER;
        return new ActiveMQConnectionFactory(url, USER, PASSWORD);
    }

    private static String alert(String producer, int n) {
        return JSON.createObjectBuilder()
                .add("id", UUID.randomUUID().toString())
                .add("type", "alert")
                .add("specVersion", "1.0")
                .add("producer", producer)
                .add("time", Instant.now().toString())
                .add("body", JSON.createObjectBuilder()
                        .add("name", "benchmark alert " + n)
                        .add("category", "network-attack/scan")
                        .add("severity", 1 + n % 4)
                        .add("confidence", 80)
                        .add("count", 1)
                        .add("source", JSON.createObjectBuilder().add("ip", "203.0.113." + (n % 250 + 1)))
                        .add("destination", JSON.createObjectBuilder().add("ip", "10.0.0." + (n % 250 + 1)).add("port", 443))
                        .add("protocol", "tcp")
                        .add("ruleId", "BENCH-" + (n % 100))
                        .add("evidence", "x".repeat(600))
                        .add("extension", JSON.createObjectBuilder().add("sensor", "bench")))
                .build().toString();
    }

    private static String batch(String producer, int start, int size) {
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                batch.append(',');
            }
            batch.append(alert(producer, start + i));
        }
        return batch.append(']').toString();
    }

    /** As the producing product: registered on first use, over HTTPS with its client certificate. */
    private static HttpResponse<String> post(String producer, String body) {
        return Hub.registeredProduct(producer).send(HttpRequest.newBuilder(URI.create(HTTP + "/api/v1/information"))
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** As an operator. */
    private static HttpResponse<String> get(String url) {
        return TestIdentities.OPERATOR.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
                .GET().build());
    }

    private static JsonObject json(String text) {
        return JSON.createReader(new StringReader(text)).readObject();
    }

    private static long percentile(List<Long> sorted, int percentile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    private static void awaitReady() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (CLIENT.send(HttpRequest.newBuilder(URI.create(HTTP + "/health")).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // the server is still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the hub did not become ready");
    }
}
