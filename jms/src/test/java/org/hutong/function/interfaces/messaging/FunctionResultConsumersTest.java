package org.hutong.function.interfaces.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.hutong.exchange.application.ReceivedMessage;
import org.hutong.function.application.Invocations;
import org.hutong.shared.domain.Sender;
import org.hutong.security.interfaces.messaging.BrokerSenders;
import org.junit.jupiter.api.Test;

/** What the results consumers hand the application: one call per batch, each message as the broker vouches for it. */
class FunctionResultConsumersTest {

    private final List<List<ReceivedMessage>> batches = new ArrayList<>();
    private final List<String> parked = new ArrayList<>();
    private final FunctionResultConsumers consumers = new FunctionResultConsumers();

    {
        consumers.senders = new BrokerSenders("hutong");
        consumers.invocations = (Invocations) Proxy.newProxyInstance(Invocations.class.getClassLoader(),
                new Class<?>[] {Invocations.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "acceptResultMessages" -> {
                        @SuppressWarnings("unchecked")
                        List<ReceivedMessage> batch = (List<ReceivedMessage>) args[0];
                        batches.add(batch);
                        yield null;
                    }
                    case "refuseResultMessage" -> {
                        parked.add(args[1] + " | " + args[0]);
                        yield null;
                    }
                    default -> throw new AssertionError("a consumer does not call " + method.getName());
                });
    }

    @Test
    void handsABatchOverInOneCallAsTheStampedSendersWithTheRefusalsNamed() {
        consumers.handler().handle(List.of(
                message(TextMessage.class, "{\"request_id\":\"r-1\",\"status\":\"succeeded\"}", "fw-01"),
                message(TextMessage.class, "{\"request_id\":\"r-2\"}", null),
                message(MapMessage.class, null, "fw-02")));

        assertThat(batches).singleElement().satisfies(batch -> {
            assertThat(batch.get(0)).isEqualTo(ReceivedMessage.readable(
                    "{\"request_id\":\"r-1\",\"status\":\"succeeded\"}", Sender.product("fw-01"), "fw-01"));
            assertThat(batch.get(1).sender()).isNull();
            assertThat(batch.get(1).refusal()).startsWith("the message carries no sender stamped by the broker");
            assertThat(batch.get(2).unreadable()).isTrue();
            assertThat(batch.get(2).claimedUser()).isEqualTo("fw-02");
        });
        assertThat(parked).isEmpty();
    }

    @Test
    void parksAMessageThatFailedAloneWithItsTextAndTheReason() {
        consumers.handler().park(message(TextMessage.class, "{\"request_id\":\"r-1\"}", "fw-01"),
                "not stored after 5 deliveries");

        assertThat(parked).containsExactly("not stored after 5 deliveries | {\"request_id\":\"r-1\"}");
        assertThat(batches).isEmpty();
    }

    private static Message message(Class<? extends Message> type, String text, String validatedUser) {
        return (Message) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getText" -> text;
                    case "getStringProperty" -> BrokerSenders.VALIDATED_USER.equals(args[0]) ? validatedUser : null;
                    case "getJMSRedelivered" -> false;
                    default -> null;
                });
    }
}
