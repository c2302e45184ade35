package org.hutong.security.interfaces.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hutong.shared.domain.AccessRefusedException;
import org.hutong.shared.domain.Sender;

/**
 * Who sent a message, as the broker authenticated it: the broker stamps every message with the user
 * that logged in to send it, over every protocol, replacing anything a client wrote there (Hutong's
 * broker plugin; see broker.xml). A product's broker user is its product id; the hub's own user may
 * carry anyone's information. A message without the stamp did not pass through that plugin: it is
 * refused, never taken as the hub's.
 */
@ApplicationScoped
public class BrokerSenders {

    /** The property Artemis sets to the authenticated user of the sending connection. */
    public static final String VALIDATED_USER = "_AMQ_VALIDATED_USER";

    @Inject
    @ConfigProperty(name = "hutong.broker.user", defaultValue = "hutong")
    String hubUser;

    public BrokerSenders() {
        // for CDI
    }

    public BrokerSenders(String hubUser) {
        this.hubUser = hubUser;
    }

    /** The broker user stamped on the message, for the audit trail; {@code unstamped} when there is none. */
    public String claimedUser(Message message) {
        try {
            String user = message.getStringProperty(VALIDATED_USER);
            return user == null || user.isEmpty() ? "unstamped" : user;
        } catch (JMSException e) {
            return "unreadable";
        }
    }

    /** @throws AccessRefusedException the broker did not say who sent the message */
    public Sender of(Message message) {
        try {
            String user = message.getStringProperty(VALIDATED_USER);
            if (user == null || user.isEmpty()) {
                throw new AccessRefusedException("the message carries no sender stamped by the broker, so the hub"
                        + " cannot tell who sent it (is Hutong's broker plugin installed?)");
            }
            return user.equals(hubUser) ? Sender.HUB : Sender.product(user);
        } catch (JMSException e) {
            throw new JMSRuntimeException("cannot read the sender of a message", e.getErrorCode(), e);
        }
    }
}
