package org.hutong.bench;

import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.json.spi.JsonProvider;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocket;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hutong.it.Database;
import org.hutong.it.Hub;
import org.hutong.it.KafkaTools;
import org.hutong.it.TestIdentities;

/**
 * Measures the Syslog and Kafka data interfaces against a running hub (issue 15) and prints each
 * figure as {@code name: value unit} with its ratio to the broker's own persistent rate. Syslog lines
 * count as stored when the hub has published their alerts (it publishes in the storing transaction);
 * Kafka records in likewise; Kafka records out when a consumer of the outbound topic has them.
 * Run by {@code mvn verify -Pbenchmark}; loopback only, every bound in count and time.
 */
public final class DataInterfaceBenchmark {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final String BROKER = System.getProperty("hutong.broker.url", "tcp://127.0.0.1:61616");
    private static final String USER = System.getProperty("hutong.broker.user", "hutong");
    private static final String PASSWORD = System.getProperty("hutong.broker.password", "hutong-dev-only");
    private static final int LINES = Integer.getInteger("bench.syslog.lines", 50_000);
    private static final int RECORDS = Integer.getInteger("bench.kafka.records", 20_000);
    private static final Duration LIMIT = Duration.ofMinutes(Long.getLong("bench.limit.minutes", 30));
    /** The product bound to 127.0.0.1 for syslog over TCP (ear/pom.xml). */
    private static final String TCP_PRODUCT = "syslog-tcp";
    private static final String KAFKA_PRODUCT = "kafka-fw";
    private static final String KAFKA_IN = "hutong.in.kafka-fw";
    private static final String KAFKA_OUT = "hutong.out.behavior";

    private DataInterfaceBenchmark() {
    }

    /** Records a failure and returns: the build stops what it started, then fails. */
    public static void main(String[] args) {
        BenchmarkErrors.clear("DataInterfaceBenchmark");
        try {
            Hub.awaitReady(Duration.ofMinutes(3));
            Hub.registeredPublisher(TCP_PRODUCT);
            Hub.registeredPublisher(KAFKA_PRODUCT);
            KafkaTools.setUpHubTopics();
            int warmUp = Math.min(LINES, 5000);
            syslogTcp(warmUp, "warm");
            System.out.println("warm_up: " + warmUp + " syslog lines over TCP, not counted");
            double limit = BrokerLimit.measure();
            System.out.printf("broker_persistent_messages_per_second: %.0f messages/s%n", limit);
            System.out.println("syslog_lines_per_run: " + LINES + " lines");
            Rates tcp = syslogTcp(LINES, "tcp");
            report("syslog_tcp_lines_per_second", tcp.stored(), limit, "lines/s");
            report("syslog_tcp_lines_distributed_per_second", tcp.published(), limit, "lines/s");
            Rates tls = syslogTls(LINES);
            report("syslog_tls_lines_per_second", tls.stored(), limit, "lines/s");
            report("syslog_tls_lines_distributed_per_second", tls.published(), limit, "lines/s");
            System.out.println("kafka_records_per_run: " + RECORDS + " records");
            Rates in = kafkaIn(RECORDS);
            report("kafka_in_records_per_second", in.stored(), limit, "records/s");
            report("kafka_in_records_distributed_per_second", in.published(), limit, "records/s");
            report("kafka_out_records_per_second", kafkaOut(RECORDS), limit, "records/s");
        } catch (Exception | AssertionError e) {
            // Recorded, not thrown: the build must still stop the server, broker, database and Kafka it started.
            BenchmarkErrors.record("DataInterfaceBenchmark", e.toString());
        }
    }

    private static void report(String name, double perSecond, double limit, String unit) {
        System.out.printf("%s: %.0f %s%n", name, perSecond, unit);
        System.out.printf("%s_ratio: %.3f%n", name, perSecond / limit);
    }

    /** {@code lines} CEF lines over one TCP connection, octet-counted, from the bound address. */
    private static Rates syslogTcp(int lines, String run) throws Exception {
        String marker = run + "-" + UUID.randomUUID();
        return published(TCP_PRODUCT, "alert", lines, marker, () -> {
            try (Socket socket = new Socket("127.0.0.1", 1514)) {
                write(socket.getOutputStream(), lines, marker);
            }
        });
    }

    /** {@code lines} CEF lines over one TLS connection with a product certificate (RFC 5425). */
    private static Rates syslogTls(int lines) throws Exception {
        String product = "bench-syslog-tls";
        Hub.registeredPublisher(product);
        String marker = "tls-" + UUID.randomUUID();
        return published(product, "alert", lines, marker, () -> {
            try (SSLSocket socket = (SSLSocket) TestIdentities.productTls(product).getSocketFactory()
                    .createSocket("127.0.0.1", 6514)) {
                socket.startHandshake();
                write(socket.getOutputStream(), lines, marker);
            }
        });
    }

