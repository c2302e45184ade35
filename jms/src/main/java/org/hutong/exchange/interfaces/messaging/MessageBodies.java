package org.hutong.exchange.interfaces.messaging;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the JSON text a product sent. JMS, AMQP and STOMP clients without a content length send
 * text; MQTT publishes and STOMP frames with a content length arrive as bytes, which must be UTF-8
 * (RFC 8259 §8.1) — decoded strictly, so a malformed byte is a refusal, not a replacement character.
 */
public final class MessageBodies {

    private MessageBodies() {
    }

    /**
     * @throws UnreadableBodyException the body is not text nor UTF-8 bytes (park it with the reason)
     * @throws JMSRuntimeException the broker could not hand over the body (roll back and redeliver)
     */
    public static String text(Message message) {
        try {
            if (message instanceof TextMessage text) {
                String body = text.getText();
                return body == null ? "" : body;
            }
            if (message instanceof BytesMessage bytes) {
                byte[] body = new byte[Math.toIntExact(bytes.getBodyLength())];
                bytes.readBytes(body);
                return utf8(body);
            }
        } catch (JMSException e) {
            throw new JMSRuntimeException("cannot read the message body", e.getErrorCode(), e);
        }
        throw new UnreadableBodyException("a JSON document must arrive as text or as UTF-8 bytes, not " + kind(message));
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableBodyException("the message body is not UTF-8 text");
        }
    }

    private static String kind(Message message) {
        if (message instanceof MapMessage) {
            return "a MapMessage";
        }
        if (message instanceof ObjectMessage) {
            return "an ObjectMessage";
        }
        if (message instanceof StreamMessage) {
            return "a StreamMessage";
        }
        return "a message without a body";
    }
}
