package org.hutong.information.application.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hutong.information.application.BatchReceipt;
import org.hutong.information.application.InformationIngestion;
import org.hutong.information.application.Parsers;
import org.hutong.information.application.RejectionPolicy;
import org.hutong.information.domain.InformationEnvelope;
import org.hutong.information.domain.InvalidInformationException;
import org.hutong.information.domain.syslog.EventMapping;
import org.hutong.information.domain.syslog.SyslogHeaders;
import org.hutong.information.domain.syslog.UnreadableLineException;
import org.hutong.exchange.application.ReceivedMessage;
import org.hutong.security.application.ProductRightsService;
import org.hutong.security.domain.ProductRights;
import org.hutong.shared.domain.Sender;
import org.hutong.shared.domain.Violation;
import org.junit.jupiter.api.Test;

class SyslogIngestionServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");
    private static final String CEF = "<134>1 2026-12-05T07:59:58Z fw01 ngfw - - - CEF:0|Acme|NGFW|9.1|tcp-portscan|"
            + "TCP port scan detected|7|src=203.0.113.9 dst=10.1.2.3 dpt=22";
    private final SyslogHeaders headers = new SyslogHeaders(ZoneOffset.UTC);
    private final SyslogIngestionService service = new SyslogIngestionService();
    private final List<String> batches = new ArrayList<>();
    private final List<String> parked = new ArrayList<>();

    SyslogIngestionServiceTest() {
        service.rights = new ProductRightsService() {
            @Override
            public Optional<ProductRights> rights(String productId) {
                return switch (productId) {
                    case "fw-01" -> Optional.of(new ProductRights("fw-01", true, Set.of("alert", "behavior"), Set.of()));
                    case "fw-suspended" -> Optional.of(new ProductRights("fw-suspended", false, Set.of("alert"), Set.of()));
                    default -> Optional.empty();
                };
            }
        };
        service.mappings = new SyslogMappings() {
            @Override
            public Optional<SyslogMapping> find(String productId) {
                return Optional.empty();
            }

            @Override
            public void save(String productId, SyslogMapping mapping, String changedBy) {
                throw new AssertionError("not used by the syslog service");
            }

            @Override
            public boolean delete(String productId) {
                throw new AssertionError("not used by the syslog service");
            }
        };
        service.deadLetters = new SyslogDeadLetters() {
            @Override
            public void park(SyslogLine line, String reason, List<Violation> violations) {
                parked.add(reason + (violations.isEmpty() ? "" : " " + violations));
            }

            @Override
            public List<DeadLetter> page(Optional<String> productId, long after, int limit) {
                return List.of();
            }
        };
        service.settings = new SyslogSettings();
        service.settings.rfc3164Zone = Optional.of("UTC");
        service.ingestion = new RecordingIngestion();
    }

    /** Stores what the parser accepts, rejects the rest, as the real service decides. */
    private final class RecordingIngestion implements InformationIngestion {
        @Override
        public BatchReceipt ingestBatch(String batchJson, RejectionPolicy policy, Sender sender) {
            assertEquals(RejectionPolicy.REPORT, policy);
            batches.add(sender.productId() + " " + batchJson);
            List<BatchReceipt.ItemOutcome> items = new ArrayList<>();
            var array = org.hutong.shared.domain.JsonApi.JSON.createReader(new java.io.StringReader(batchJson)).readArray();
            for (int i = 0; i < array.size(); i++) {
                try {
                    InformationEnvelope envelope = Parsers.PARSER.parse(array.get(i).toString());
                    items.add(new BatchReceipt.ItemOutcome(i, envelope.producer().equals(sender.productId())
                            ? BatchReceipt.ACCEPTED : BatchReceipt.REJECTED, null,
                            envelope.producer().equals(sender.productId()) ? null : "not its own", List.of()));
                } catch (InvalidInformationException e) {
                    items.add(new BatchReceipt.ItemOutcome(i, BatchReceipt.REJECTED, null, e.getMessage(), e.violations()));
                }
            }
            return BatchReceipt.of(items);
        }

        @Override
        public org.hutong.information.application.IngestionReceipt ingest(String envelopeJson, Sender sender) {
            throw new AssertionError("not used by the syslog service");
        }

        @Override
        public void ingestReceived(List<ReceivedMessage> messages) {
            throw new AssertionError("not used by the syslog service");
        }

        @Override
        public String publishOwn(org.hutong.shared.domain.InformationType type, jakarta.json.JsonObject body) {
            throw new AssertionError("not used by the syslog service");
        }

        @Override
        public void reject(String payload, String reason, List<Violation> violations) {
            throw new AssertionError("not used by the syslog service");
        }
    }

    private static SyslogLine line(String product, String text) {
        return line(product, text.getBytes(StandardCharsets.UTF_8));
    }

    private static SyslogLine line(String product, byte[] bytes) {
        return new SyslogLine(product, "tcp", "127.0.0.1:50000", bytes, NOW, false);
    }

    @Test
    void aMappedLineIsAValidEnvelopeOfItsProduct() {
        String envelope = service.envelope(line("fw-01", CEF), SyslogMapping.DEFAULT, headers);
        InformationEnvelope parsed = Parsers.PARSER.parse(envelope);
        assertEquals("fw-01", parsed.producer());
        assertEquals("alert", parsed.type().wireName());
        assertTrue(envelope.contains("\"time\":\"2026-12-05T07:59:58Z\""), envelope);
    }

    @Test
    void theSameLineHasTheSameIdAndAnyOtherByteOrProductAnother() {
        String first = service.envelope(line("fw-01", CEF), SyslogMapping.DEFAULT, headers);
        String again = service.envelope(line("fw-01", CEF), SyslogMapping.DEFAULT, headers);
        String otherTime = service.envelope(line("fw-01", CEF.replace("07:59:58", "07:59:59")), SyslogMapping.DEFAULT,
                headers);
        assertEquals(Parsers.PARSER.parse(first).id(), Parsers.PARSER.parse(again).id());
        assertNotEquals(Parsers.PARSER.parse(first).id(), Parsers.PARSER.parse(otherTime).id());
        assertNotEquals(SyslogIngestionService.lineId(line("fw-01", CEF), false),
                SyslogIngestionService.lineId(line("fw-02", CEF), false));
        assertEquals(8, SyslogIngestionService.lineId(line("fw-01", CEF), false).version());
        assertEquals(2, SyslogIngestionService.lineId(line("fw-01", CEF), false).variant());
    }

    @Test
    void aLineWithoutATimeIsNewEachTimeItArrives() {
        String timeless = "<134>CEF:0|Acme|NGFW|9.1|x|port scan|3|";
        SyslogLine first = line("fw-01", timeless);
        SyslogLine later = new SyslogLine("fw-01", "tcp", "127.0.0.1:50000", first.bytes(), NOW.plusSeconds(1), false);
        String one = service.envelope(first, SyslogMapping.DEFAULT, headers);
        String two = service.envelope(later, SyslogMapping.DEFAULT, headers);
        assertNotEquals(Parsers.PARSER.parse(one).id(), Parsers.PARSER.parse(two).id());
        assertEquals(Parsers.PARSER.parse(one).id(), Parsers.PARSER.parse(service.envelope(first, SyslogMapping.DEFAULT,
                headers)).id(), "the same arrival is the same information (a retried batch)");
    }

    @Test
    void anEnvelopeInTheMessagePassesUnchanged() {
        String envelope = "{\"id\":\"6f1c2f2e-1d5b-4c43-9a55-2f1f7b0c9d11\",\"type\":\"alert\",\"specVersion\":\"1.0\","
                + "\"producer\":\"fw-01\",\"time\":\"2026-12-05T08:00:00Z\",\"body\":{\"name\":\"x\",\"category\":\"other\","
                + "\"severity\":1}}";
        assertEquals(envelope, service.envelope(line("fw-01", "<14>1 - - - - - - " + envelope), SyslogMapping.DEFAULT,
                headers));
    }

    @Test
    void anEventFromKafkaMayComeWithoutASyslogHeaderButASocketsLineMayNot() {
        String bare = "CEF:0|Acme|NGFW|9.1|tcp-portscan|Port scan|7|src=203.0.113.9";
        SyslogLine fromKafka = new SyslogLine("fw-01", SyslogLine.KAFKA, "kafka topic fw.events",
                bare.getBytes(StandardCharsets.UTF_8), NOW, false);
        InformationEnvelope parsed = Parsers.PARSER.parse(service.envelope(fromKafka, SyslogMapping.DEFAULT, headers));
        assertEquals("alert", parsed.type().wireName());
        assertTrue(service.envelope(fromKafka, SyslogMapping.DEFAULT, headers).contains("\"format\":\"NONE\""));
        assertThrows(UnreadableLineException.class, () -> service.envelope(line("fw-01", bare), SyslogMapping.DEFAULT,
                headers));
    }

    @Test
    void linesAreDecodedStrictlyInTheProductsCharset() {
        byte[] gb18030 = "<134>CEF:0|厂商|防火墙|1|scan|端口扫描|5|".getBytes(Charset.forName("GB18030"));
        UnreadableLineException notUtf8 = assertThrows(UnreadableLineException.class,
                () -> service.envelope(line("fw-01", gb18030), SyslogMapping.DEFAULT, headers));
        assertTrue(notUtf8.getMessage().contains("not valid UTF-8 at byte 11"), notUtf8.getMessage());
        SyslogMapping chinese = new SyslogMapping(EventMapping.DEFAULT, Charset.forName("GB18030"));
        String envelope = service.envelope(line("fw-01", gb18030), chinese, headers);
        assertTrue(envelope.contains("端口扫描"), envelope);
    }

    @Test
    void everyLineIsStoredOrParkedWithItsReason() {
        SyslogReceipt receipt = service.ingest(List.of(
                line("fw-01", CEF),
                line("fw-01", "no priority here"),
                line("fw-01", "<134>just words"),
                line("fw-01", "<134>CEF:0|Acme|NGFW|9.1|x|all quiet|3|"),
                line("fw-01", "<134>CEF:0|Acme|NGFW|9.1|x|port scan|3|cnt=0 src=1.2.3.4"),
                line("fw-01", "<14>{\"id\":\"6f1c2f2e-1d5b-4c43-9a55-2f1f7b0c9d11\",\"type\":\"alert\"}"),
                line("fw-suspended", CEF),
                line("nobody", CEF),
                new SyslogLine("fw-01", "tcp", "127.0.0.1:50000", CEF.substring(0, 40).getBytes(StandardCharsets.UTF_8),
                        NOW, true)));
        assertEquals(new SyslogReceipt(2, 0, 7), receipt, parked.toString());
        assertEquals(9, receipt.lines());
        assertEquals(List.of("fw-01"), batches.stream().map(batch -> batch.substring(0, batch.indexOf(' '))).toList(),
                "one batch, in the product's name; nothing of the refused products reaches ingestion");
        assertTrue(parked.get(0).contains("syslog priority"), parked.toString());
        assertTrue(parked.get(1).contains("neither a CEF nor a LEEF"), parked.toString());
        assertTrue(parked.get(2).contains("no category"), parked.toString());
        assertTrue(parked.get(3).contains("longer than the receiver's limit (40 bytes)"), parked.toString());
        assertTrue(parked.get(4).contains("/specVersion"), parked.toString());
        assertEquals("product 'fw-suspended' is not active", parked.get(5));
        assertEquals("product 'nobody' is not registered", parked.get(6));
        assertEquals(Map.of(), Map.of());
    }
}
