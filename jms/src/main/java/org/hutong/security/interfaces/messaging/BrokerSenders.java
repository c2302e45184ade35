package org.hutong.security.interfaces.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hutong.security.domain.Sender;

/**
 * Who sent a message, as the broker authenticated it: Artemis stamps every message with the user
 * that logged in to send it ({@code populate-validated-user} in broker.xml). A product's broker
 * user is its product id; the hub's own user may carry anyone's information.
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

    public Sender of(Message message) {
        try {
            String user = message.getStringProperty(VALIDATED_USER);
            return user == null || user.equals(hubUser) ? Sender.HUB : Sender.product(user);
        } catch (JMSException e) {
            throw new JMSRuntimeException("cannot read the sender of a message", e.getErrorCode(), e);
        }
    }
}
