package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The hub as an operator deploys it: the same EAR and server configuration as the test server, on a
 * second Liberty server started with {@code hutong.transport=production}, with its own database and
 * data directory and the broker reached over its TLS acceptor. Everything is observed on real
 * connections: the refused start, the absent HTTP port, HSTS, and the TLS versions OpenSSL can get.
 */
class ProductionServerIT {

    private static final String NAME = "hutong-production";
    private static final Path SERVERS = Hub.WLP.resolve("usr/servers");
    private static final Path SERVER = SERVERS.resolve(NAME);
    private static final Path MESSAGES = SERVER.resolve("logs/messages.log");
    private static final int HTTPS_PORT = 9643;
    /** Configured as a development server would have it: production must not open it anyway. */
    private static final int HTTP_PORT = 9580;
    private static final String HTTPS = "https://127.0.0.1:" + HTTPS_PORT;
    private static final Path IDENTITY_DIR = Path.of(System.getProperty("hutong.identity.dir", "target/identity"));
    private static final Path BROKER_CA = Path.of(System.getProperty("hutong.broker.tls.ca",
            "target/artemis-instance/etc/broker-tls.pem"));
    private static final String BROKER_TLS_PORT = System.getProperty("hutong.broker.tls.port", "61617");
    private static final String DEVELOPMENT_SECRET = "hutong-dev-only";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<String> brokerAccounts = new ArrayList<>();

