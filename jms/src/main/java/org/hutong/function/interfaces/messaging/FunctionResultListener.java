package org.hutong.function.interfaces.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import org.hutong.function.application.Invocations;
import org.hutong.security.interfaces.messaging.BrokerSenders;

/**
 * Takes the results products report on {@code hutong.function.results}, in the container's JTA
 * transaction: the message is acknowledged once the result is applied, or parked with its reason
 * on {@code hutong.function.results.dlq}; a failure of the hub itself rolls back and the broker
 * redelivers.
 */
@MessageDriven(name = "FunctionResultListener", activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "jms/hutong/FunctionResults"),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
public class FunctionResultListener implements MessageListener {

    @EJB
    Invocations invocations;

    @Inject
    BrokerSenders senders;

    @Override
    public void onMessage(Message message) {
        if (!(message instanceof TextMessage text)) {
            invocations.acceptResultMessage("", senders.of(message));
            return;
        }
        try {
            invocations.acceptResultMessage(text.getText(), senders.of(message));
        } catch (JMSException e) {
            throw new JMSRuntimeException("cannot read the result message", e.getErrorCode(), e);
        }
    }
}