    private static void write(OutputStream raw, int lines, String marker) throws Exception {
        OutputStream out = new BufferedOutputStream(raw, 64 * 1024);
        String time = DateTimeFormatter.ISO_INSTANT.format(Instant.now());
        for (int i = 0; i < lines; i++) {
            String line = "<134>1 " + time + " fw01 ngfw - - - CEF:0|Acme|NGFW|9.1|tcp-portscan|Port scan " + i + " "
                    + marker + "|7|src=203.0.113." + (i % 250) + " spt=" + (1024 + i % 60000)
                    + " dst=10.1.2.3 dpt=22 proto=TCP cnt=3 msg=probe of 3 ports";
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            out.write((bytes.length + " ").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
        }
        out.flush();
    }


    /** Envelopes produced to the inbound topic as the bound product, until the hub published them all. */
    private static Rates kafkaIn(int records) throws Exception {
        String marker = UUID.randomUUID().toString();
        return published(KAFKA_PRODUCT, "alert", records, marker, () -> {
            Properties properties = kafkaClient(KafkaTools.account(KAFKA_PRODUCT, "kafka-fw-secret"));
            properties.put("key.serializer", StringSerializer.class.getName());
            properties.put("value.serializer", StringSerializer.class.getName());
            properties.put("acks", "all");
            properties.put("linger.ms", "5");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
                for (int i = 0; i < records; i++) {
                    producer.send(new ProducerRecord<>(KAFKA_IN, KAFKA_PRODUCT, envelope(KAFKA_PRODUCT, "alert",
                            "{\"name\":\"kafka " + i + " " + marker + "\",\"category\":\"network-attack/scan\",\"severity\":2}")));
                }
                producer.flush();
            }
        });
    }

    /** Behaviour envelopes into the hub over JMS, until a Kafka consumer of the outbound topic has them all. */
    private static double kafkaOut(int records) throws Exception {
        String producer = "bench-kafka-out";
        Hub.registeredPublisher(producer);
        String marker = UUID.randomUUID().toString();
        Properties properties = kafkaClient(KafkaTools.account("kafka-siem", "kafka-siem-secret"));
        properties.put("group.id", "bench");
        properties.put("isolation.level", "read_committed");
        properties.put("auto.offset.reset", "latest");
        properties.put("key.deserializer", StringDeserializer.class.getName());
        properties.put("value.deserializer", StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            consumer.subscribe(java.util.List.of(KAFKA_OUT));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(200));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
            long started = System.nanoTime();
            try (JMSContext context = new ActiveMQConnectionFactory(BROKER
                    + "?blockOnDurableSend=false&confirmationWindowSize=1048576", USER, PASSWORD).createContext()) {
                JMSProducer sender = context.createProducer();
                StringBuilder batch = new StringBuilder("[");
                for (int i = 0; i < records; i++) {
                    batch.append(batch.length() > 1 ? "," : "").append(envelope(producer, "behavior",
                            "{\"subject\":{\"type\":\"user\",\"name\":\"u" + i + " " + marker + "\"},\"action\":\"login\"}"));
                    if ((i + 1) % 500 == 0 || i == records - 1) {
                        sender.send(context.createQueue("hutong.information.ingress"), batch.append(']').toString());
                        batch.setLength(1);
                    }
                }
            }
            int received = 0;
            Instant deadline = Instant.now().plus(LIMIT);
            while (received < records) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("only " + received + " of " + records + " on Kafka within " + LIMIT);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value().contains(marker)) {
                        received++;
                    }
                }
            }
            return records / ((System.nanoTime() - started) / 1e9);
        }
    }

    private static Properties kafkaClient(Path account) throws Exception {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(account)) {
            properties.load(in);
        }
        properties.put("bootstrap.servers", KafkaTools.BOOTSTRAP);
        return properties;
    }

    private static String envelope(String producer, String type, String body) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"specVersion\":\"1.0\",\"producer\":\""
                + producer + "\",\"time\":\"" + DateTimeFormatter.ISO_INSTANT.format(Instant.now()) + "\",\"body\":"
                + body + "}";
    }

    /** Something that sends. */
    private interface Load {
        void send() throws Exception;
    }

    /** How fast a load was stored (rows committed) and distributed (published on the broker), per second. */
    private record Rates(double stored, double published) {
    }

    /**
     * Runs the load and waits until {@code expected} more rows of the product are stored (PostgreSQL, polled
     * every 100 ms) and until {@code expected} messages of the product's {@code type} carrying the marker
     * were published on the broker.
     */
    private static Rates published(String producer, String type, int expected, String marker, Load load)
            throws Exception {
        long before = storedRows(producer);
        try (Connection connection = new ActiveMQConnectionFactory(BROKER, USER, PASSWORD).createConnection()) {
            Session session = connection.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
            MessageConsumer published = session.createConsumer(session.createTopic("hutong.information." + type),
                    "hutong_producer = '" + producer + "'");
            AtomicInteger received = new AtomicInteger();
            CountDownLatch all = new CountDownLatch(1);
            published.setMessageListener(message -> {
                try {
                    if (message.getBody(String.class).contains(marker) && received.incrementAndGet() == expected) {
                        all.countDown();
                    }
                } catch (jakarta.jms.JMSException e) {
                    throw new IllegalStateException(e);
                }
            });
            connection.start();
            long started = System.nanoTime();
            load.send();
            Instant deadline = Instant.now().plus(LIMIT);
            while (storedRows(producer) < before + expected) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("only " + (storedRows(producer) - before) + " of " + expected
                            + " stored within " + LIMIT);
                }
                Thread.sleep(100);
            }
            long stored = System.nanoTime();
            if (!all.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("only " + received.get() + " of " + expected + " published within " + LIMIT);
            }
            long distributed = System.nanoTime();
            return new Rates(expected / ((stored - started) / 1e9), expected / ((distributed - started) / 1e9));
        }
    }

    private static long storedRows(String producer) throws java.sql.SQLException {
        try (var db = Database.hub().getConnection(); var query = db.prepareStatement(
                "SELECT count(*) FROM information_item WHERE producer = ?")) {
            query.setString(1, producer);
            try (var row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