    @AfterEach
    void stopTheProductionServer() {
        if (Files.isDirectory(SERVER)) {
            try {
                // "not running" is an exit code too: the server may have stopped itself.
                new ProcessBuilder(Hub.WLP.resolve("bin/server").toString(), "stop", NAME).inheritIO().start()
                        .waitFor(120, TimeUnit.SECONDS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        brokerAccounts.forEach(account -> brokerManagement("removeUser", account));
    }

    @Test
    void refusesToStartWithTheDevelopmentSecretsAndNamesEachProblem() throws IOException {
        // What an operator gets who only switched the transport: every secret left at its default.
        Map<String, String> variables = baseVariables();
        createServer(variables);

        start();
        String refusal = awaitLogLine("Hutong does not start with hutong.transport=production", Duration.ofMinutes(3));

        assertThat(refusal).contains("hutong.keystore.password is the development secret",
                "hutong.ltpa.password is the development secret",
                "hutong.products.truststore.password is the development secret",
                "hutong.broker.password is the development secret",
                "hutong.db.password is the development secret",
                "hutong.admin.password is the development secret",
                "hutong.operator.password is the development secret",
                "hutong.auditor.password is the development secret",
                "hutong.audit.key is the development key",
                "hutong.products.truststore is the server's own key store",
                "the broker is reached in clear");
        // The application is not serving: nothing answers for it, on any port.
        assertThat(answers(HTTPS + "/api/v1/hub/keys")).isFalse();
        assertThat(answers("http://127.0.0.1:" + HTTP_PORT + "/api/v1/hub/keys")).isFalse();
    }

    @Test
    void servesHttpsOnlyWithHstsAndTls12Or13WhenConfiguredForProduction() throws Exception {
        Path secrets = Files.createDirectories(Hub.WLP.getParent().resolve(NAME + "-secrets"));
        Map<String, String> variables = baseVariables();

        String keyStorePassword = secret();
        Path keyStore = secrets.resolve("server.p12");
        Files.deleteIfExists(keyStore);
        keytool("-genkeypair", "-alias", "default", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "30",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", keyStorePassword);
        variables.put("hutong.keystore.location", keyStore.toString());
        variables.put("hutong.keystore.password", keyStorePassword);

        String productTrustPassword = secret();
        Path productTrust = secrets.resolve("products-ca.p12");
        Files.deleteIfExists(productTrust);
        keytool("-importkeystore", "-srckeystore", IDENTITY_DIR.resolve("products-trust.p12").toString(),
                "-srcstorepass", DEVELOPMENT_SECRET, "-destkeystore", productTrust.toString(),
                "-deststoretype", "PKCS12", "-deststorepass", productTrustPassword);
        variables.put("hutong.products.truststore", productTrust.toString());
        variables.put("hutong.products.truststore.password", productTrustPassword);

        String brokerTrustPassword = secret();
        Path brokerTrust = secrets.resolve("broker-ca.p12");
        Files.deleteIfExists(brokerTrust);
        keytool("-importcert", "-noprompt", "-alias", "broker", "-file", BROKER_CA.toString(),
                "-storetype", "PKCS12", "-keystore", brokerTrust.toString(), "-storepass", brokerTrustPassword);
        String brokerAccount = "hub-production-" + HexFormat.of().formatHex(randomBytes(4));
        String brokerPassword = secret();
        brokerManagement("addUser", brokerAccount, brokerPassword, "hutong", false);
        brokerAccounts.add(brokerAccount);
        // The broker's TLS acceptor is the only one on this port: the hub's health says it got through.
        variables.put("hutong.broker.connection", "host=127.0.0.1;port=" + BROKER_TLS_PORT
                + ";sslEnabled=true;trustStoreType=PKCS12;trustStorePath=" + brokerTrust
                + ";trustStorePassword=" + brokerTrustPassword);
        variables.put("hutong.broker.user", brokerAccount);
        variables.put("hutong.broker.password", brokerPassword);

        variables.put("hutong.db.password", Database.password());
        variables.put("hutong.ltpa.password", secret());
        variables.put("hutong.audit.key", Base64.getEncoder().encodeToString(randomBytes(32)));
        variables.put("hutong.admin.password", secret());
        variables.put("hutong.operator.password", secret());
        variables.put("hutong.auditor.password", secret());
        createServer(variables);

        start();
        HttpResponse<String> ready = awaitReady();

        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(ready.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
        assertThat(Files.readString(MESSAGES)).contains("Production configuration checked");
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", HTTP_PORT), 2000);
            }
        }).as("plain HTTP port %d", HTTP_PORT).isInstanceOf(ConnectException.class);

        assertThat(openSsl("-tls1_3")).contains("Protocol version: TLSv1.3");
        assertThat(openSsl("-tls1_2")).contains("Protocol version: TLSv1.2");
        // The client is allowed TLS 1.1 (security level 0) and sends its hello ("no protocols available"
        // would mean it refused by itself); the server answers with an alert or closes the connection.
        assertThat(openSsl("-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0"))
                .doesNotContain("CONNECTION ESTABLISHED", "Protocol version: TLSv1.1", "no protocols available")
                .containsAnyOf("alert protocol version", "unexpected eof while reading");
    }

    private static Map<String, String> baseVariables() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("hutong.https.port", Integer.toString(HTTPS_PORT));
        variables.put("hutong.http.port", Integer.toString(HTTP_PORT));
        variables.put("hutong.http.host", "127.0.0.1");
        variables.put("hutong.data.dir", SERVER.resolve("data").toString());
        PGSimpleDataSource database = Database.scratch("production");
        variables.put("hutong.db.host", database.getServerNames()[0]);
        variables.put("hutong.db.port", Integer.toString(database.getPortNumbers()[0]));
        variables.put("hutong.db.name", database.getDatabaseName());
        // The development server holds the syslog ports.
        variables.put("hutong.syslog.tls.port", "-1");
        variables.put("hutong.syslog.tcp.port", "-1");
        variables.put("hutong.syslog.udp.port", "-1");
        return variables;
    }

    /** The test server's configuration and EAR, under a new server with production bootstrap properties. */
    private static void createServer(Map<String, String> variables) throws IOException {
        Path source = SERVERS.resolve(Hub.SERVER);
        deleteRecursively(SERVER);
        Files.createDirectories(SERVER.resolve("apps"));
        Files.createDirectories(SERVER.resolve("includes"));
        Files.createDirectories(SERVER.resolve("configDropins/overrides"));
        Files.copy(source.resolve("server.xml"), SERVER.resolve("server.xml"));
        try (var includes = Files.list(source.resolve("includes"))) {
            for (Path include : includes.toList()) {
                Files.copy(include, SERVER.resolve("includes").resolve(include.getFileName()));
            }
        }
        Files.copy(source.resolve("apps/hutong.ear"), SERVER.resolve("apps/hutong.ear"));
        Files.writeString(SERVER.resolve("bootstrap.properties"), "hutong.transport=production\nhutong.identity=basic\n");
        StringBuilder overrides = new StringBuilder("<server>\n");
        variables.forEach((name, value) -> overrides.append("  <variable name=\"").append(name).append("\" value=\"")
                .append(value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;")).append("\"/>\n"));
        Files.writeString(SERVER.resolve("configDropins/overrides/production.xml"), overrides.append("</server>\n"));
    }

    private static void start() {
        Hub.run(Hub.WLP.resolve("bin/server").toString(), "start", NAME);
    }

    private static HttpResponse<String> awaitReady() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .sslContext(TestIdentities.tls(null)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        HttpResponse<String> last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = client.send(HttpRequest.newBuilder(URI.create(HTTPS + "/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (last.statusCode() == 200) {
                    return last;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Hub.sleep(Duration.ofSeconds(2));
        }
        throw new AssertionError("the production server was not ready within 3 minutes; last answer: "
                + (last == null ? "none" : last.statusCode() + " " + last.body()) + "\n" + logTail());
    }

    private static boolean answers(String url) {
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                    .sslContext(TestIdentities.tls(null)).build()
                    .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String awaitLogLine(String text, Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(MESSAGES)) {
                for (String line : Files.readAllLines(MESSAGES, StandardCharsets.UTF_8)) {
                    if (line.contains(text)) {
                        return line;
                    }
                }
            }
            Hub.sleep(Duration.ofSeconds(1));
        }
        throw new AssertionError("no log line with '" + text + "' within " + timeout + "\n" + logTail());
    }

    private static String logTail() {
        try {
            List<String> lines = Files.exists(MESSAGES) ? Files.readAllLines(MESSAGES) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** A TLS handshake by OpenSSL's command line (not Java's TLS stack) with the given options. */
    private static String openSsl(String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + HTTPS_PORT,
                "-servername", "localhost", "-brief"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("openssl finished").isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void keytool(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Hub.run(command.toArray(String[]::new));
    }

    /** One operation on the broker's management address with the hub's own account. */
    private static void brokerManagement(String operation, Object... parameters) {
        try (JMSContext context = Hub.jms().createContext()) {
            TemporaryQueue replies = context.createTemporaryQueue();
            StringBuilder arguments = new StringBuilder("[");
            for (Object parameter : parameters) {
                arguments.append(arguments.length() > 1 ? "," : "")
                        .append(parameter instanceof Boolean ? parameter.toString() : "\"" + parameter + "\"");
            }
            TextMessage request = context.createTextMessage(arguments.append(']').toString());
            request.setStringProperty("_AMQ_ResourceName", "broker");
            request.setStringProperty("_AMQ_OperationName", operation);
            request.setJMSReplyTo(replies);
            context.createProducer().send(context.createQueue("activemq.management"), request);
            Message reply = context.createConsumer(replies).receive(10_000);
            assertThat(reply).as("the broker's answer to %s", operation).isNotNull();
            assertThat(reply.getBooleanProperty("_AMQ_OperationSucceeded")).as(reply.getBody(String.class)).isTrue();
        } catch (JMSException e) {
            throw new IllegalStateException(operation, e);
        }
    }

    private static String secret() {
        return HexFormat.of().formatHex(randomBytes(18));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
