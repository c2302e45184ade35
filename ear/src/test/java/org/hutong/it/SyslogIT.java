package org.hutong.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Syslog data interface with senders that are not Hutong's: util-linux {@code logger} over TCP
 * (both RFC 6587 framings) and UDP, OpenSSL's {@code s_client} over TLS with a product certificate,
 * and raw sockets for what no well-behaved client sends. The server binds 127.0.0.1 to the product
 * {@code syslog-tcp} (ear/pom.xml) and listens on 6514 (TLS), 1514 (TCP and UDP).
 */
@ExtendWith(HubReady.class)
class SyslogIT {

    private static final String TCP_PRODUCT = "syslog-tcp";
    private static final String TLS_PRODUCT = "syslog-tls";
    private static final String RSYSLOG_PRODUCT = "syslog-rsyslog";
    private static final int TLS_PORT = 6514;
    private static final int PORT = 1514;
    private static final Path CERTIFICATES = Path.of("target", "syslog-it");

    @BeforeAll
    static void registerTheProducts() {
        Hub.registeredProduct(TCP_PRODUCT);
        Hub.registeredProduct(TLS_PRODUCT);
        Hub.registeredProduct(RSYSLOG_PRODUCT);
    }

    @Test
    void loggerLinesOverTcpBecomeStoredDistributedAlertsInBothFramings() throws Exception {
        String marker = UUID.randomUUID().toString();
        try (JMSContext context = Hub.jms().createContext()) {
            JMSConsumer subscriber = context.createConsumer(context.createTopic("hutong.information.alert"),
                    "hutong_producer = '" + TCP_PRODUCT + "'");
            logger("--rfc5424", "-T", "CEF:0|Acme|NGFW|9.1|tcp-portscan|Port scan " + marker
                    + " lf|7|src=203.0.113.9 dst=10.1.2.3 dpt=22 msg=12 ports in 3 s");
            logger("--rfc5424", "-T", "--octet-count", "CEF:0|Acme|NGFW|9.1|tcp-portscan|Port scan " + marker
                    + " counted|8|src=203.0.113.9 dst=10.1.2.3 dpt=23");
            logger("--rfc3164", "-T", "LEEF:2.0|Acme|IDS|2.0|Brute force " + marker + "|^|src=198.51.100.7^dst=10.1.2.4"
                    + "^sev=9^usrName=root");

            List<JsonObject> received = new ArrayList<>();
            while (received.size() < 3) {
                Message message = subscriber.receive(Duration.ofSeconds(20).toMillis());
                assertThat(message).as("distributed alert %d of 3", received.size() + 1).isInstanceOf(TextMessage.class);
                JsonObject information = Hub.json(((TextMessage) message).getText());
                if (information.getJsonObject("body").getString("name").contains(marker)) {
                    received.add(information);
                }
            }
            assertThat(received).extracting(i -> i.getJsonObject("body").getString("name")).containsExactlyInAnyOrder(
                    "Port scan " + marker + " lf", "Port scan " + marker + " counted", "Brute force " + marker);
            JsonObject lf = received.stream().filter(i -> i.getJsonObject("body").getString("name").endsWith(" lf"))
                    .findFirst().orElseThrow();
            assertThat(lf.getString("producer")).isEqualTo(TCP_PRODUCT);
            assertThat(lf.getJsonObject("body").getString("category")).isEqualTo("network-attack/scan");
            assertThat(lf.getJsonObject("body").getInt("severity")).isEqualTo(3);
            assertThat(lf.getJsonObject("body").getJsonObject("source").getString("ip")).isEqualTo("203.0.113.9");
            assertThat(lf.getJsonObject("body").getString("evidence")).isEqualTo("12 ports in 3 s");
            assertThat(lf.getJsonObject("body").getJsonObject("extension").getString("raw")).startsWith("<13>1 ")
                    .endsWith("msg=12 ports in 3 s");
            JsonObject leef = received.stream().filter(i -> i.getJsonObject("body").getString("name").startsWith("Brute"))
                    .findFirst().orElseThrow();
            assertThat(leef.getJsonObject("body").getString("category")).isEqualTo("network-attack/credential-attack");
            assertThat(leef.getJsonObject("body").getInt("severity")).isEqualTo(4);
            assertThat(leef.getJsonObject("body").getJsonObject("extension").getJsonObject("syslog").getString("format"))
                    .isEqualTo("RFC3164");

            assertThat(storedAlertsNamed(TCP_PRODUCT, marker)).as("each line stored once").hasSize(3);
        }
    }

