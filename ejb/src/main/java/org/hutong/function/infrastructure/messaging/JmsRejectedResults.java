package org.hutong.function.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.TextMessage;
import org.hutong.function.application.RejectedResults;

/** Parks refused results on {@code hutong.function.results.dlq} with {@code hutong_error}, in the caller's transaction. */
@ApplicationScoped
public class JmsRejectedResults implements RejectedResults {

    public static final String QUEUE = "hutong.function.results.dlq";

    @Resource(lookup = "jms/hutong/ConnectionFactory")
    ConnectionFactory connectionFactory;

    @Override
    public void park(String payload, String reason) {
        try (JMSContext context = connectionFactory.createContext()) {
            TextMessage message = context.createTextMessage(payload);
            message.setStringProperty("hutong_error", reason);
            context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(context.createQueue(QUEUE), message);
        } catch (JMSException e) {
            throw new JMSRuntimeException("cannot park a refused result", e.getErrorCode(), e);
        }
    }
}
