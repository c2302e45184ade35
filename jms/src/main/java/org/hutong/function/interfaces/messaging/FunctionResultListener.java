package org.hutong.function.interfaces.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.hutong.audit.application.AuditLog;
import org.hutong.audit.domain.AuditEntry;
import org.hutong.exchange.interfaces.messaging.MessageBodies;
import org.hutong.exchange.interfaces.messaging.UnreadableBodyException;
import org.hutong.function.application.Invocations;
import org.hutong.security.domain.AccessRefusedException;
import org.hutong.security.domain.Sender;
import org.hutong.security.interfaces.messaging.BrokerSenders;

/**
 * Takes the results products report on {@code hutong.function.results}, as text or UTF-8 bytes, in the
 * name of the sender the broker stamped, in the container's JTA
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

    @EJB
    AuditLog audit;

    @Override
    public void onMessage(Message message) {
        String payload;
        try {
            payload = MessageBodies.text(message);
        } catch (UnreadableBodyException e) {
            invocations.refuseResultMessage("", e.getMessage());
            return;
        }
        Sender sender;
        try {
            sender = senders.of(message);
        } catch (AccessRefusedException e) {
            audit.recordSecurityEvent(AuditEntry.refused(senders.claimedUser(message), "invocation.result",
                    "hutong.function.results", e.getMessage()));
            invocations.refuseResultMessage(payload, e.getMessage());
            return;
        }
        invocations.acceptResultMessage(payload, sender);
    }
}
