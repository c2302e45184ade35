package org.hutong.exchange.interfaces.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchConsumerLoopTest {

    private static final int ATTEMPTS = 3;

    private final Deque<Message> queue = new ArrayDeque<>();
    private final List<String> events = new ArrayList<>();
    private final List<List<String>> handled = new ArrayList<>();
    private String poison;

    private final BatchConsumerLoop loop = new BatchConsumerLoop("q", this::connection, 3, Duration.ZERO, ATTEMPTS,
            new BatchConsumerLoop.Handler() {
                @Override
                public void handle(List<Message> batch) {
                    List<String> bodies = batch.stream().map(BatchConsumerLoopTest::body).toList();
                    if (bodies.contains(poison)) {
                        throw new IllegalStateException("row refused");
                    }
                    handled.add(bodies);
                }

                @Override
                public void park(Message message, String reason) {
                    events.add("park " + body(message) + ": " + reason);
                }
            });

    @Test
    void takesUpToTheBatchSizeInOneTransactionAndCommitsAfterIt() throws Exception {
        queue.addAll(List.of(message("a", 1), message("b", 1), message("c", 1), message("d", 1)));

        loop.step();
        loop.step();

        assertThat(handled).containsExactly(List.of("a", "b", "c"), List.of("d"));
        assertThat(events).containsExactly("commit", "commit");
    }

    @Test
    void aFailedBatchIsRolledBackForRedelivery() throws Exception {
        poison = "b";
        queue.addAll(List.of(message("a", 1), message("b", 1), message("c", 1)));

        loop.step();

        assertThat(handled).isEmpty();
        assertThat(events).containsExactly("rollback");
    }

    @Test
    void redeliveredMessagesAreTakenOneByOneSoTheOthersAreStored() throws Exception {
        poison = "b";
        queue.addAll(List.of(message("a", 2), message("b", 2), message("c", 2)));

        loop.step();

        assertThat(handled).containsExactly(List.of("a"), List.of("c"));
        // The failing one comes back (the stored ones with it, as duplicates).
        assertThat(events).containsExactly("rollback");
    }

    @Test
    void onItsLastDeliveryAMessageThatFailsAloneIsParkedWithTheReason() throws Exception {
        poison = "b";
        queue.addAll(List.of(message("a", 2), message("b", ATTEMPTS)));

        loop.step();

        assertThat(handled).containsExactly(List.of("a"));
        assertThat(events).containsExactly("park b: not stored after 3 deliveries: IllegalStateException: row refused",
                "commit");
    }

    @Test
    void anEmptyQueueIsNoTransaction() throws Exception {
        loop.step();

        assertThat(handled).isEmpty();
        assertThat(events).isEmpty();
    }

    private Connection connection() {
        MessageConsumer consumer = proxy(MessageConsumer.class, (method, args) -> switch (method) {
            case "receive", "receiveNoWait" -> queue.poll();
            default -> null;
        });
        Session session = proxy(Session.class, (method, args) -> switch (method) {
            case "createConsumer" -> consumer;
            case "commit", "rollback" -> {
                events.add(method);
                yield null;
            }
            default -> null;
        });
        return proxy(Connection.class, (method, args) -> method.equals("createSession") ? session : null);
    }

    private static Message message(String body, int deliveryCount) {
        return proxy(TextMessage.class, (method, args) -> switch (method) {
            case "getText" -> body;
            case "getIntProperty" -> deliveryCount;
            default -> null;
        });
    }

    private static String body(Message message) {
        try {
            return ((TextMessage) message).getText();
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Answer {
        Object answer(String method, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> answer.answer(method.getName(), args)));
    }
}