    @Test
    void aLineSentAgainIsStoredOnceAndALineWithoutEventIsParkedWithItsReason() throws Exception {
        String marker = UUID.randomUUID().toString();
        String line = "<134>1 2026-12-05T08:00:00.000Z fw01 ngfw - - - CEF:0|Acme|NGFW|9.1|sqli|SQL injection "
                + marker + "|9|src=192.0.2.10 request=/login?u\\=admin'--";
        long parkedBefore = lastDeadLetter();
        send("tcp", line + "\n" + line + "\n<134>1 2026-12-05T08:00:01Z fw01 ngfw - - - only words " + marker + "\n");

        Hub.await(Duration.ofSeconds(20), "the dead letter", () -> deadLettersAfter(parkedBefore).contains(marker));
        String letters = deadLettersAfter(parkedBefore);
        assertThat(letters).contains("the message is neither a CEF nor a LEEF event nor a Hutong envelope");
        assertThat(count(letters, marker)).as("only the line without an event is parked").isEqualTo(1);
        assertThat(storedAlertsNamed(TCP_PRODUCT, "SQL injection " + marker)).as("the same line twice is one alert")
                .singleElement().satisfies(body -> assertThat(body.getString("category")).isEqualTo("network-attack/exploit"));
    }

    @Test
    void bytesThatAreNotUtf8AndCutLinesAreParkedNeverStoredHalf() throws Exception {
        String marker = UUID.randomUUID().toString();
        long parkedBefore = lastDeadLetter();
        byte[] gbk = ("<134>1 2026-12-05T08:00:00Z fw01 ngfw - - - CEF:0|厂商|防火墙|1|scan|端口扫描 " + marker + "|5|")
                .getBytes("GB18030");
        byte[] huge = ("<134>1 2026-12-05T08:00:00Z fw01 ngfw - - - CEF:0|Acme|NGFW|1|scan|huge " + marker + "|5|msg="
                + "x".repeat(70_000)).getBytes(UTF_8);
        send("tcp", gbk, "\n".getBytes(UTF_8), huge, "\n".getBytes(UTF_8));

        Hub.await(Duration.ofSeconds(20), "two dead letters", () -> count(deadLettersAfter(parkedBefore), "\"number\"") >= 2);
        String letters = deadLettersAfter(parkedBefore);
        assertThat(letters).contains("the line is not valid UTF-8 at byte 50")
                .contains("the line is longer than the receiver's limit (65536 bytes) and was cut there");
        JsonObject first = Hub.json(letters).getJsonArray("items").getJsonObject(0);
        assertThat(java.util.Base64.getDecoder().decode(first.getString("lineBase64"))).as("kept byte for byte")
                .isEqualTo(gbk);
        assertThat(TestIdentities.ADMIN.get("/information?producer=" + TCP_PRODUCT + "&limit=1000").body())
                .doesNotContain(marker);
    }

