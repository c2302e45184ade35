package org.hutong.function.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.TextMessage;
import org.hutong.function.application.CommandDispatcher;

/**
 * Sends commands as JSON {@code TextMessage}s; the JMS context joins the caller's JTA transaction,
 * so a command leaves only if the invocation is stored. A command expires at its deadline: a
 * product that was away does not act on it after the hub has given it up.
 */
@ApplicationScoped
public class JmsCommandDispatcher implements CommandDispatcher {

    public static final String PROPERTY_REQUEST_ID = "hutong_request_id";
    public static final String PROPERTY_FUNCTION = "hutong_function";

    @Resource(lookup = "jms/hutong/ConnectionFactory")
    ConnectionFactory connectionFactory;

    @Override
    public void send(String queue, String requestId, String function, String command, long timeToLiveMillis) {
        try (JMSContext context = connectionFactory.createContext()) {
            TextMessage message = context.createTextMessage(command);
            message.setJMSCorrelationID(requestId);
            message.setStringProperty(PROPERTY_REQUEST_ID, requestId);
            message.setStringProperty(PROPERTY_FUNCTION, function);
            message.setJMSReplyTo(context.createQueue("hutong.function.results"));
            context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).setTimeToLive(timeToLiveMillis)
                    .send(context.createQueue(queue), message);
        } catch (JMSException e) {
            throw new JMSRuntimeException("cannot build the command for " + queue, e.getErrorCode(), e);
        }
    }
}
