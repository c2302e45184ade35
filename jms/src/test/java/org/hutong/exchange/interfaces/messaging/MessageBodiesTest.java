package org.hutong.exchange.interfaces.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.TextMessage;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageBodiesTest {

    @Test
    void readsTextAndTakesAMissingTextAsEmpty() {
        assertThat(MessageBodies.text(proxy(TextMessage.class, "{}"))).isEqualTo("{}");
        assertThat(MessageBodies.text(proxy(TextMessage.class, null))).isEmpty();
    }

    @Test
    void decodesUtf8BytesIncludingCharactersOutsideTheBasicPlane() {
        String json = "{\"name\":\"勒索软件 \uD83D\uDD12\"}";

        assertThat(MessageBodies.text(bytes(json.getBytes(StandardCharsets.UTF_8)))).isEqualTo(json);
    }

    @Test
    void refusesMalformedUtf8InsteadOfReplacingIt() {
        byte[] overlongSlash = {'"', (byte) 0xC0, (byte) 0xAF, '"'};

        assertThatThrownBy(() -> MessageBodies.text(bytes(overlongSlash)))
                .isInstanceOf(UnreadableBodyException.class).hasMessage("the message body is not UTF-8 text");
    }

    @Test
    void refusesOtherBodyKindsByName() {
        assertThatThrownBy(() -> MessageBodies.text(proxy(ObjectMessage.class, null)))
                .isInstanceOf(UnreadableBodyException.class).hasMessageEndingWith("not an ObjectMessage");
    }

    @Test
    void letsABrokerFailureRollBack() {
        assertThatThrownBy(() -> MessageBodies.text(proxy(TextMessage.class, new JMSException("gone"))))
                .isInstanceOf(JMSRuntimeException.class);
    }

    private static <T> T proxy(Class<T> type, Object text) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            if (method.getName().equals("getText")) {
                if (text instanceof Exception e) {
                    throw e;
                }
                return text;
            }
            return null;
        }));
    }

    private static BytesMessage bytes(byte[] body) {
        return (BytesMessage) Proxy.newProxyInstance(BytesMessage.class.getClassLoader(),
                new Class<?>[] {BytesMessage.class}, (p, method, args) -> switch (method.getName()) {
                    case "getBodyLength" -> (long) body.length;
                    case "readBytes" -> {
                        System.arraycopy(body, 0, (byte[]) args[0], 0, body.length);
                        yield body.length;
                    }
                    default -> null;
                });
    }
}