    @Test
    void aSourceBoundToNoProductIsRefusedAndItsLinesAreNotStored() throws Exception {
        String marker = UUID.randomUUID().toString();
        double refusedBefore = metric("hutong_syslog_connections_refused_total", "reason=\"unidentified\",transport=\"tcp\"");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress("127.0.0.2", 0));
            socket.connect(new InetSocketAddress("127.0.0.1", PORT), 5_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("<134>1 2026-12-05T08:00:00Z h a - - - CEF:0|A|B|1|scan|" + marker + "|5|\n")
                    .getBytes(UTF_8));
            assertThat(socket.getInputStream().read()).as("the hub closes the connection").isEqualTo(-1);
        }
        assertThat(metric("hutong_syslog_connections_refused_total", "reason=\"unidentified\",transport=\"tcp\""))
                .isEqualTo(refusedBefore + 1);
        assertThat(TestIdentities.ADMIN.get("/information?type=alert&limit=1000").body()).doesNotContain(marker);
    }

    @Test
    void udpDatagramsOfABoundSourceAreStoredAndOthersDroppedAndCounted() throws Exception {
        String marker = UUID.randomUUID().toString();
        double droppedBefore = metric("hutong_syslog_udp_dropped_total", "reason=\"unbound-source\"");
        logger("--rfc5424", "-d", "CEF:0|Acme|NGFW|9.1|ddos|SYN flood " + marker + "|6|dst=10.1.2.3");
        try (DatagramSocket unbound = new DatagramSocket(new InetSocketAddress("127.0.0.2", 0))) {
            byte[] datagram = ("<134>1 2026-12-05T08:00:00Z h a - - - CEF:0|A|B|1|scan|" + marker + " forged|5|")
                    .getBytes(UTF_8);
            unbound.send(new DatagramPacket(datagram, datagram.length, InetAddress.getByName("127.0.0.1"), PORT));
        }
        Hub.await(Duration.ofSeconds(20), "the UDP alert", () -> TestIdentities.ADMIN.get("/information?producer="
                + TCP_PRODUCT + "&type=alert&limit=1000").body().contains("SYN flood " + marker));
        Hub.await(Duration.ofSeconds(10), "the counted drop",
                () -> metric("hutong_syslog_udp_dropped_total", "reason=\"unbound-source\"") == droppedBefore + 1);
        assertThat(TestIdentities.ADMIN.get("/information?type=alert&limit=1000").body()).doesNotContain(marker + " forged");
    }

    @Test
    void openSslOverTlsIsTheProductItsCertificateNamesAndNothingTheLineClaims() throws Exception {
        String marker = UUID.randomUUID().toString();
        TestIdentities.pemFiles(TLS_PRODUCT, true, CERTIFICATES);
        String cef = "<134>1 2026-12-05T08:00:00Z edr01 edr - - - CEF:0|Acme|EDR|3|ransom|Ransomware " + marker
                + "|10|dhost=pc-17";
        String impersonating = "<134>1 - - - - - - {\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"alert\","
                + "\"specVersion\":\"1.0\",\"producer\":\"" + TCP_PRODUCT + "\",\"time\":\"2026-12-05T08:00:00Z\","
                + "\"body\":{\"name\":\"forged " + marker + "\",\"category\":\"other\",\"severity\":1}}";
        long parkedBefore = lastDeadLetter();
        String output = openSsl(TLS_PRODUCT, octetCounted(cef) + octetCounted(impersonating));
        assertThat(output).doesNotContainIgnoringCase("alert");

        Hub.await(Duration.ofSeconds(20), "the alert over TLS", () -> TestIdentities.ADMIN.get("/information?producer="
                + TLS_PRODUCT + "&type=alert").body().contains("Ransomware " + marker));
        assertThat(TestIdentities.ADMIN.get("/information?producer=" + TLS_PRODUCT + "&type=alert").body())
                .contains("malware/ransomware");
        Hub.await(Duration.ofSeconds(20), "the refused envelope", () -> deadLettersAfter(parkedBefore).contains(marker));
        assertThat(deadLettersAfter(parkedBefore)).contains("/producer").contains(TLS_PRODUCT);
        assertThat(TestIdentities.ADMIN.get("/information?producer=" + TCP_PRODUCT + "&limit=1000").body())
                .doesNotContain("forged " + marker);
    }

    /**
     * Debian's rsyslog follows a file (imfile) and forwards it over TLS (omfwd, GnuTLS driver) with its own
     * product certificate, checking the hub's certificate by name: the recipe of the README.
     */
    @Test
    void rsyslogForwardsAFileOverTlsWithItsOwnCertificate() throws Exception {
        String marker = UUID.randomUUID().toString();
        Path dir = CERTIFICATES.resolve("rsyslog").toAbsolutePath();
        deleteRecursively(dir);
        TestIdentities.pemFiles(RSYSLOG_PRODUCT, true, dir);
        Path hubCertificate = dir.resolve("hub.pem");
        Outcome exported = run(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-exportcert", "-rfc", "-alias", "default", "-keystore",
                Hub.WLP.resolve("usr/servers").resolve(Hub.SERVER).resolve("resources/security/key.p12").toString(),
                "-storepass", System.getProperty("hutong.test.keystore.password", "hutong-dev-only"),
                "-file", hubCertificate.toString()), "");
        assertThat(exported.exitCode()).as("keytool: %s", exported.output()).isZero();
        // GnuTLS wants an EC key with its public part, which Java's PKCS #8 encoding leaves out: OpenSSL adds it.
        Outcome key = run(List.of("openssl", "ec", "-in", dir.resolve(RSYSLOG_PRODUCT + ".key.pem").toString(),
                "-out", dir.resolve(RSYSLOG_PRODUCT + ".ec.pem").toString()), "");
        assertThat(key.exitCode()).as("openssl ec: %s", key.output()).isZero();
        Path events = dir.resolve("events.log");
        Files.writeString(events, "CEF:0|Acme|WAF|5.2|942100|SQL injection " + marker + "|8|src=198.51.100.23"
                + " request=/search?q\\=1' OR '1'\\='1 act=blocked\n"
                + "LEEF:1.0|Acme|IDS|4.1|ET SCAN " + marker + "|src=198.51.100.24\tdst=10.1.2.5\tsev=4\n");
        Path work = Files.createDirectories(dir.resolve("work"));
        Path config = dir.resolve("rsyslog.conf");
        Files.writeString(config, """
                global(workDirectory="%s"
                       defaultNetstreamDriverCAFile="%s"
                       defaultNetstreamDriverCertFile="%s"
                       defaultNetstreamDriverKeyFile="%s")
                module(load="imfile")
                input(type="imfile" file="%s" tag="waf" facility="local0" severity="warning" freshStartTail="off")
                action(type="omfwd" target="127.0.0.1" port="%d" protocol="tcp" tcp_framing="octet-counted"
                       streamDriver="gtls" streamDriverMode="1" streamDriverAuthMode="x509/name"
                       streamDriverPermittedPeers="localhost" template="RSYSLOG_SyslogProtocol23Format")
                """.formatted(work, hubCertificate, dir.resolve(RSYSLOG_PRODUCT + ".cert.pem"),
                dir.resolve(RSYSLOG_PRODUCT + ".ec.pem"), events, TLS_PORT));
        Process rsyslogd = new ProcessBuilder("rsyslogd", "-n", "-f", config.toString(), "-i",
                dir.resolve("rsyslogd.pid").toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("rsyslogd.out").toFile()).start();
        try {
            Hub.await(Duration.ofSeconds(30), "both events forwarded by rsyslog",
                    () -> storedAlertsNamed(RSYSLOG_PRODUCT, marker).size() == 2);
        } finally {
            rsyslogd.destroy();
            rsyslogd.waitFor(10, TimeUnit.SECONDS);
        }
        List<JsonObject> alerts = storedAlertsNamed(RSYSLOG_PRODUCT, marker);
        JsonObject waf = alerts.stream().filter(a -> a.getString("name").startsWith("SQL")).findFirst().orElseThrow();
        assertThat(waf.getString("category")).isEqualTo("network-attack/exploit");
        assertThat(waf.getInt("severity")).isEqualTo(3);
        assertThat(waf.getJsonObject("extension").getJsonObject("cef").getJsonObject("fields").getString("request"))
                .isEqualTo("/search?q=1' OR '1'='1");
        assertThat(waf.getJsonObject("extension").getJsonObject("syslog").getString("appName")).isEqualTo("waf");
        JsonObject ids = alerts.stream().filter(a -> a.getString("name").startsWith("ET SCAN")).findFirst().orElseThrow();
        assertThat(ids.getString("category")).isEqualTo("network-attack/scan");
        assertThat(ids.getInt("severity")).isEqualTo(2);
        assertThat(ids.getJsonObject("destination").getString("ip")).isEqualTo("10.1.2.5");
    }

    @Test
    void certificatesOfUnregisteredProductsOrOtherIssuersOpenNothing() throws Exception {
        String marker = UUID.randomUUID().toString();
        String line = octetCounted("<134>1 2026-12-05T08:00:00Z h a - - - CEF:0|A|B|1|scan|" + marker + "|5|");
        double refusedBefore = metric("hutong_syslog_connections_refused_total", "reason=\"unregistered\",transport=\"tls\"");
        TestIdentities.pemFiles("syslog-unregistered", true, CERTIFICATES);
        openSsl("syslog-unregistered", line);
        Hub.await(Duration.ofSeconds(10), "the refused connection", () -> metric("hutong_syslog_connections_refused_total",
                "reason=\"unregistered\",transport=\"tls\"") == refusedBefore + 1);

        double handshakesBefore = metric("hutong_syslog_connections_refused_total", "reason=\"handshake\",transport=\"tls\"");
        TestIdentities.pemFiles(TLS_PRODUCT, false, CERTIFICATES.resolve("self-signed"));
        run(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + TLS_PORT, "-quiet",
                "-no_ign_eof", "-cert", CERTIFICATES.resolve("self-signed").resolve(TLS_PRODUCT + ".cert.pem").toString(),
                "-key", CERTIFICATES.resolve("self-signed").resolve(TLS_PRODUCT + ".key.pem").toString()), line);
        Hub.await(Duration.ofSeconds(10), "the failed handshake", () -> metric("hutong_syslog_connections_refused_total",
                "reason=\"handshake\",transport=\"tls\"") == handshakesBefore + 1);
        assertThat(TestIdentities.ADMIN.get("/information?type=alert&limit=1000").body()).doesNotContain(marker);
    }

    /**
     * An administrator's mapping table places events the keywords would not (and as a behaviour), is
     * validated against the code list, audited; operators, auditors and products may read dead letters
     * or the table as their role allows but never change it.
     */
    @Test
    void anAdministratorsMappingTablePlacesEventsAndNoOneElseMayChangeIt() throws Exception {
        String product = "syslog-mapped";
        Hub.registeredProduct(product);
        TestIdentities.pemFiles(product, true, CERTIFICATES);
        String table = "{\"categories\": {\"FW-7001\": \"network-attack/apt\"}, \"actions\": {\"4625\": \"login\"},"
                + " \"defaultCategory\": \"other\"}";
        HttpResponse<String> refusedForOperator = put(TestIdentities.OPERATOR, "/syslog/mappings/" + product, table);
        assertThat(refusedForOperator.statusCode()).isEqualTo(403);
        assertThat(put(Hub.registeredProduct(product), "/syslog/mappings/" + product, table).statusCode()).isEqualTo(403);
        assertThat(Hub.registeredProduct(product).get("/syslog/dead-letters").statusCode()).isEqualTo(403);
        HttpResponse<String> invalid = put(TestIdentities.ADMIN, "/syslog/mappings/" + product,
                "{\"categories\": {\"x\": \"not-a-category\"}, \"actions\": {\"y\": \"dance\"}, \"colour\": 1}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(invalid.body()).contains("/colour").contains("/actions/y").contains("/categories/x");
        HttpResponse<String> saved = put(TestIdentities.ADMIN, "/syslog/mappings/" + product, table);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(TestIdentities.AUDITOR.get("/syslog/mappings/" + product).body()).contains("network-attack/apt");
        assertThat(TestIdentities.ADMIN.get("/audit?action=syslog.mapping.replace").body()).contains(product);

        String marker = UUID.randomUUID().toString();
        String output = openSsl(product, octetCounted("<134>1 2026-12-05T08:00:00Z fw h - - - CEF:0|Acme|NGFW|1|FW-7001|Odd "
                + marker + "|5|") + octetCounted("<134>1 2026-12-05T08:00:00Z dc h - - - LEEF:1.0|Microsoft|Windows|10|4625|"
                + "usrName=alice " + marker + "\toutcome=failure"));
        assertThat(output).doesNotContainIgnoringCase("alert");
        Hub.await(Duration.ofSeconds(20), "the mapped alert", () -> storedAlertsNamed(product, marker).size() == 1);
        assertThat(storedAlertsNamed(product, marker).get(0).getString("category")).isEqualTo("network-attack/apt");
        Hub.await(Duration.ofSeconds(20), "the behaviour", () -> TestIdentities.ADMIN.get("/information?producer="
                + product + "&type=behavior").body().contains("alice " + marker));
        assertThat(TestIdentities.ADMIN.send(HttpRequest.newBuilder(URI.create(Hub.API + "/syslog/mappings/" + product))
                .DELETE().build()).statusCode()).isEqualTo(204);
    }

    private static HttpResponse<String> put(TestIdentities.Caller caller, String path, String body) {
        return caller.send(HttpRequest.newBuilder(URI.create(Hub.API + path)).header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static String octetCounted(String message) {
        return message.getBytes(UTF_8).length + " " + message;
    }

    private static void logger(String... options) {
        List<String> command = new ArrayList<>(List.of("logger", "-n", "127.0.0.1", "-P", String.valueOf(PORT)));
        command.addAll(List.of(options));
        Outcome outcome = run(command, "");
        assertThat(outcome.exitCode()).as("logger: %s", outcome.output()).isZero();
    }

    private static String openSsl(String product, String input) {
        return run(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + TLS_PORT, "-quiet", "-no_ign_eof",
                "-verify_quiet", "-cert", CERTIFICATES.resolve(product + ".cert.pem").toString(),
                "-key", CERTIFICATES.resolve(product + ".key.pem").toString()), input).output();
    }

    private static void send(String transport, String text) throws IOException {
        send(transport, text.getBytes(UTF_8));
    }

    private static void send(String transport, byte[]... parts) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", PORT); OutputStream out = socket.getOutputStream()) {
            for (byte[] part : parts) {
                out.write(part);
            }
            out.flush();
        }
    }

    private record Outcome(int exitCode, String output) {
    }

    private static Outcome run(List<String> command, String input) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(UTF_8));
            }
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
            return new Outcome(process.exitValue(), new String(process.getInputStream().readAllBytes(), UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long lastDeadLetter() {
        long last = 0;
        String after = "0";
        while (true) {
            JsonObject page = Hub.json(TestIdentities.ADMIN.get("/syslog/dead-letters?limit=1000&after=" + after));
            var items = page.getJsonArray("items");
            if (items.isEmpty()) {
                return last;
            }
            last = items.getJsonObject(items.size() - 1).getJsonNumber("number").longValue();
            after = Long.toString(last);
        }
    }

    private static String deadLettersAfter(long after) {
        HttpResponse<String> page = TestIdentities.ADMIN.get("/syslog/dead-letters?limit=1000&after=" + after);
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    /** The bodies of the product's stored alerts whose name contains {@code part}. */
    private static List<JsonObject> storedAlertsNamed(String producer, String part) {
        return Hub.json(TestIdentities.ADMIN.get("/information?producer=" + producer + "&type=alert&limit=1000"))
                .getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getJsonObject("body")).filter(body -> body.getString("name").contains(part)).toList();
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    /** A counter of the hub's /metrics (Prometheus text), 0 before it first counts. */
    private static double metric(String name, String labels) {
        HttpResponse<String> metrics = TestIdentities.ADMIN.send(HttpRequest.newBuilder(URI.create(Hub.HTTPS + "/metrics"))
                .GET().build());
        assertThat(metrics.statusCode()).isEqualTo(200);
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} ([0-9.eE+-]+)$").matcher(metrics.body());
        while (line.find()) {
            if (line.group(1).contains(labels)) {
                return Double.parseDouble(line.group(2));
            }
        }
        return 0;
    }
}
