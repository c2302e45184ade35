package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The two-node topology of {@code ear/src/main/cluster/cluster.sh} — two Liberty servers on one
 * PostgreSQL database, an Artemis replicated primary/backup pair, HAProxy in front (HTTPS passed
 * through, so client certificates reach Liberty) — under a mixed load while one part fails: a node or
 * the broker primary killed with {@code kill -9}, PostgreSQL restarted. The load: HTTP and JMS
 * ingestion, invocations of a JMS product, a follower paging with its cursor through the front and a
 * product's durable subscription. Afterwards nothing acknowledged is lost, nothing is stored,
 * distributed or commanded twice, and the follower saw every item once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Path SCRIPT = Path.of(System.getProperty("hutong.cluster.script", "src/main/cluster/cluster.sh"));
    private static final Path STATE = Path.of(System.getProperty("hutong.cluster.dir", "target/cluster"));
    private static final String DB_PORT = System.getProperty("hutong.db.port", "55432");
    private static final String DB_NAME = "hutong_cluster";
    private static final String FRONT = "http://127.0.0.1:9880/api/v1";
    private static final String FRONT_TLS = "https://127.0.0.1:9943/api/v1";
    private static final String NODE1 = "http://127.0.0.1:9380";
    private static final String NODE2 = "http://127.0.0.1:9480";
    private static final String PAIR = "(tcp://127.0.0.1:62616,tcp://127.0.0.1:62716)?ha=true&reconnectAttempts=-1"
            + "&retryInterval=200&retryIntervalMultiplier=1.0&callTimeout=10000";
    private static final TestIdentities.Person ADMIN = new TestIdentities.Person("admin", "hutong-dev-only");
    private static final TestIdentities.Person OPERATOR = new TestIdentities.Person("operator", "hutong-dev-only");
    private static final int ITEMS_PER_CHANNEL = 6000;
    /** The JMS sender's pause between transactions: about the HTTP posters' pace, so both send through the failure. */
    private static final Duration JMS_PACE = Duration.ofMillis(150);
    private static final int BATCH = 50;

    @BeforeAll
    static void startTheTopology() {
        script(Duration.ofMinutes(8), "start", "--fresh", "--db-port", DB_PORT, "--db-password-file",
                Database.passwordFile(), "--db-name", DB_NAME);
    }

    @AfterAll
    static void stopTheTopology() {
        script(Duration.ofMinutes(3), "stop");
    }

    @Test
    @Order(1)
    void bothNodesAnswerThroughTheFrontAndAnAlertSentToOneIsSeenThroughTheOther() throws Exception {
        assertThat(Hub.sendAnonymously(get(NODE1 + "/health/ready")).statusCode()).isEqualTo(200);
        assertThat(Hub.sendAnonymously(get(NODE2 + "/health/ready")).statusCode()).isEqualTo(200);
        assertThat(Hub.sendAnonymously(get("http://127.0.0.1:9880/health")).statusCode()).isEqualTo(200);

        String sensor = register("cl-ids", "[\"alert\"]", "[]", "[]").id();
        Registered soc = register("cl-soc", "[]", "[\"alert\"]", "[]");
        try (CountingConsumer subscriber = subscription(soc)) {
            String envelope = UUID.randomUUID().toString();
            HttpResponse<String> posted = TestIdentities.product(sensor).send(post(
                    "https://127.0.0.1:9743/api/v1/information", Hub.alert(sensor, envelope, "sent to node 1")));
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
            String hubId = Hub.json(posted).getJsonObject("hub").getString("id");

            HttpResponse<String> readOnNode2 = OPERATOR.send(get(NODE2 + "/api/v1/information/" + hubId));
            assertThat(readOnNode2.statusCode()).isEqualTo(200);
            assertThat(Hub.json(readOnNode2).getString("id")).isEqualTo(envelope);
            subscriber.awaitAll(Set.of(hubId), Duration.ofSeconds(30), "items at the subscription");
            System.out.printf("cluster: alert %s posted to node 1, read through node 2, received by %s's subscription%n",
                    hubId, soc.id());
        }
    }

    /**
     * A guesser spreading wrong passwords over both nodes: counted per node, eight attempts alternating
     * between them leave each node at four failures, below its threshold of five; counted together, the
     * name is locked from the sixth attempt on (429 without checking, for 1 s doubling with each failure).
     */
    @Test
    @Order(2)
    void failedLoginsSpreadOverBothNodesLockTheNameOnBoth() {
        String user = "guessed-" + UUID.randomUUID().toString().substring(0, 6);
        List<Integer> answers = new ArrayList<>();
        for (int attempt = 0; attempt < 8; attempt++) {
            String node = attempt % 2 == 0 ? NODE1 : NODE2;
            answers.add(new TestIdentities.Person(user, "guess-" + attempt).send(get(node + "/api/v1/products")).statusCode());
        }
        System.out.printf("cluster: wrong passwords for %s alternating node 1 / node 2 answered %s%n", user, answers);
        assertThat(answers.subList(0, 5)).as("the first five attempts are checked and refused").containsOnly(401);
        assertThat(answers.subList(5, 8)).as("later attempts meet the lock the two nodes share").contains(429);
    }

    @Test
    @Order(3)
    void killingALibertyNodeUnderLoadLosesAndRepeatsNothing() throws Exception {
        Outcome outcome = underLoad("node", () -> kill("node1"));
        outcome.assertExactlyOnce();
        script(Duration.ofMinutes(4), "start");
    }

    @Test
    @Order(4)
    void killingTheBrokerPrimaryUnderLoadLosesAndRepeatsNothing() throws Exception {
        Outcome outcome = underLoad("broker", () -> kill("broker-primary"));
        outcome.assertExactlyOnce();
        script(Duration.ofMinutes(4), "start");
    }

    @Test
    @Order(5)
    void restartingPostgresqlUnderLoadLosesAndRepeatsNothing() throws Exception {
        Outcome outcome = underLoad("database", () -> {
            Database.pause();
            Hub.sleep(Duration.ofSeconds(5));
            Database.resume();
        });
        outcome.assertExactlyOnce();
    }

    /** Runs the mixed load, kills a part once a third of it is stored, and waits for the rest to land. */
    private static Outcome underLoad(String phase, Runnable failure) throws Exception {
        Registered httpSensor = register("cl-" + phase + "-http", "[\"alert\"]", "[]", "[]");
        Registered jmsSensor = register("cl-" + phase + "-jms", "[\"alert\"]", "[]", "[]");
        Registered soc = register("cl-" + phase + "-soc", "[]", "[\"alert\"]", "[]");
        Registered firewall = register("cl-" + phase + "-fw", "[]", "[]", "[\"protect.block-ip\"]");
        Load load = new Load();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try (CountingConsumer subscriber = subscription(soc); CountingConsumer commands = commandsOf(firewall)) {
            AtomicInteger nextBatch = new AtomicInteger();
            List<Future<?>> senders = new ArrayList<>();
            for (int poster = 0; poster < 2; poster++) {
                senders.add(pool.submit(() -> {
                    for (int b = nextBatch.getAndIncrement(); b < ITEMS_PER_CHANNEL / BATCH; b = nextBatch.getAndIncrement()) {
                        postUntilAnswered(httpSensor.id(), load);
                    }
                    return null;
                }));
            }
            senders.add(pool.submit(() -> sendOverJms(jmsSensor, load)));
            Future<?> invoking = pool.submit(() -> {
                while (!load.sendersDone.get()) {
                    invoke(firewall.id(), load);
                    Hub.sleep(Duration.ofMillis(100));
                }
                return null;
            });
            Future<List<String>> following = pool.submit(() -> follow(load));

            await(Duration.ofMinutes(4), "a third of the load stored",
                    () -> stored(httpSensor.id()).size() + stored(jmsSensor.id()).size() >= 2 * ITEMS_PER_CHANNEL / 3, senders);
            Instant killed = Instant.now();
            failure.run();
            for (Future<?> sender : senders) {
                sender.get(8, TimeUnit.MINUTES);
            }
            load.sendersDone.set(true);
            invoking.get(2, TimeUnit.MINUTES);
            Set<String> acknowledged = load.acknowledgedEnvelopes();
            await(Duration.ofMinutes(3), "every acknowledged envelope stored", () -> storedEnvelopes(httpSensor.id(),
                    jmsSensor.id()).containsAll(acknowledged), List.of());
            Set<String> storedIds = new HashSet<>(stored(httpSensor.id()));
            storedIds.addAll(stored(jmsSensor.id()));
            load.storedToFollow.set(storedIds);
            List<String> followed = following.get(4, TimeUnit.MINUTES);
            subscriber.awaitAll(storedIds, Duration.ofMinutes(3), "items at the subscription");
            commands.awaitAll(load.invocations, Duration.ofMinutes(2), "commands at the firewall");
            return new Outcome(phase, killed, load, acknowledged, rows(httpSensor.id(), jmsSensor.id()), storedIds,
                    followed, subscriber, commands);
        } finally {
            load.sendersDone.set(true);
            pool.shutdownNow();
        }
    }

    private record Outcome(String phase, Instant killed, Load load, Set<String> acknowledged, Rows rows,
            Set<String> storedIds, List<String> followed, CountingConsumer subscriber, CountingConsumer commands) {

        void assertExactlyOnce() {
            long httpPause = load.longestPauseAfter(killed, load.httpTimes).toMillis();
            long jmsPause = load.longestPauseAfter(killed, load.jmsTimes).toMillis();
            System.out.printf("cluster %s failure: sent %d envelopes (%d HTTP, %d JMS), acknowledged %d, stored %d rows"
                            + " (%d distinct envelopes), lost 0 of the acknowledged: %s; follower saw %d (%d duplicates);"
                            + " subscriber received %d (%d duplicates); invocations answered 2xx %d, commands received %d"
                            + " (%d duplicates); longest pause without an acknowledgement after the failure: HTTP %d ms, JMS %d ms;"
                            + " envelopes acknowledged per second from 5 s before to 10 s after it (| = the failure): %s%n",
                    phase, 2 * ITEMS_PER_CHANNEL, ITEMS_PER_CHANNEL, ITEMS_PER_CHANNEL, acknowledged.size(), rows.rows(),
                    rows.distinct(), rows.envelopes().containsAll(acknowledged), followed.size(),
                    followed.size() - new HashSet<>(followed).size(), subscriber.keys().size(), subscriber.duplicates(),
                    load.invocations.size(), commands.keys().size(), commands.duplicates(), httpPause, jmsPause,
                    load.perSecondAround(killed));
            assertThat(load.httpTimes).as("HTTP sends acknowledged after the failure").anyMatch(at -> at.isAfter(killed));
            assertThat(load.jmsTimes).as("JMS sends acknowledged after the failure").anyMatch(at -> at.isAfter(killed));
            assertThat(acknowledged).as("every envelope sent was acknowledged in the end").hasSize(2 * ITEMS_PER_CHANNEL);
            assertThat(rows.envelopes()).as("stored envelopes").containsAll(acknowledged);
            assertThat(rows.rows()).as("stored rows, one per envelope").isEqualTo(rows.distinct());
            assertThat(followed).as("items the follower saw").doesNotHaveDuplicates();
            assertThat(new HashSet<>(followed)).as("the follower saw every stored item").isEqualTo(storedIds);
            assertThat(subscriber.duplicates()).as("deliveries to the subscription beyond the first").isZero();
            assertThat(subscriber.keys()).as("the subscription received every stored item").isEqualTo(storedIds);
            assertThat(commands.duplicates()).as("commands delivered more than once").isZero();
            assertThat(commands.keys()).as("every invocation answered 2xx reached the firewall")
                    .containsAll(load.invocations);
        }
    }

    /** What the load got acknowledged, and when. */
    private static final class Load {
        final Set<String> httpAcknowledged = ConcurrentHashMap.newKeySet();
        final Set<String> jmsAcknowledged = ConcurrentHashMap.newKeySet();
        final Set<String> invocations = ConcurrentHashMap.newKeySet();
        final Queue<Instant> httpTimes = new ConcurrentLinkedQueue<>();
        final Queue<Instant> jmsTimes = new ConcurrentLinkedQueue<>();
        final AtomicBoolean sendersDone = new AtomicBoolean();
        final java.util.concurrent.atomic.AtomicReference<Set<String>> storedToFollow =
                new java.util.concurrent.atomic.AtomicReference<>();

        void acknowledgedHttp(List<String> envelopes) {
            httpAcknowledged.addAll(envelopes);
            httpTimes.add(Instant.now());
        }

        void acknowledgedJms(List<String> envelopes) {
            jmsAcknowledged.addAll(envelopes);
            jmsTimes.add(Instant.now());
        }

        Set<String> acknowledgedEnvelopes() {
            Set<String> all = new HashSet<>(httpAcknowledged);
            all.addAll(jmsAcknowledged);
            return all;
        }

        /** The longest time, from the kill on, that a channel went without an acknowledgement. */
        Duration longestPauseAfter(Instant killed, Queue<Instant> channel) {
            List<Instant> times = new ArrayList<>(channel.stream().filter(at -> at.isAfter(killed)).toList());
            Collections.sort(times);
            Duration longest = Duration.ZERO;
            Instant previous = killed;
            for (Instant at : times) {
                Duration pause = Duration.between(previous, at);
                longest = pause.compareTo(longest) > 0 ? pause : longest;
                previous = at;
            }
            return longest;
        }

        /** Envelopes acknowledged in each second from 5 s before the failure to 10 s after it. */
        String perSecondAround(Instant failure) {
            List<String> seconds = new ArrayList<>();
            for (int second = -5; second < 10; second++) {
                Instant from = failure.plusSeconds(second);
                Instant to = from.plusSeconds(1);
                long batches = java.util.stream.Stream.concat(httpTimes.stream(), jmsTimes.stream())
                        .filter(at -> !at.isBefore(from) && at.isBefore(to)).count();
                seconds.add((second == 0 ? "| " : "") + batches * BATCH);
            }
            return String.join(" ", seconds);
        }
    }

    /** Posts one batch through the front over mutual TLS until it is answered, like a careful product. */
    private static void postUntilAnswered(String producer, Load load) {
        List<String> ids = new ArrayList<>();
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < BATCH; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            body.append(i == 0 ? "" : ",").append(Hub.alert(producer, id, "cluster load"));
        }
        String batch = body.append(']').toString();
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(giveUp)) {
            try {
                HttpResponse<String> response = TestIdentities.product(producer).send(post(FRONT_TLS + "/information", batch));
                if (response.statusCode() == 200 && Hub.json(response).getInt("rejected") == 0) {
                    load.acknowledgedHttp(ids);
                    return;
                }
            } catch (UncheckedIOException down) {
                // reset while a node dies: the same batch again
            }
            Hub.sleep(Duration.ofMillis(200));
        }
        throw new AssertionError("a batch of " + producer + " was never answered");
    }

    /** Sends in transactions of {@link #BATCH}; a transaction the failover rolled back is sent again. */
    private static Void sendOverJms(Registered sensor, Load load) throws JMSException {
        try (Connection connection = new ActiveMQConnectionFactory(PAIR, sensor.id(), sensor.brokerPassword())
                .createConnection(); Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            MessageProducer ingress = session.createProducer(session.createQueue("hutong.information.ingress"));
            for (int sent = 0; sent < ITEMS_PER_CHANNEL; sent += BATCH) {
                List<String> ids = new ArrayList<>();
                List<String> bodies = new ArrayList<>();
                for (int i = 0; i < BATCH; i++) {
                    String id = UUID.randomUUID().toString();
                    ids.add(id);
                    bodies.add(Hub.alert(sensor.id(), id, "cluster load"));
                }
                Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
                while (true) {
                    try {
                        for (String text : bodies) {
                            ingress.send(session.createTextMessage(text));
                        }
                        session.commit();
                        load.acknowledgedJms(ids);
                        Hub.sleep(JMS_PACE);
                        break;
                    } catch (JMSException rolledBack) {
                        // A failover rolls the transaction back (or leaves its outcome unknown): send it again;
                        // the hub takes a repeated envelope as a duplicate.
                        if (Instant.now().isAfter(giveUp)) {
                            throw rolledBack;
                        }
                        try {
                            session.rollback();
                        } catch (JMSException ignored) {
                            // already rolled back
                        }
                        Hub.sleep(Duration.ofMillis(200));
                    }
                }
            }
        }
        return null;
    }

    private static void invoke(String firewall, Load load) {
        try {
            HttpResponse<String> response = OPERATOR.send(post(FRONT + "/invocations", """
                    {"function":"protect.block-ip","target":"%s","timeout":"PT10M",
                     "arguments":{"ip":"203.0.113.9","direction":"inbound","reason":"cluster test"}}""".formatted(firewall)));
            if (response.statusCode() / 100 == 2) {
                load.invocations.add(Hub.json(response).getString("id"));
            }
        } catch (UncheckedIOException down) {
            // no answer: the invocation may or may not exist, and is not counted
        }
    }

    /** Follows every alert through the front with the cursor until it has seen all that was stored. */
    private static List<String> follow(Load load) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(15));
        while (Instant.now().isBefore(giveUp)) {
            Set<String> target = load.storedToFollow.get();
            if (target != null && new HashSet<>(seen).containsAll(target)) {
                return seen.stream().filter(target::contains).toList();
            }
            String url = FRONT + (cursor == null ? "/information?type=alert&limit=500" : "/information?cursor=" + cursor + "&limit=500");
            try {
                HttpResponse<String> response = OPERATOR.send(get(url));
                if (response.statusCode() == 200) {
                    JsonObject page = Hub.json(response);
                    page.getJsonArray("items").getValuesAs(JsonObject.class)
                            .forEach(item -> seen.add(item.getJsonObject("hub").getString("id")));
                    cursor = page.getString("cursor");
                    if (page.containsKey("next")) {
                        continue;
                    }
                }
            } catch (UncheckedIOException down) {
                // the node died under the request: ask again with the same cursor
            }
            Hub.sleep(Duration.ofMillis(200));
        }
        throw new AssertionError("the follower did not catch up; it saw " + seen.size());
    }

    private record Registered(String id, String brokerPassword) {
    }

    private static Registered register(String prefix, String publishes, String subscribes, String functions) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> response = ADMIN.send(post(FRONT + "/products", """
                {"id":"%s","vendor":"Hutong tests","name":"%s","version":"1","category":"security-management",
                 "functions":%s,"publishes":%s,"subscribes":%s,"commands":{"channel":"jms"}}"""
                .formatted(id, id, functions, publishes, subscribes)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return new Registered(id, Hub.json(response).getJsonObject("broker").getString("password"));
    }

    /** A product's durable subscription queue on the pair, counting deliveries per hub id. */
    private static CountingConsumer subscription(Registered product) throws JMSException {
        return CountingConsumer.of(new ActiveMQConnectionFactory(PAIR, product.id(), product.brokerPassword()),
                session -> session.createQueue("hutong.information.alert::" + product.id() + ".alert"), null,
                CountingConsumer.HUB_ID);
    }

    /** The firewall's command queue on the pair, counting commands per invocation. */
    private static CountingConsumer commandsOf(Registered firewall) throws JMSException {
        return CountingConsumer.of(new ActiveMQConnectionFactory(PAIR, firewall.id(), firewall.brokerPassword()),
                session -> session.createQueue("hutong.function." + firewall.id()), null, CountingConsumer.INVOCATION);
    }

    private record Rows(long rows, long distinct, Set<String> envelopes) {
    }

    private static Rows rows(String... producers) {
        try (var db = clusterDatabase().getConnection(); PreparedStatement query = db.prepareStatement(
                "SELECT envelope_id FROM information_item WHERE producer = ANY (?)")) {
            query.setArray(1, db.createArrayOf("varchar", producers));
            List<String> envelopes = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    envelopes.add(rows.getString(1));
                }
            }
            return new Rows(envelopes.size(), new HashSet<>(envelopes).size(), new HashSet<>(envelopes));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> storedEnvelopes(String... producers) {
        return rows(producers).envelopes();
    }

    private static List<String> stored(String producer) {
        try (var db = clusterDatabase().getConnection(); PreparedStatement query = db.prepareStatement(
                "SELECT hub_id FROM information_item WHERE producer = ?")) {
            query.setString(1, producer);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1).trim());
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PGSimpleDataSource clusterDatabase() {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl("jdbc:postgresql://127.0.0.1:" + DB_PORT + "/" + DB_NAME);
        source.setUser("hutong");
        source.setPassword(Database.password());
        return source;
    }

    private static void await(Duration timeout, String what, java.util.function.Supplier<Boolean> condition,
            List<? extends Future<?>> load) {
        Hub.await(timeout, what, () -> {
            for (Future<?> task : load) {
                if (task.isDone()) {
                    try {
                        task.get();
                    } catch (Exception e) {
                        throw new AssertionError("the load stopped: " + e.getCause(), e);
                    }
                }
            }
            return condition.get();
        });
    }

    /** {@code kill -9} of one part, by the pid the script recorded. */
    private static void kill(String part) {
        try {
            long pid = Long.parseLong(Files.readString(STATE.resolve("pids/" + part + ".pid")).trim());
            ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid));
            assertThat(process.destroyForcibly()).isTrue();
            process.onExit().join();
            System.out.printf("cluster: killed %s (pid %d) at %s%n", part, pid, Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void script(Duration timeout, String... arguments) {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            assertThat(process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)).as("%s finished", command).isTrue();
            assertThat(process.exitValue()).as("exit code of %s", command).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static java.net.http.HttpRequest get(String url) {
        return java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Accept", "application/json, application/problem+json").GET().build();
    }

    private static java.net.http.HttpRequest post(String url, String json) {
        return java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build();
    }
}
