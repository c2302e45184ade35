package org.hutong.bench;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.hutong.it.Database;
import org.hutong.it.Hub;
import org.hutong.it.TestIdentities;

/**
 * Linkage latency (issue 14): an IDS posts alerts over HTTPS in batches every 100 ms at a fixed rate,
 * one in ten carrying {@code ruleId: fire}, which a rule turns into {@code protect.block-ip} on a
 * firewall; the firewall (plain JMS) notes when each command arrives and reports success. Printed per
 * rate: the latency from the batch's 201 to the command at the firewall (p50, p99, max), commands
 * missing, and the rule engine's lag (stored items it has not read yet) sampled every second.
 */
public final class LinkageBenchmark {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final String HTTPS = System.getProperty("hutong.https.url", "https://127.0.0.1:9443");
    private static final String BROKER = System.getProperty("hutong.broker.url", "tcp://127.0.0.1:61616");
    private static final int SECONDS = Integer.getInteger("bench.linkage.seconds", 60);
    private static final String RATES = System.getProperty("bench.linkage.rates", "100,1000");
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.linkage.warmup.seconds", 20);
    private static final String IDS = "bench-ids";

    private LinkageBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkErrors.clear("LinkageBenchmark");
        try {
            Hub.awaitReady(Duration.ofMinutes(3));
            String firewall = "bench-lfw-" + UUID.randomUUID().toString().substring(0, 8);
            String password = register(firewall);
            Hub.registeredPublisher(IDS);
            putRule(firewall);
            Map<String, Long> received = new ConcurrentHashMap<>();
            AtomicBoolean consuming = new AtomicBoolean(true);
            Thread product = new Thread(() -> firewall(firewall, password, received, consuming), "bench-firewall");
            product.start();
            run(10, 100, WARMUP_SECONDS, received, false);
            System.out.println("linkage_warm_up: " + WARMUP_SECONDS + " s at 100 alerts/s, not counted");
            int octet = 11;
            for (String rate : RATES.split(",")) {
                run(octet++, Integer.parseInt(rate.strip()), SECONDS, received, true);
            }
            consuming.set(false);
            product.join(5000);
        } catch (Exception | AssertionError e) {
            BenchmarkErrors.record("LinkageBenchmark", e.toString());
        }
    }

    private static void run(int octet, int rate, int seconds, Map<String, Long> received, boolean print)
            throws Exception {
        int batchSize = Math.max(1, rate / 10);
        Map<String, Long> accepted = new ConcurrentHashMap<>();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong maxLag = new AtomicLong();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread lagSampler = new Thread(() -> sampleLag(maxLag, sampling), "bench-lag");
        lagSampler.start();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        AtomicInteger fired = new AtomicInteger();
        long started = System.nanoTime();
        FixedRate.submit(10, seconds * 10, senders, (index, scheduled) -> {
            List<String> firing = new ArrayList<>();
            StringBuilder batch = new StringBuilder("[");
            for (int i = 0; i < batchSize; i++) {
                int n = index * batchSize + i;
                boolean fires = n % 10 == 0;
                String ip = fires ? ip(octet, fired.getAndIncrement()) : "192.0.2." + (n % 250 + 1);
                if (fires) {
                    firing.add(ip);
                }
                batch.append(i > 0 ? "," : "").append(alert(n, ip, fires));
            }
            HttpResponse<String> response = Hub.registeredPublisher(IDS).send(HttpRequest.newBuilder(
                    URI.create(HTTPS + "/api/v1/information")).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(batch.append(']').toString()))
                    .build());
            long now = System.nanoTime();
            if (response.statusCode() / 100 != 2) {
                failed.incrementAndGet();
                return;
            }
            firing.forEach(ip -> accepted.put(ip, now));
        });
        senders.shutdown();
        senders.awaitTermination(2, TimeUnit.MINUTES);
        double sendSeconds = (System.nanoTime() - started) / 1e9;
        long drainStarted = System.nanoTime();
        long deadline = drainStarted + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && !received.keySet().containsAll(accepted.keySet())) {
            Thread.sleep(50);
        }
        double drainSeconds = (System.nanoTime() - drainStarted) / 1e9;
        sampling.set(false);
        lagSampler.join(5000);
        if (!print) {
            return;
        }
        List<Long> latencies = new ArrayList<>();
        int missing = 0;
        for (Map.Entry<String, Long> alert : accepted.entrySet()) {
            Long at = received.get(alert.getKey());
            if (at == null) {
                missing++;
            } else {
                latencies.add(Math.max(0, at - alert.getValue()));
            }
        }
        latencies.sort(null);
        String name = "linkage_" + rate;
        System.out.printf("%s_alerts_per_second: %.0f alerts/s (%d alerts in %.1f s, %d batches refused)%n", name,
                seconds * 10.0 * batchSize / sendSeconds, seconds * 10 * batchSize, sendSeconds, failed.get());
        System.out.printf("%s_firings: %d commands expected, %d missing after %.1f s%n", name, accepted.size(), missing,
                drainSeconds);
        if (!latencies.isEmpty()) {
            System.out.printf("%s_latency_p50: %.1f ms%n", name, percentile(latencies, 50) / 1e6);
            System.out.printf("%s_latency_p99: %.1f ms%n", name, percentile(latencies, 99) / 1e6);
            System.out.printf("%s_latency_max: %.1f ms%n", name, latencies.get(latencies.size() - 1) / 1e6);
        }
        System.out.printf("%s_engine_lag_max: %d items (stored, not yet read by the rule engine; sampled each second)%n",
                name, maxLag.get());
        if (missing > 0) {
            BenchmarkErrors.record("LinkageBenchmark", missing + " commands never arrived at " + rate + " alerts/s");
        }
    }

    private static void sampleLag(AtomicLong maxLag, AtomicBoolean sampling) {
        try (var db = Database.hub().getConnection(); var query = db.prepareStatement("SELECT (SELECT coalesce(max("
                + "sequence_no), 0) FROM information_item) - after_sequence FROM linkage_position WHERE engine = 'rules'")) {
            while (sampling.get()) {
                try (ResultSet row = query.executeQuery()) {
                    if (row.next()) {
                        maxLag.accumulateAndGet(row.getLong(1), Math::max);
                    }
                }
                Thread.sleep(1000);
            }
        } catch (Exception e) {
            BenchmarkErrors.record("LinkageBenchmark", "cannot sample the engine's lag: " + e);
        }
    }

    private static String ip(int octet, int n) {
        return octet + "." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }

    private static String alert(int n, String ip, boolean fires) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"alert\",\"specVersion\":\"1.0\",\"producer\":\"" + IDS
                + "\",\"time\":\"2026-12-05T08:00:00Z\",\"body\":{\"name\":\"Port scan " + n + "\",\"category\":"
                + "\"network-attack/scan\",\"severity\":3,\"source\":{\"ip\":\"" + ip + "\"}"
                + (fires ? ",\"ruleId\":\"fire\"" : "") + "}}";
    }

    /** The firewall as its vendor writes it: each command noted on arrival, then reported succeeded. */
    private static void firewall(String id, String password, Map<String, Long> received, AtomicBoolean consuming) {
        try (JMSContext context = new ActiveMQConnectionFactory(BROKER, id, password).createContext();
                JMSConsumer consumer = context.createConsumer(context.createQueue("hutong.function." + id))) {
            var results = context.createQueue("hutong.function.results");
            var reports = context.createProducer();
            while (consuming.get()) {
                Message message = consumer.receive(200);
                if (message instanceof TextMessage text) {
                    long now = System.nanoTime();
                    JsonObject command = json(text.getText());
                    received.put(command.getJsonObject("arguments").getString("ip"), now);
                    reports.send(results, "{\"request_id\":\"" + command.getString("request_id") + "\",\"product\":\""
                            + id + "\",\"status\":\"succeeded\"}");
                }
            }
        } catch (Exception e) {
            BenchmarkErrors.record("LinkageBenchmark", "the firewall stopped: " + e);
        }
    }

    private static String register(String firewall) {
        HttpResponse<String> response = TestIdentities.ADMIN.post("/products", "application/json", """
                {"id":"%s","vendor":"Bench","name":"FW","version":"1","category":"area-boundary",
                 "functions":["protect.block-ip"],"commands":{"channel":"jms"}}""".formatted(firewall));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("registration failed: " + response.statusCode() + " " + response.body());
        }
        return json(response.body()).getJsonObject("broker").getString("password");
    }

    private static void putRule(String firewall) {
        HttpResponse<String> response = TestIdentities.OPERATOR.send(HttpRequest.newBuilder(
                URI.create(System.getProperty("hutong.http.url", "http://127.0.0.1:9080") + "/api/v1/rules/bench-block")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"name":"Block what the bench IDS marks","maxFiringsPerMinute":100000,
                         "trigger":{"type":"alert","producers":["%s"],"where":[{"pointer":"/body/ruleId","equals":"fire"}]},
                         "action":{"function":"protect.block-ip","target":"%s","timeout":"PT60S",
                                   "arguments":{"ip":"${/body/source/ip}"}}}""".formatted(IDS, firewall))).build());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("the rule was refused: " + response.statusCode() + " " + response.body());
        }
    }

    private static long percentile(List<Long> sorted, int percentile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    private static JsonObject json(String text) {
        return JSON.createReader(new StringReader(text)).readObject();
    }
}
