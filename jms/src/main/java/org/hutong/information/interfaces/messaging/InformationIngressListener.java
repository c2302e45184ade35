package org.hutong.information.interfaces.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.List;
import org.hutong.audit.application.AuditLog;
import org.hutong.audit.domain.AuditEntry;
import org.hutong.exchange.interfaces.messaging.MessageBodies;
import org.hutong.exchange.interfaces.messaging.UnreadableBodyException;
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
 * Takes envelopes, one per message or a JSON array of them, as text or UTF-8 bytes, from
 * {@code hutong.information.ingress}, in the name of the sender the broker stamped. Runs in the container's JTA
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

    @EJB
    AuditLog audit;

    @Override
    public void onMessage(Message message) {
        String payload;
        try {
            payload = MessageBodies.text(message);
        } catch (UnreadableBodyException e) {
            ingestion.reject("", e.getMessage(), List.of(new Violation("", e.getMessage())));
            return;
        }
        String actor = senders.claimedUser(message);
        try {
            Sender sender = senders.of(message);
            if (InformationIngestion.isBatch(payload)) {
                ingestion.ingestBatch(payload, RejectionPolicy.PARK, sender);
            } else {
                ingestion.ingest(payload, sender);
            }
        } catch (AccessRefusedException e) {
            // Refused like an HTTP request would be, and audited like one.
            audit.recordSecurityEvent(AuditEntry.refused(actor, "information.publish", "hutong.information.ingress",
                    e.getMessage()));
            ingestion.reject(payload, e.getMessage(), List.of(new Violation("/producer", e.getMessage())));
        } catch (InformationTooLargeException e) {
            ingestion.reject(payload, e.getMessage(), List.of(new Violation("", e.getMessage())));
        } catch (InvalidInformationException e) {
            ingestion.reject(payload, e.getMessage(), e.violations());
        } catch (ConflictingInformationException e) {
            ingestion.reject(payload, e.getMessage(), List.of(new Violation(e.pointer(), e.getMessage())));
        }
    }
}
