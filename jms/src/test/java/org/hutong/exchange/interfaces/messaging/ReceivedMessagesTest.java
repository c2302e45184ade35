package org.hutong.exchange.interfaces.messaging;

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
import java.util.List;
import org.hutong.exchange.application.ReceivedMessage;
import org.hutong.shared.domain.Sender;
import org.hutong.security.interfaces.messaging.BrokerSenders;
import org.junit.jupiter.api.Test;

/** How the batch consumers read a message for the application: its text, and who the broker says sent it. */
class ReceivedMessagesTest {

    private final BrokerSenders senders = new BrokerSenders("hutong");

    private ReceivedMessage read(Message message) {
        return ReceivedMessages.of(message, senders::claimedUser, senders::of);
    }

    @Test
    void readsTheTextAndTakesTheHubsOwnBrokerUserAsTheHub() {
        assertThat(read(text("{\"id\":1}")))
                .isEqualTo(ReceivedMessage.readable("{\"id\":1}", Sender.HUB, "hutong"));
    }

    @Test
    void readsAsTheProductTheBrokerAuthenticated() {
        assertThat(read(message(TextMessage.class, "{\"id\":1}", "fw-01")))
                .isEqualTo(ReceivedMessage.readable("{\"id\":1}", Sender.product("fw-01"), "fw-01"));
    }

    @Test
    void readsUtf8BytesAsMqttAndStompClientsSendThem() {
        ReceivedMessage read = read(bytes("{\"name\":\"端口扫描\"}".getBytes(StandardCharsets.UTF_8),
                "fw-01"));

        assertThat(read.payload()).isEqualTo("{\"name\":\"端口扫描\"}");
        assertThat(read.sender()).isEqualTo(Sender.product("fw-01"));
    }

    @Test
    void bytesThatAreNotUtf8AreUnreadable() {
        ReceivedMessage read = read(bytes(new byte[] {'{', (byte) 0xC3, '}'}, "fw-01"));

        assertThat(read.unreadable()).isTrue();
        assertThat(read.refusal()).isEqualTo("the message body is not UTF-8 text");
        assertThat(read.claimedUser()).isEqualTo("fw-01");
    }

    @Test
    void messagesThatAreNeitherTextNorBytesAreUnreadable() {
        ReceivedMessage read = read(message(MapMessage.class, null, "fw-01"));

        assertThat(read.unreadable()).isTrue();
        assertThat(read.refusal()).isEqualTo("a JSON document must arrive as text or as UTF-8 bytes, not a MapMessage");
        assertThat(ReceivedMessages.payloadOf(message(MapMessage.class, null, "fw-01"))).isEmpty();
    }

    @Test
    void aMessageWithoutASenderStampedByTheBrokerIsNeverTakenAsTheHub() {
        ReceivedMessage read = read(message(TextMessage.class, "{\"id\":1}", null));

        assertThat(read.sender()).isNull();
        assertThat(read.unreadable()).isFalse();
        assertThat(read.refusal()).startsWith("the message carries no sender stamped by the broker");
        assertThat(read.claimedUser()).isEqualTo("unstamped");
    }

    @Test
    void saysWhetherTheBrokerDeliversTheMessageAgain() {
        assertThat(read(message(TextMessage.class, "{\"id\":1}", "fw-01", true)))
                .isEqualTo(ReceivedMessage.readable("{\"id\":1}", Sender.product("fw-01"), "fw-01").redelivery());
        assertThat(read(message(TextMessage.class, "{\"id\":1}", "fw-01", false)).redelivered()).isFalse();
    }

    @Test
    void aBrokenConnectionWhileReadingFailsTheBatchForRedelivery() {
        TextMessage broken = message(TextMessage.class, new JMSException("connection lost"));

        assertThatThrownBy(() -> ReceivedMessages.of(List.of(broken), senders::claimedUser, senders::of)).isInstanceOf(JMSRuntimeException.class);
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
                    case "getJMSRedelivered" -> false;
                    default -> null;
                });
    }

    /**
     * A message whose getText() answers {@code body}, or throws it if it is an exception, sent by the
     * broker user {@code validatedUser}.
     */
    private static <T extends Message> T message(Class<T> type, Object body, String validatedUser) {
        return message(type, body, validatedUser, false);
    }

    /** The same, {@code redelivered} by the broker (JMSRedelivered). */
    private static <T extends Message> T message(Class<T> type, Object body, String validatedUser, boolean redelivered) {
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
            if (method.getName().equals("getJMSRedelivered")) {
                return redelivered;
            }
            return null;
        }));
    }
}
