package org.hutong.bench;

import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The broker's own limit on this machine, as the Artemis distribution measures it: {@code artemis
 * perf client}, persistent 1 KiB messages, 100 in flight, one producer and one consumer on a queue of
 * the hub's broker. The figure is the median of the per-second received rates after the warm-up.
 */
final class BrokerLimit {

    // Json.create* looks the provider up on every call: the load generator would take CPU from the hub.
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Path ARTEMIS = Path.of(System.getProperty("bench.artemis.home", "target/artemis-home"), "bin",
            "artemis");
    private static final String BROKER = System.getProperty("hutong.broker.url", "tcp://127.0.0.1:61616");
    private static final int SECONDS = Integer.getInteger("bench.broker.seconds", 20);

    private BrokerLimit() {
    }

    static double measure() throws IOException, InterruptedException {
        Path report = Files.createTempFile("artemis-perf", ".json");
        List<String> command = List.of(ARTEMIS.toString(), "perf", "client", "--url", BROKER,
                "--user", System.getProperty("hutong.broker.user", "hutong"),
                "--password", System.getProperty("hutong.broker.password", "hutong-dev-only"),
                "--persistent", "--message-size", "1024", "--max-pending", "100", "--warmup", "5",
                "--duration", Integer.toString(SECONDS), "--silent", "--json", report.toString(), "queue://hutong.bench.perf");
        Process perf = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!perf.waitFor(SECONDS + 60L, TimeUnit.SECONDS) || perf.exitValue() != 0) {
            perf.destroyForcibly();
            throw new IllegalStateException("artemis perf client did not finish: " + String.join(" ", command));
        }
        try (JsonReader reader = JSON.createReader(new StringReader(Files.readString(report)))) {
            return medianReceived(reader.readArray());
        } finally {
            Files.deleteIfExists(report);
        }
    }

    static double medianReceived(JsonArray samples) {
        List<Long> rates = new ArrayList<>();
        for (JsonObject sample : samples.getValuesAs(JsonObject.class)) {
            if ("interval".equals(sample.getString("sampleType", "")) && !sample.getBoolean("warmup", true)) {
                rates.add(sample.getJsonNumber("received").longValue());
            }
        }
        if (rates.isEmpty()) {
            throw new IllegalStateException("artemis perf client reported no measured interval");
        }
        Collections.sort(rates);
        return rates.get(rates.size() / 2);
    }
}
