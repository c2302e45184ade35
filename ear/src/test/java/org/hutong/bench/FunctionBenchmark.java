package org.hutong.bench;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Dispatch latency of invocations — from the moment the schedule says the POST is due to the
 * command arriving at the product's consumer — at a fixed rate ({@code bench.invocations.rate},
 * default 100/s, for {@code bench.invocations.seconds}, default 30 s, after a warm-up of
 * {@code bench.invocations.warmup.seconds}, default 30 s), then the highest rate the hub sustains with
 * {@code bench.invocations.concurrency} callers (default 8) for the same time. Prints each figure
 * as {@code name: value unit}.
 */
public final class FunctionBenchmark {

    // Json.create* looks the provider up on every call: the load generator would take CPU from the hub.
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final String HTTP = System.getProperty("hutong.http.url", "http://127.0.0.1:9080");
    private static final String API = HTTP + "/api/v1";
    private static final String BROKER = System.getProperty("hutong.broker.url", "tcp://127.0.0.1:61616");
    private static final String USER = System.getProperty("hutong.broker.user", "hutong");
    private static final String PASSWORD = System.getProperty("hutong.broker.password", "hutong-dev-only");
    private static final int RATE = Integer.getInteger("bench.invocations.rate", 100);
    private static final int SECONDS = Integer.getInteger("bench.invocations.seconds", 30);
    private static final int CONCURRENCY = Integer.getInteger("bench.invocations.concurrency", 8);
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.invocations.warmup.seconds", 30);
    /** People of the test directory (ear/src/test/identity/directory.ldif). */
    private static final String OPERATOR = basic("oscar", "oscar-pw");
    private static final String ADMIN = basic("alice", "alice-pw");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private FunctionBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkErrors.clear("FunctionBenchmark");
        try {
            awaitReady();
            String product = "bench-fw-" + UUID.randomUUID().toString().substring(0, 8);
            register(product);
            Map<String, Long> received = new ConcurrentHashMap<>();
            AtomicBoolean consuming = new AtomicBoolean(true);
            Thread consumer = new Thread(() -> consume(product, received, consuming), "bench-product");
            consumer.start();
            // A warm-up at the same rate first: the hub's first requests pay for class loading and JIT. Measured
            // here: at 40/s the server's CPU settles only after about a minute; 5 s left the JIT mid-way.
            fixedRate(product, received, WARMUP_SECONDS, false);
            fixedRate(product, received, SECONDS, true);
            sustained(product, received);
            consuming.set(false);
            consumer.join(5000);
            deregister(product);
        } catch (Exception e) {
            BenchmarkErrors.record("FunctionBenchmark", e.toString());
        }
    }

    /**
     * RATE invocations per second for SECONDS; latency per invocation from the moment it was due by
     * the schedule (not from when a caller thread got to it: a stalled hub must not slow the schedule
     * down and hide its own stall) to the command's arrival. A call that fails or whose command never
     * arrives counts as an infinite latency and is printed as a failure.
     */
    private static void fixedRate(String product, Map<String, Long> received, int seconds, boolean print)
            throws Exception {
        int total = RATE * seconds;
        Map<String, Long> due = new ConcurrentHashMap<>();
        Map<String, Long> answered = new ConcurrentHashMap<>();
        AtomicInteger failedCalls = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(16);
        FixedRate.submit(RATE, total, callers, (n, scheduled) -> {
            String id = invoke(product);
            if (id == null) {
                failedCalls.incrementAndGet();
            } else {
                answered.put(id, System.nanoTime());
                due.put(id, scheduled);
            }
        });
        callers.shutdown();
        callers.awaitTermination(2, TimeUnit.MINUTES);
        awaitCommands(due.keySet(), received, Duration.ofMinutes(2));
        if (!print) {
            System.out.println("dispatch_warmup: " + total + " invocations at " + RATE + "/s, not counted");
            return;
        }
        List<Long> latencies = new ArrayList<>();
        // Where the time goes: until the hub answered 202 (request, transaction), and from then until the command
        // arrived (outbox relay, broker). An invocation answered after its command arrived counts 0 in the second.
        List<Long> toAnswer = new ArrayList<>();
        List<Long> answerToCommand = new ArrayList<>();
        int undelivered = 0;
        for (Map.Entry<String, Long> invocation : due.entrySet()) {
            Long arrived = received.get(invocation.getKey());
            long answer = answered.get(invocation.getKey());
            toAnswer.add(answer - invocation.getValue());
            if (arrived == null) {
                undelivered++;
                latencies.add(Long.MAX_VALUE);
                answerToCommand.add(Long.MAX_VALUE);
            } else {
                latencies.add(arrived - invocation.getValue());
                answerToCommand.add(Math.max(0, arrived - answer));
            }
        }
        for (int i = 0; i < failedCalls.get(); i++) {
            latencies.add(Long.MAX_VALUE);
        }
        Collections.sort(latencies);
        Collections.sort(toAnswer);
        Collections.sort(answerToCommand);
        System.out.println("dispatch_invocations: " + total + " at " + RATE + "/s, measured from their scheduled time");
        System.out.println("dispatch_failed_calls: " + failedCalls.get() + " invocations");
        System.out.println("dispatch_undelivered_commands: " + undelivered + " invocations");
        System.out.println("dispatch_latency_p50: " + millis(percentile(latencies, 50)) + " ms");
        System.out.println("dispatch_latency_p99: " + millis(percentile(latencies, 99)) + " ms");
        System.out.println("dispatch_latency_max: " + millis(latencies.get(latencies.size() - 1)) + " ms");
        System.out.println("dispatch_answered_p50: " + millis(percentile(toAnswer, 50)) + " ms");
        System.out.println("dispatch_answered_p99: " + millis(percentile(toAnswer, 99)) + " ms");
        System.out.println("dispatch_answer_to_command_p50: " + millis(percentile(answerToCommand, 50)) + " ms");
        System.out.println("dispatch_answer_to_command_p99: " + millis(percentile(answerToCommand, 99)) + " ms");
    }

    private static String millis(long nanos) {
        return nanos == Long.MAX_VALUE ? "inf" : String.format("%.1f", nanos / 1e6);
    }

    /** As many invocations as CONCURRENCY callers can start in SECONDS; counted when their command arrived. */
    private static void sustained(String product, Map<String, Long> received) throws Exception {
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(CONCURRENCY);
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(SECONDS);
        for (int c = 0; c < CONCURRENCY; c++) {
            callers.submit(() -> {
                while (System.nanoTime() < end) {
                    String id = invoke(product);
                    if (id == null) {
                        failures.incrementAndGet();
                    } else {
                        ids.add(id);
                    }
                }
            });
        }
        callers.shutdown();
        callers.awaitTermination(SECONDS + 60L, TimeUnit.SECONDS);
        awaitCommands(ids, received, Duration.ofMinutes(2));
        long last = ids.stream().map(received::get).filter(Objects::nonNull).mapToLong(Long::longValue)
                .max().orElse(end);
        double seconds = (last - start) / 1e9;
        long arrived = ids.stream().filter(received::containsKey).count();
        System.out.printf("invocations_max_per_second: %.0f invocations/s%n", arrived / seconds);
        System.out.println("invocations_sustained_failures: " + failures.get() + " requests");
        System.out.println("invocations_sustained_undelivered: " + (ids.size() - arrived) + " commands");
    }

    private static String invoke(String product) {
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(API + "/invocations"))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("Authorization", OPERATOR)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"function\":\"protect.block-ip\",\"target\":\""
                            + product + "\",\"timeout\":\"PT1H\",\"arguments\":{\"ip\":\"203.0.113.9\"}}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 202 ? json(response.body()).getString("id") : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static void consume(String product, Map<String, Long> received, AtomicBoolean consuming) {
        try (JMSContext context = new ActiveMQConnectionFactory(BROKER, USER, PASSWORD).createContext();
                JMSConsumer consumer = context.createConsumer(context.createQueue("hutong.function." + product))) {
            while (consuming.get()) {
                Message message = consumer.receive(200);
                if (message instanceof TextMessage text) {
                    long now = System.nanoTime();
                    received.put(json(text.getText()).getString("invocation_id"), now);
                }
            }
        } catch (Exception e) {
            BenchmarkErrors.record("FunctionBenchmark", "the product stopped consuming: " + e);
        }
    }

    private static void awaitCommands(Collection<String> ids, Map<String, Long> received, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline) && !received.keySet().containsAll(ids)) {
            Thread.sleep(100);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void register(String product) throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(API + "/products"))
                .header("Content-Type", "application/json").header("Authorization", ADMIN).POST(HttpRequest.BodyPublishers.ofString("""
                        {"id":"%s","vendor":"Bench","name":"FW","version":"1","category":"area-boundary",
                         "functions":["protect.block-ip"],"commands":{"channel":"jms"}}""".formatted(product)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("registration failed: " + response.statusCode() + " " + response.body());
        }
    }

    private static void deregister(String product) throws Exception {
        CLIENT.send(HttpRequest.newBuilder(URI.create(API + "/products/" + product)).header("Authorization", ADMIN)
                .DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private static long percentile(List<Long> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return Long.MAX_VALUE;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static void awaitReady() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (CLIENT.send(HttpRequest.newBuilder(URI.create(HTTP + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (Exception e) {
                // not up yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the hub did not become ready");
    }
}
