package org.hutong.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Kafka's own command-line tools (console producer and consumer, topic and ACL commands), run from the
 * jars of the test broker in a JVM of their own, as an operator or a vendor would run them: clients
 * that are not Hutong's, so a test cannot share Hutong's reading of the protocol.
 */
public final class KafkaTools {

    public static final String BOOTSTRAP = System.getProperty("hutong.kafka.bootstrap", "127.0.0.1:19093");
    private static final Path LIBS = Path.of(System.getProperty("hutong.kafka.libs",
            "../jms/kafka-broker/target/kafka/libs"));
    public static final Path HOME = Path.of(System.getProperty("hutong.kafka.home", "target/kafka")).toAbsolutePath();
    private static final String STORE_PASSWORD = System.getProperty("hutong.test.keystore.password", "hutong-dev-only");

    /**
     * The test broker's listener that takes client certificates and no password (kafka.sh: PORT + 2),
     * whose only trusted certificate is the hub's, {@link #HOME}/hutong-client.p12 (CN=hutong).
     */
    public static String certificateBootstrap() {
        int colon = BOOTSTRAP.lastIndexOf(':');
        return BOOTSTRAP.substring(0, colon + 1) + (Integer.parseInt(BOOTSTRAP.substring(colon + 1)) + 2);
    }

    static String storePassword() {
        return STORE_PASSWORD;
    }

    /** What a tool printed, and how it ended. */
    record Outcome(int exitCode, String output) {
    }

    private KafkaTools() {
    }

    /** The client configuration of a SCRAM account of the test broker (accounts: ear/pom.xml, kafka-start). */
    public static Path account(String user, String password) {
        Path file = HOME.resolve("client-" + user + ".properties");
        try {
            Files.writeString(file, """
                    security.protocol=SASL_SSL
                    sasl.mechanism=SCRAM-SHA-512
                    sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="%s" password="%s";
                    ssl.truststore.location=%s
                    ssl.truststore.password=%s
                    ssl.truststore.type=PKCS12
                    """.formatted(user, password, HOME.resolve("truststore.p12"), STORE_PASSWORD));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static Path admin() {
        return HOME.resolve("admin.properties");
    }

    /** Runs a tool's main class with {@code args}, feeding it {@code input}; fails the test if it hangs. */
    static Outcome run(String mainClass, String input, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", LIBS.toAbsolutePath() + "/*",
                "-Dlog4j2.configurationFile=" + HOME.resolve("log4j2.properties"), mainClass));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(UTF_8));
            }
            String output = new String(process.getInputStream().readAllBytes(), UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", mainClass).isTrue();
            return new Outcome(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs an administrative command as the broker's admin; fails the test unless it succeeds. */
    static String adminCommand(String mainClass, String... args) {
        List<String> all = new ArrayList<>(List.of("--bootstrap-server", BOOTSTRAP, "--command-config", admin().toString()));
        all.addAll(List.of(args));
        Outcome outcome = run(mainClass, "", all.toArray(String[]::new));
        assertThat(outcome.exitCode()).as("%s %s: %s", mainClass, all, outcome.output()).isZero();
        return outcome.output();
    }

    public static void createTopic(String topic, int partitions) {
        adminCommand("org.apache.kafka.tools.TopicCommand", "--create", "--if-not-exists", "--topic", topic,
                "--partitions", String.valueOf(partitions));
    }

    public static void allow(String principal, String operation, String resourceOption, String resource) {
        adminCommand("org.apache.kafka.tools.AclCommand", "--add", "--allow-principal", "User:" + principal,
                "--operation", operation, resourceOption, resource);
    }

    /**
     * The topics and ACLs of the test configuration (ear/pom.xml): {@code kafka-fw} alone writes
     * {@code hutong.in.kafka-fw}, which the hub reads; the hub writes {@code hutong.out.behavior} in
     * transactions and reads it back; {@code kafka-siem} reads it in group {@code siem} or {@code bench}.
     */
    public static void setUpHubTopics() {
        createTopic("hutong.in.kafka-fw", 2);
        allow("kafka-fw", "Write", "--topic", "hutong.in.kafka-fw");
        allow("hutong", "Read", "--topic", "hutong.in.kafka-fw");
        allow("hutong", "Read", "--group", "hutong");
        createTopic("hutong.out.behavior", 2);
        allow("hutong", "Write", "--topic", "hutong.out.behavior");
        allow("hutong", "Read", "--topic", "hutong.out.behavior");
        allow("hutong", "Write", "--transactional-id", "hutong-kafka-relay");
        allow("hutong", "IdempotentWrite", "--cluster", "kafka-cluster");
        allow("kafka-siem", "Read", "--topic", "hutong.out.behavior");
        allow("kafka-siem", "Read", "--group", "siem");
        allow("kafka-siem", "Read", "--group", "bench");
        allow("kafka-siem", "Read", "--group", "siem-again");
        allow("kafka-siem", "Read", "--group", "siem-mtls");
    }

    /** Kafka's console producer: one record per line of {@code lines}, as {@code account}. */
    static Outcome produce(Path account, String topic, String lines) {
        return run("org.apache.kafka.tools.ConsoleProducer", lines, "--bootstrap-server", BOOTSTRAP,
                "--command-config", account.toString(), "--topic", topic, "--producer-property", "acks=all");
    }

    /**
     * Kafka's console consumer: up to {@code count} records of {@code topic} from its beginning, until none
     * came for {@code idleMillis} (headers, key and value, tab-separated, one record per line).
     */
    static Outcome consume(Path account, String topic, String group, int count, int idleMillis) {
        return run("org.apache.kafka.tools.consumer.ConsoleConsumer", "", "--bootstrap-server", BOOTSTRAP,
                "--command-config", account.toString(), "--topic", topic, "--group", group, "--from-beginning",
                "--max-messages", String.valueOf(count), "--timeout-ms", String.valueOf(idleMillis),
                "--isolation-level", "read_committed",
                "--property", "print.headers=true", "--property", "print.key=true");
    }
}
