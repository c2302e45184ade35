package org.hutong.information.infrastructure.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hutong.information.application.InformationPublisher;
import org.hutong.information.application.InformationView;
import org.hutong.information.domain.Classification;
import org.hutong.information.domain.InformationType;

/**
 * Publishes accepted information as a JSON {@code TextMessage} on the multicast address of its
 * type. The JMS context joins the caller's JTA transaction, so the message and the database
 * row commit or roll back together.
 */
@ApplicationScoped
public class JmsInformationPublisher implements InformationPublisher {

    private static final Logger LOG = Logger.getLogger(JmsInformationPublisher.class.getName());

    @Resource(lookup = InformationMessages.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    private Jsonb jsonb;

    // A destination remembers that the broker confirmed its address; a fresh one costs a round trip per send.
    private final Map<String, Topic> topics = new ConcurrentHashMap<>();

    @PostConstruct
    void open() {
        jsonb = JsonbBuilder.create();
    }

    @PreDestroy
    void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "Closing JSON-B failed", e);
        }
    }

    @Override
    public void publish(InformationView information) {
        publishAll(List.of(information));
    }

    /** One JMS context for the whole list: a batch costs one enlistment, not one per item. */
    @Override
    public void publishAll(List<InformationView> information) {
        try (JMSContext context = connectionFactory.createContext()) {
            JMSProducer producer = context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
            for (InformationView item : information) {
                Topic topic = topics.computeIfAbsent(item.type(),
                        type -> context.createTopic(InformationType.ADDRESS_PREFIX + type));
                producer.send(topic, message(context, item));
            }
        }
    }

    private TextMessage message(JMSContext context, InformationView information) {
        try {
            TextMessage message = context.createTextMessage(jsonb.toJson(information));
            message.setStringProperty(InformationMessages.PROPERTY_TYPE, information.type());
            message.setStringProperty(InformationMessages.PROPERTY_PRODUCER, information.producer());
            message.setStringProperty(InformationMessages.PROPERTY_HUB_ID, information.hub().id());
            Classification classification = Classification.of(
                    InformationType.fromWireName(information.type()).orElseThrow(), information.body());
            if (classification.severity().isPresent()) {
                message.setIntProperty(InformationMessages.PROPERTY_SEVERITY, classification.severity().getAsInt());
            }
            if (classification.category().isPresent()) {
                message.setStringProperty(InformationMessages.PROPERTY_CATEGORY, classification.category().get());
            }
            return message;
        } catch (JMSException e) {
            throw new JMSRuntimeException("cannot publish information " + information.hub().id(), e.getErrorCode(), e);
        }
    }
}
