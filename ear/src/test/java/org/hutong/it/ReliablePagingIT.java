package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A consumer that follows the cursor while several writers commit out of order still sees every
 * accepted item exactly once: pages never run ahead of a write that has not committed yet.
 */
@ExtendWith(HubReady.class)
class ReliablePagingIT {

    private static final int WRITERS = 4;
    private static final int BATCHES_PER_WRITER = 25;
    private static final int BATCH_SIZE = 20;

    @Test
    void aConsumerFollowingTheCursorDuringConcurrentWritesMissesNothing() throws Exception {
        String producer = Hub.uniqueProducer("paging");
        Set<String> accepted = Collections.synchronizedSet(new HashSet<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        try {
            Future<List<String>> consumer = pool.submit(() -> follow(producer, writing));
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                writers.add(pool.submit(() -> {
                    for (int b = 0; b < BATCHES_PER_WRITER; b++) {
                        accepted.addAll(postBatch(producer));
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            writing.set(false);
            List<String> seen = consumer.get();

            assertThat(accepted).hasSize(WRITERS * BATCHES_PER_WRITER * BATCH_SIZE);
            assertThat(seen).doesNotHaveDuplicates();
            assertThat(new HashSet<>(seen)).isEqualTo(accepted);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Polls with the cursor until the writers are done and one more poll brings nothing new. */
    private static List<String> follow(String producer, AtomicBoolean writing) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        boolean drained = false;
        while (!drained) {
            boolean done = !writing.get();
            String url = cursor == null ? "/information?producer=" + producer + "&limit=50"
                    : "/information?cursor=" + cursor + "&limit=50";
            JsonObject page = Hub.json(Hub.get(url));
            page.getJsonArray("items").getValuesAs(JsonObject.class)
                    .forEach(item -> seen.add(item.getJsonObject("hub").getString("id")));
            if (page.containsKey("cursor")) {
                cursor = page.getString("cursor");
            }
            if (!page.containsKey("next")) {
                drained = done;
                if (!done) {
                    Hub.sleep(Duration.ofMillis(20));
                }
            }
        }
        return seen;
    }

    private static List<String> postBatch(String producer) {
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < BATCH_SIZE; i++) {
            batch.append(i == 0 ? "" : ",").append(Hub.alert(producer));
        }
        HttpResponse<String> response = Hub.post("/information", "application/json", batch.append(']').toString());
        assertThat(response.statusCode()).isEqualTo(200);
        return Hub.json(response).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getJsonObject("information").getJsonObject("hub").getString("id")).toList();
    }
}
