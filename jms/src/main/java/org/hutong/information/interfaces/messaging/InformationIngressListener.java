package org.hutong.information.interfaces.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ejb.MessageDriven;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import java.util.List;
import org.hutong.information.application.InformationIngestion;
import org.hutong.information.application.InformationTooLargeException;
import org.hutong.information.application.RejectionPolicy;
import org.hutong.information.domain.ConflictingInformationException;
import org.hutong.information.domain.InvalidInformationException;
import org.hutong.information.domain.Violation;
import org.hutong.security.domain.AccessRefusedException;
import org.hutong.security.domain.Sender;
import org.hutong.security.interfaces.messaging.BrokerSenders;

/**
 * Takes envelopes, one per message or a JSON array of them, from {@code hutong.information.ingress}. Runs in the container's JTA
 * transaction: the message is acknowledged only when the information is stored and published
 * (or parked with its reason); any other failure rolls back and the broker redelivers.
 */
@MessageDriven(name = "InformationIngressListener", activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "jms/hutong/InformationIngress"),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
public class InformationIngressListener implements MessageListener {

    @EJB
    InformationIngestion ingestion;

    @Inject
    BrokerSenders senders;

    @Override
    public void onMessage(Message message) {
        if (!(message instanceof TextMessage text)) {
            String reason = "an envelope must arrive as a JSON TextMessage, not " + kind(message);
            ingestion.reject("", reason, List.of(new Violation("", reason)));
            return;
        }
        String payload = payloadOf(text);
        try {
            Sender sender = senders.of(message);
            if (InformationIngestion.isBatch(payload)) {
                ingestion.ingestBatch(payload, RejectionPolicy.PARK, sender);
            } else {
                ingestion.ingest(payload, sender);
            }
        } catch (AccessRefusedException e) {
            ingestion.reject(payload, e.getMessage(), List.of(new Violation("/producer", e.getMessage())));
        } catch (InformationTooLargeException e) {
            ingestion.reject(payload, e.getMessage(), List.of(new Violation("", e.getMessage())));
        } catch (InvalidInformationException e) {
            ingestion.reject(payload, e.getMessage(), e.violations());
        } catch (ConflictingInformationException e) {
            ingestion.reject(payload, e.getMessage(), List.of(new Violation(e.pointer(), e.getMessage())));
        }
    }

    private static String payloadOf(TextMessage text) {
        try {
            String payload = text.getText();
            return payload == null ? "" : payload;
        } catch (JMSException e) {
            // Not the sender's fault: roll back and let the broker redeliver.
            throw new JMSRuntimeException("cannot read the message body", e.getErrorCode(), e);
        }
    }

    private static String kind(Message message) {
        if (message instanceof BytesMessage) {
            return "a BytesMessage";
        }
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
