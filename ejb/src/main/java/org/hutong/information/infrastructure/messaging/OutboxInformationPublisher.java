package org.hutong.information.infrastructure.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hutong.exchange.application.Outbox;
import org.hutong.exchange.domain.OutboundMessage;
import org.hutong.information.application.InformationPublisher;
import org.hutong.information.application.InformationView;
import org.hutong.information.domain.Classification;
import org.hutong.shared.domain.InformationType;

/**
 * Publishes accepted information as JSON on the multicast address of its type, through the
 * publication outbox: the message is written with the stored record and leaves after the commit.
 * Its hub id is the broker's duplicate id, so subscribers get each record once.
 */
@ApplicationScoped
public class OutboxInformationPublisher implements InformationPublisher {

    private static final Logger LOG = Logger.getLogger(OutboxInformationPublisher.class.getName());

    @Inject
    Outbox outbox;

    private Jsonb jsonb;

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

    @Override
    public void publishAll(List<InformationView> information) {
        outbox.append(information.stream().map(this::message).toList());
    }

    private OutboundMessage message(InformationView information) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(InformationMessages.PROPERTY_TYPE, information.type());
        properties.put(InformationMessages.PROPERTY_PRODUCER, information.producer());
        properties.put(InformationMessages.PROPERTY_HUB_ID, information.hub().id());
        Classification classification = Classification.of(
                InformationType.fromWireName(information.type()).orElseThrow(), information.body());
        classification.severity().ifPresent(severity -> properties.put(InformationMessages.PROPERTY_SEVERITY, severity));
        classification.category().ifPresent(category -> properties.put(InformationMessages.PROPERTY_CATEGORY, category));
        return new OutboundMessage(InformationType.ADDRESS_PREFIX + information.type(), OutboundMessage.Routing.MULTICAST,
                information.hub().id(), properties, jsonb.toJson(information));
    }
}
