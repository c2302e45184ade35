package org.hutong.function.interfaces.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hutong.function.application.InvocationPage;
import org.hutong.function.application.InvocationRequest;
import org.hutong.function.application.InvocationView;
import org.hutong.function.application.Invocations;
import org.hutong.function.application.ResultReport;
import org.junit.jupiter.api.Test;
import org.hutong.exchange.interfaces.messaging.RecordingAuditLog;
import org.hutong.security.domain.Sender;
import org.hutong.security.interfaces.messaging.BrokerSenders;

class FunctionResultListenerTest {

    private final RecordingAuditLog auditLog = new RecordingAuditLog();
    private final List<String> audited = auditLog.recorded;
    private final List<String> accepted = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();
    private final FunctionResultListener listener = new FunctionResultListener();

    {
        listener.senders = new BrokerSenders("hutong");
        listener.audit = auditLog;
        listener.invocations = new Invocations() {
            @Override
            public InvocationView invoke(InvocationRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public InvocationView report(ResultReport report) {
                throw new UnsupportedOperationException();
            }

            @Override
            public InvocationView reportAsCaller(ResultReport report) {
                throw new AssertionError("a listener reports as the stamped sender");
            }

            @Override
            public void acceptResultMessage(String payload, Sender sender) {
                accepted.add(sender + " " + payload);
            }

            @Override
            public void refuseResultMessage(String payload, String reason) {
                refused.add(reason + " | " + payload);
            }

            @Override
            public Optional<InvocationView> find(String invocationId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public InvocationPage find(String function, String status, long before, int limit) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int timeOutOverdue() {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void handsTheResultTextToTheApplicationAsTheStampedSender() {
        listener.onMessage(message(TextMessage.class, "{\"request_id\":\"r-1\",\"status\":\"succeeded\"}", "fw-01"));

        assertThat(accepted).containsExactly("product fw-01 {\"request_id\":\"r-1\",\"status\":\"succeeded\"}");
        assertThat(refused).isEmpty();
    }

    @Test
    void parksMessagesThatAreNeitherTextNorBytesWithTheReason() {
        listener.onMessage(message(MapMessage.class, null, "fw-01"));

        assertThat(refused).containsExactly("a JSON document must arrive as text or as UTF-8 bytes, not a MapMessage | ");
        assertThat(accepted).isEmpty();
    }

    @Test
    void parksResultsWithoutASenderStampedByTheBroker() {
        listener.onMessage(message(TextMessage.class, "{\"request_id\":\"r-1\"}", null));

        assertThat(accepted).isEmpty();
        assertThat(refused).singleElement().asString().startsWith("the message carries no sender stamped by the broker")
                .endsWith(" | {\"request_id\":\"r-1\"}");
        assertThat(audited).containsExactly("unstamped invocation.result refused");
    }

    private static Message message(Class<? extends Message> type, String text, String validatedUser) {
        return (Message) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getText" -> text;
                    case "getStringProperty" -> BrokerSenders.VALIDATED_USER.equals(args[0]) ? validatedUser : null;
                    default -> null;
                });
    }
}
