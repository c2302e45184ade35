package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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

    /**
     * Another server's write: a transaction on its own connection takes the next receive sequence block
     * and inserts an item, then this server stores a batch that needs a newer block and commits first. A
     * per-server horizon would hand out this server's items and move the cursor past the other server's
     * lower sequence, losing it when it commits; the commit order shows nothing until it has ended.
     */
    @Test
    void aCursorWaitsForAnotherServersOlderWriteAndThenGivesItFirst() throws Exception {
        String producer = Hub.uniqueProducer("paging-other");
        postBatch(producer, 1);
        JsonObject start = Hub.json(Hub.get("/information?producer=" + producer + "&limit=1000"));
        assertThat(start.getJsonArray("items")).hasSize(1);
        String cursor = start.getString("cursor");

        String otherServers;
        try (Connection otherServer = Database.hub().getConnection()) {
            otherServer.setAutoCommit(false);
            otherServers = insertAsAnotherServer(otherServer, producer);
            // More than a sequence block: this server's items end above the other server's sequence.
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                mine.addAll(postBatch(producer, BATCH_SIZE));
            }

            JsonObject whileOpen = Hub.json(Hub.get("/information?cursor=" + cursor + "&limit=1000"));
            assertThat(whileOpen.getJsonArray("items")).as("nothing past a write still in flight").isEmpty();

            otherServer.commit();
            List<String> seen = new ArrayList<>();
            String next = cursor;
            JsonObject page;
            do {
                page = Hub.json(Hub.get("/information?cursor=" + next + "&limit=50"));
                page.getJsonArray("items").getValuesAs(JsonObject.class)
                        .forEach(item -> seen.add(item.getJsonObject("hub").getString("id")));
                next = page.getString("cursor");
            } while (page.containsKey("next"));
            assertThat(seen).doesNotHaveDuplicates().hasSize(mine.size() + 1).startsWith(otherServers);
            assertThat(seen.subList(1, seen.size())).containsExactlyElementsOf(mine);
        }
    }

    /** Inserts one alert the way a second Liberty server's repository would, without committing. */
    private static String insertAsAnotherServer(Connection connection, String producer) throws Exception {
        String hubId = UUID.randomUUID().toString();
        String body = "{\"name\":\"from the other server\",\"severity\":\"high\"}";
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO information_item (sequence_no, hub_id,"
                + " producer, envelope_id, info_type, spec_version, produced_at, received_at, content_hash, body_json,"
                + " severity) VALUES (nextval('information_item_seq'), ?, ?, ?, 'ALERT', '1.0', now(), now(), ?, ?, 3)")) {
            insert.setString(1, hubId);
            insert.setString(2, producer);
            insert.setString(3, UUID.randomUUID().toString());
            insert.setString(4, "0".repeat(64));
            insert.setString(5, body);
            insert.executeUpdate();
        }
        return hubId;
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
        return postBatch(producer, BATCH_SIZE);
    }

    private static List<String> postBatch(String producer, int size) {
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < size; i++) {
            batch.append(i == 0 ? "" : ",").append(Hub.alert(producer));
        }
        HttpResponse<String> response = Hub.post("/information", "application/json", batch.append(']').toString());
        assertThat(response.statusCode()).isEqualTo(200);
        return Hub.json(response).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getJsonObject("information").getJsonObject("hub").getString("id")).toList();
    }
}
