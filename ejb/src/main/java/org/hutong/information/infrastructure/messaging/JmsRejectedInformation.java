package org.hutong.information.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.List;
import org.hutong.information.application.RejectedInformation;
import org.hutong.information.domain.Violation;

/**
 * Parks unusable messages on {@code hutong.information.dlq} with the reason in
 * {@code hutong_error} and the violations as JSON in {@code hutong_violations}.
 */
@ApplicationScoped
public class JmsRejectedInformation implements RejectedInformation {

    @Resource(lookup = InformationMessages.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(lookup = InformationMessages.DEAD_LETTER_QUEUE)
    Queue deadLetterQueue;

    @Override
    public void park(String payload, String reason, List<Violation> violations) {
        try (JMSContext context = connectionFactory.createContext()) {
            TextMessage message = context.createTextMessage(payload);
            message.setStringProperty(InformationMessages.PROPERTY_ERROR, reason);
            message.setStringProperty(InformationMessages.PROPERTY_VIOLATIONS, toJson(violations));
            context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(deadLetterQueue, message);
        } catch (JMSException e) {
            throw new JMSRuntimeException("cannot park a rejected message", e.getErrorCode(), e);
        }
    }

    static String toJson(List<Violation> violations) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        violations.forEach(violation -> array.add(Json.createObjectBuilder()
                .add("pointer", violation.pointer())
                .add("message", violation.message())));
        return array.build().toString();
    }
}
