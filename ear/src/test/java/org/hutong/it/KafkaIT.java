package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Kafka data interface against a real Kafka 4.4 broker (KRaft, SASL_SSL with SCRAM) started by the
 * test build, driven by Kafka's own console tools. The hub consumes {@code hutong.in.kafka-fw}, bound
 * to the product {@code kafka-fw} (ear/pom.xml); the broker's ACLs let only that principal write it.
 */
@ExtendWith(HubReady.class)
class KafkaIT {

    private static final String PRODUCT = "kafka-fw";
    private static final String TOPIC = "hutong.in.kafka-fw";
    private static final Path FIREWALL = KafkaTools.account(PRODUCT, "kafka-fw-secret");
    private static final Path INTRUDER = KafkaTools.account("kafka-intruder", "kafka-intruder-secret");
    private static final Path SIEM = KafkaTools.account("kafka-siem", "kafka-siem-secret");
    private static final String OUTBOUND = "hutong.out.behavior";

    @BeforeAll
    static void topicsAndAcls() {
        Hub.registeredProduct(PRODUCT);
        KafkaTools.setUpHubTopics();
    }

    private static String behaviour(String producer, String marker) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"behavior\",\"specVersion\":\"1.0\",\"producer\":\""
                + producer + "\",\"time\":\"2026-12-05T08:00:00Z\",\"body\":{\"subject\":{\"type\":\"user\",\"name\":\""
                + marker + "\"},\"action\":\"login\",\"result\":\"failure\"}}";
    }

    /**
     * Both directions through the broker: a behaviour record consumed from Kafka and one posted over HTTPS
     * are published on {@code hutong.out.behavior} once each, keyed by producer, with their hub ids;
     * Kafka's console consumer (another principal, read_committed) reads them.
     */
    @Test
    void storedInformationIsPublishedOnKafkaOnceEachWithItsHubId() {
        String marker = UUID.randomUUID().toString();
        KafkaTools.Outcome sent = KafkaTools.produce(FIREWALL, TOPIC, behaviour(PRODUCT, "kafka-" + marker) + "\n");
        assertThat(sent.exitCode()).as(sent.output()).isZero();
        String posted = "http-" + marker;
        assertThat(Hub.post("/information", "application/json", behaviour("kafka-http", posted)).statusCode())
                .isEqualTo(201);
        Hub.await(Duration.ofSeconds(60), "both behaviours stored", () -> stored(PRODUCT, "kafka-" + marker) == 1
                && stored("kafka-http", posted) == 1);

        String read = KafkaTools.consume(SIEM, OUTBOUND, "siem", 100_000, 20_000).output();
        List<String> records = read.lines().filter(line -> line.contains(marker)).toList();
        assertThat(records).as(read).hasSize(2);
        assertThat(records).allSatisfy(record -> assertThat(record).contains("hutong_type:behavior")
                .contains("hutong_hub_id:").contains("hutong_outbox_no:"));
        assertThat(records).anySatisfy(record -> assertThat(record).contains("hutong_producer:kafka-fw")
                .contains("\tkafka-fw\t"));
        assertThat(records).anySatisfy(record -> assertThat(record).contains("hutong_producer:kafka-http"));
    }

    private static String envelope(String producer, String name) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"alert\",\"specVersion\":\"1.0\",\"producer\":\""
                + producer + "\",\"time\":\"2026-12-05T08:00:00Z\",\"body\":{\"name\":\"" + name
                + "\",\"category\":\"network-attack/scan\",\"severity\":2}}";
    }

    @Test
    void theConsoleProducersEnvelopesAreStoredAsTheTopicsProductAndNothingElse() {
        String marker = UUID.randomUUID().toString();
        KafkaTools.Outcome sent = KafkaTools.produce(FIREWALL, TOPIC, envelope(PRODUCT, "scan " + marker) + "\n"
                + "[" + envelope(PRODUCT, "batch 1 " + marker) + "," + envelope(PRODUCT, "batch 2 " + marker) + "]\n"
                + envelope("syslog-tcp", "forged " + marker) + "\n");
        assertThat(sent.exitCode()).as(sent.output()).isZero();

        Hub.await(Duration.ofSeconds(60), "three alerts from Kafka",
                () -> stored(PRODUCT, marker) == 3);
        assertThat(Hub.get("/information?producer=syslog-tcp&limit=1000").body()).doesNotContain(marker);
    }

    /** CEF and LEEF records (no syslog header) are mapped by the product's table; what cannot be is parked. */
    @Test
    void cefAndLeefRecordsAreMappedAndTheRestIsParkedAsSyslogDeadLetters() {
        String marker = UUID.randomUUID().toString();
        KafkaTools.Outcome sent = KafkaTools.produce(FIREWALL, TOPIC,
                "CEF:0|Acme|NGFW|9.1|tcp-portscan|Port scan " + marker + "|7|src=203.0.113.9 dst=10.1.2.3 dpt=22\n"
                + "LEEF:2.0|Acme|IDS|2.0|Brute force " + marker + "|^|src=198.51.100.7^sev=9\n"
                + "just words " + marker + "\n");
        assertThat(sent.exitCode()).as(sent.output()).isZero();
        Hub.await(Duration.ofSeconds(60), "two mapped alerts", () -> stored(PRODUCT, marker) == 2);
        String alerts = Hub.get("/information?producer=" + PRODUCT + "&type=alert&limit=1000").body();
        assertThat(alerts).contains("network-attack/scan").contains("network-attack/credential-attack");
        Hub.await(Duration.ofSeconds(20), "the parked record", () -> TestIdentities.ADMIN
                .get("/syslog/dead-letters?product=" + PRODUCT + "&limit=1000").body().contains("just words " + marker));
        assertThat(TestIdentities.ADMIN.get("/syslog/dead-letters?product=" + PRODUCT + "&limit=1000").body())
                .contains("\"transport\":\"kafka\"").contains("neither a CEF nor a LEEF event");
    }

    @Test
    void noOtherPrincipalMayWriteTheBoundTopic() {
        String marker = UUID.randomUUID().toString();
        KafkaTools.Outcome refused = KafkaTools.produce(INTRUDER, TOPIC, envelope(PRODUCT, "intruder " + marker) + "\n");
        assertThat(refused.output()).contains("TopicAuthorizationException");
        Hub.sleep(Duration.ofSeconds(3));
        assertThat(stored(PRODUCT, marker)).isZero();
    }

    /**
     * {@code kill -9} of the server while it consumes 5 000 records: after the restart every record is
     * stored exactly once, because the position is stored with the records, not with Kafka's commit.
     */
    @Test
    void aCrashBetweenStoringAndCommittingLosesNothingAndStoresNothingTwice() throws Exception {
        String marker = UUID.randomUUID().toString();
        int records = 5_000;
        String lines = IntStream.range(0, records).mapToObj(i -> envelope(PRODUCT, "crash " + i + " " + marker))
                .collect(Collectors.joining("\n", "", "\n"));
        KafkaTools.Outcome sent = KafkaTools.produce(FIREWALL, TOPIC, lines);
        assertThat(sent.exitCode()).as(sent.output()).isZero();
        Hub.await(Duration.ofSeconds(120), "the first records stored", () -> stored(PRODUCT, "crash") > 0);
        long beforeKill = stored(PRODUCT, marker);
        Instant killed = Hub.killServer();
        Hub.run(Hub.WLP.resolve("bin/server").toString(), "start", Hub.SERVER);
        Hub.awaitReady(Duration.ofMinutes(3));
        Hub.await(Duration.ofMinutes(3), "every record stored", () -> stored(PRODUCT, marker) >= records);
        Hub.sleep(Duration.ofSeconds(3));
        long rows = stored(PRODUCT, marker);
        System.out.printf("kafka_crash: %d records sent, %d stored before the kill, %d stored after (%d distinct),"
                + " ready %d ms after the kill%n", records, beforeKill, rows, distinct(marker),
                Duration.between(killed, Instant.now()).toMillis());
        assertThat(beforeKill).as("the kill came in the middle of the intake").isLessThan(records);
        assertThat(rows).as("stored rows").isEqualTo(records);
        assertThat(distinct(marker)).as("distinct envelopes").isEqualTo(records);
        assertThat(storedPositions()).as("the stored positions are the ends of the partitions")
                .isEqualTo(endOffsets());
    }

    /**
     * The relay's guard against publishing twice, deterministically: a row Kafka already has is put back
     * into the Kafka outbox with its own number while the server is down (as a crash between Kafka's
     * commit and the outbox delete leaves it). After the restart the relay reads the topic back, drops
     * that row without sending it, and still sends a row Kafka does not have.
     */
    @Test
    void aRowKafkaAlreadyHasIsNotPublishedAgainAfterARestart() throws Exception {
        String marker = UUID.randomUUID().toString();
        assertThat(Hub.post("/information", "application/json", behaviour("kafka-http", "again-" + marker)).statusCode())
                .isEqualTo(201);
        Hub.await(Duration.ofSeconds(60), "the Kafka outbox emptied", () -> outboxRows() == 0 && stored("kafka-http",
                "again-" + marker) == 1);
        long published = lastOutboxNumber();
        String[] row = lastPublishedRow();
        Hub.killServer();
        try (var db = Database.hub().getConnection(); PreparedStatement insert = db.prepareStatement(
                "INSERT INTO kafka_outbox (outbox_no, topic, record_key, headers, body, created_at) OVERRIDING SYSTEM VALUE"
                        + " VALUES (?, ?, ?, ?, ?, now()), (DEFAULT, ?, ?, ?, ?, now())")) {
            insert.setLong(1, published);
            insert.setString(2, OUTBOUND);
            insert.setString(3, "kafka-http");
            insert.setString(4, row[0]);
            insert.setString(5, row[1]);
            insert.setString(6, OUTBOUND);
            insert.setString(7, "kafka-http");
            insert.setString(8, row[0]);
            insert.setString(9, row[1].replace("again-" + marker, "fresh-" + marker));
            assertThat(insert.executeUpdate()).isEqualTo(2);
        }
        Hub.run(Hub.WLP.resolve("bin/server").toString(), "start", Hub.SERVER);
        Hub.awaitReady(Duration.ofMinutes(3));
        Hub.await(Duration.ofSeconds(60), "the relay to empty the Kafka outbox", () -> outboxRows() == 0);

        String read = KafkaTools.consume(SIEM, OUTBOUND, "siem-again", 100_000, 15_000).output();
        assertThat(read.lines().filter(line -> line.contains("again-" + marker)).count())
                .as("the row Kafka had, published once").isEqualTo(1);
        assertThat(read.lines().filter(line -> line.contains("fresh-" + marker)).count())
                .as("the row Kafka did not have, published").isEqualTo(1);
    }

    /**
     * With {@code hutong.kafka.keystore} the hub proves who it is to Kafka by its client certificate
     * alone: restarted against the broker's certificate listener, which asks no password and trusts only
     * the hub's certificate (CN=hutong, so User:hutong and its ACLs), and with a wrong SCRAM password
     * beside it, the hub still consumes the bound topic and publishes on its outbound topic.
     */
    @Test
    void withAKeyStoreTheHubReachesKafkaByItsClientCertificateAlone() throws IOException {
        Path override = Hub.WLP.resolve("usr/servers/" + Hub.SERVER
                + "/configDropins/overrides/zz-kafka-client-certificate.xml");
        // Overrides are read in name order, so this one comes after the build's variables.
        Files.writeString(override, """
                <server>
                  <variable name="hutong.kafka.bootstrap" value="%s"/>
                  <variable name="hutong.kafka.keystore" value="%s"/>
                  <variable name="hutong.kafka.keystore.password" value="%s"/>
                  <variable name="hutong.kafka.password" value="not-the-password"/>
                </server>
                """.formatted(KafkaTools.certificateBootstrap(), KafkaTools.HOME.resolve("hutong-client.p12"),
                KafkaTools.storePassword()));
        try {
            Hub.restartServer();
            Hub.awaitReady(Duration.ofMinutes(3));
            String marker = UUID.randomUUID().toString();
            KafkaTools.Outcome sent = KafkaTools.produce(FIREWALL, TOPIC, behaviour(PRODUCT, "mtls-" + marker) + "\n");
            assertThat(sent.exitCode()).as(sent.output()).isZero();
            Hub.await(Duration.ofSeconds(90), "the record consumed over the certificate listener",
                    () -> stored(PRODUCT, "mtls-" + marker) == 1);

            String read = KafkaTools.consume(SIEM, OUTBOUND, "siem-mtls", 100_000, 15_000).output();
            assertThat(read.lines().filter(line -> line.contains("mtls-" + marker)).count())
                    .as("published by the hub over the certificate listener: %s", read).isEqualTo(1);
        } finally {
            Files.deleteIfExists(override);
            Hub.restartServer();
            Hub.awaitReady(Duration.ofMinutes(3));
        }
    }

    private static long outboxRows() {
        return single("SELECT count(*) FROM kafka_outbox");
    }

    private static long lastOutboxNumber() {
        return single("SELECT last_value FROM kafka_outbox_outbox_no_seq");
    }

    /** Headers and body as the outbox held them, rebuilt from the stored record the relay published last. */
    private static String[] lastPublishedRow() throws SQLException {
        try (var db = Database.hub().getConnection(); PreparedStatement query = db.prepareStatement(
                "SELECT hub_id, body_json FROM information_item WHERE producer = 'kafka-http' ORDER BY sequence_no DESC LIMIT 1");
                ResultSet row = query.executeQuery()) {
            row.next();
            String hubId = row.getString(1).trim();
            String view = TestIdentities.ADMIN.get("/information/" + hubId).body();
            return new String[] {"{\"hutong_type\":\"behavior\",\"hutong_producer\":\"kafka-http\",\"hutong_hub_id\":\""
                    + hubId + "\"}", view};
        }
    }

    private static long single(String sql) {
        try (var db = Database.hub().getConnection(); PreparedStatement query = db.prepareStatement(sql);
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Kafka's own account of the topic's end offsets, summed over its partitions. */
    private static long endOffsets() {
        String output = KafkaTools.adminCommand("org.apache.kafka.tools.GetOffsetShell", "--topic", TOPIC);
        return output.lines().filter(line -> line.startsWith(TOPIC + ":"))
                .mapToLong(line -> Long.parseLong(line.substring(line.lastIndexOf(':') + 1).strip())).sum();
    }

    private static long storedPositions() {
        try (var db = Database.hub().getConnection(); PreparedStatement query = db.prepareStatement(
                "SELECT coalesce(sum(next_offset), 0) FROM consumed_offset WHERE consumer_group = 'hutong' AND topic = ?")) {
            query.setString(1, TOPIC);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long stored(String producer, String marker) {
        return query("SELECT count(*) FROM information_item WHERE producer = ? AND body_json LIKE ?", producer, marker);
    }

    private static long distinct(String marker) {
        return query("SELECT count(DISTINCT envelope_id) FROM information_item WHERE producer = ? AND body_json LIKE ?",
                PRODUCT, marker);
    }

    private static long query(String sql, String producer, String marker) {
        try (var db = Database.hub().getConnection(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, producer);
            query.setString(2, "%" + marker + "%");
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
