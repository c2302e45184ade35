package org.hutong.information.interfaces.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hutong.information.application.InformationIngestion;
import org.hutong.information.application.BatchReceipt;
import org.hutong.information.application.InformationTooLargeException;
import org.hutong.information.application.IngestionReceipt;
import org.hutong.information.application.RejectionPolicy;
import org.hutong.information.domain.ConflictingInformationException;
import org.hutong.information.domain.InvalidInformationException;
import org.hutong.information.domain.Violation;
import org.junit.jupiter.api.Test;
import org.hutong.exchange.interfaces.messaging.RecordingAuditLog;
import org.hutong.security.domain.AccessRefusedException;
import org.hutong.security.domain.Sender;
import org.hutong.security.interfaces.messaging.BrokerSenders;

class InformationIngressListenerTest {

    private final RecordingAuditLog auditLog = new RecordingAuditLog();
    private final List<String> audited = auditLog.recorded;
    private final List<String> ingested = new ArrayList<>();
    private final List<String> rejected = new ArrayList<>();
    private RuntimeException failure;

    private final InformationIngressListener listener = new InformationIngressListener();

    {
        listener.senders = new BrokerSenders("hutong");
        listener.audit = auditLog;
        listener.ingestion = new InformationIngestion() {
            @Override
            public IngestionReceipt ingest(String envelopeJson, Sender sender) {
                if (failure != null) {
                    throw failure;
                }
                ingested.add(sender + " " + envelopeJson);
                return null;
            }

            @Override
            public BatchReceipt ingestBatch(String batchJson, RejectionPolicy policy, Sender sender) {
                if (failure != null) {
                    throw failure;
                }
                ingested.add(policy + " " + batchJson);
                return BatchReceipt.of(List.of());
            }

            @Override
            public void reject(String payload, String reason, List<Violation> violations) {
                rejected.add(reason + " | " + payload + " | " + violations.size());
            }
        };
    }

    @Test
    void handsTheTextToIngestion() {
        listener.onMessage(text("{\"id\":1}"));

        assertThat(ingested).containsExactly("the hub {\"id\":1}");
        assertThat(rejected).isEmpty();
    }

    @Test
    void handsArraysToBatchIngestionParkingTheRejectedItems() {
        listener.onMessage(text("  [{\"id\":1}]"));

        assertThat(ingested).containsExactly("PARK   [{\"id\":1}]");
    }

    @Test
    void parksBatchesOverTheLimitWhole() {
        failure = new InformationTooLargeException("the batch has 1001 envelopes; the limit is 1000");

        listener.onMessage(text("[]"));

        assertThat(rejected).containsExactly("the batch has 1001 envelopes; the limit is 1000 | [] | 1");
    }

    @Test
    void parksInvalidEnvelopesWithEveryViolation() {
        failure = new InvalidInformationException(List.of(new Violation("/id", "is required"),
                new Violation("/type", "is required")));

        listener.onMessage(text("{}"));

        assertThat(rejected).containsExactly("/id: is required (and 1 more) | {} | 2");
    }

    @Test
    void parksConflictsAgainstTheId() {
        failure = new ConflictingInformationException("ids-01", "x");

        listener.onMessage(text("{}"));

        assertThat(rejected).singleElement().asString().contains("already sent information 'x'").endsWith("| 1");
    }

    @Test
    void parksMessagesThatAreNeitherTextNorBytes() {
        listener.onMessage(message(MapMessage.class, null, "fw-01"));

        assertThat(rejected).containsExactly(
                "a JSON document must arrive as text or as UTF-8 bytes, not a MapMessage |  | 1");
        assertThat(ingested).isEmpty();
    }

    @Test
    void readsUtf8BytesAsMqttAndStompClientsSendThem() {
        listener.onMessage(bytes("{\"name\":\"端口扫描\"}".getBytes(StandardCharsets.UTF_8), "fw-01"));

        assertThat(ingested).containsExactly("product fw-01 {\"name\":\"端口扫描\"}");
    }

    @Test
    void parksBytesThatAreNotUtf8() {
        listener.onMessage(bytes(new byte[] {'{', (byte) 0xC3, '}'}, "fw-01"));

        assertThat(rejected).containsExactly("the message body is not UTF-8 text |  | 1");
        assertThat(ingested).isEmpty();
    }

    @Test
    void parksMessagesWithoutASenderStampedByTheBrokerInsteadOfTakingThemAsTheHub() {
        listener.onMessage(message(TextMessage.class, "{\"id\":1}", null));

        assertThat(ingested).isEmpty();
        assertThat(rejected).singleElement().asString()
                .startsWith("the message carries no sender stamped by the broker").endsWith("| {\"id\":1} | 1");
        assertThat(audited).containsExactly("unstamped information.publish refused");
    }

    @Test
    void letsInfrastructureFailuresRollBackForRedelivery() {
        failure = new IllegalStateException("database down");

        assertThatThrownBy(() -> listener.onMessage(text("{}"))).isSameAs(failure);
        assertThat(rejected).isEmpty();
    }

    @Test
    void letsUnreadableBodiesRollBackForRedelivery() {
        TextMessage broken = message(TextMessage.class, new JMSException("connection lost"));

        assertThatThrownBy(() -> listener.onMessage(broken)).isInstanceOf(JMSRuntimeException.class);
        assertThat(rejected).isEmpty();
    }

    @Test
    void ingestsAsTheProductTheBrokerAuthenticated() {
        listener.onMessage(message(TextMessage.class, "{\"id\":1}", "fw-01"));

        assertThat(ingested).containsExactly("product fw-01 {\"id\":1}");
    }

    @Test
    void takesTheHubsOwnBrokerUserAsTheHub() {
        listener.onMessage(message(TextMessage.class, "{\"id\":1}", "hutong"));

        assertThat(ingested).containsExactly("the hub {\"id\":1}");
    }

    @Test
    void parksWhatTheSenderMayNotPublishWithTheReason() {
        failure = new AccessRefusedException("the producer 'ids-01' is not the authenticated product 'fw-01'");

        listener.onMessage(message(TextMessage.class, "{}", "fw-01"));

        assertThat(rejected).containsExactly("the producer 'ids-01' is not the authenticated product 'fw-01' | {} | 1");
        assertThat(audited).containsExactly("fw-01 information.publish refused");
    }

    /** A text message the hub's own broker account sent. */
    private static TextMessage text(String body) {
        return message(TextMessage.class, body, "hutong");
    }

    private static <T extends Message> T message(Class<T> type, Object body) {
        return message(type, body, "hutong");
    }

    private static BytesMessage bytes(byte[] body, String validatedUser) {
        return (BytesMessage) Proxy.newProxyInstance(BytesMessage.class.getClassLoader(),
                new Class<?>[] {BytesMessage.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getBodyLength" -> (long) body.length;
                    case "readBytes" -> {
                        System.arraycopy(body, 0, (byte[]) args[0], 0, body.length);
                        yield body.length;
                    }
                    case "getStringProperty" -> BrokerSenders.VALIDATED_USER.equals(args[0]) ? validatedUser : null;
                    default -> null;
                });
    }

    /**
     * A message whose getText() answers {@code body}, or throws it if it is an exception, sent by the
     * broker user {@code validatedUser}.
     */
    private static <T extends Message> T message(Class<T> type, Object body, String validatedUser) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().equals("getText")) {
                if (body instanceof Exception e) {
                    throw e;
                }
                return body;
            }
            if (method.getName().equals("getStringProperty") && BrokerSenders.VALIDATED_USER.equals(args[0])) {
                return validatedUser;
            }
            return null;
        }));
    }
}
