package org.hutong.information.infrastructure.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hutong.exchange.application.KafkaOutbox;
import org.hutong.exchange.infrastructure.messaging.InformationStoredSignal;
import org.hutong.exchange.application.Outbox;
import org.hutong.exchange.domain.OutboundMessage;
import org.hutong.information.application.InformationPublisher;
import org.hutong.information.application.InformationText;
import org.hutong.information.domain.InformationRecord;
import org.hutong.shared.domain.InformationType;

/**
 * Publishes accepted information as JSON on the multicast address of its type, through the
 * publication outbox: the message is written with the stored record and leaves after the commit.
 * Its hub id is the broker's duplicate id, so subscribers get each record once. The message is the
 * record's {@code InformationView} JSON written from the stored text ({@link InformationText}), and
 * its selector properties are the severity and category the record was classified with.
 */
@ApplicationScoped
public class OutboxInformationPublisher implements InformationPublisher {

    @Inject
    Outbox outbox;

    @Inject
    KafkaOutbox kafka;

    @Inject
    InformationStoredSignal stored;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Override
    public void publishAll(List<InformationRecord> records) {
        List<OutboundMessage> messages = records.stream().map(OutboxInformationPublisher::message).toList();
        outbox.append(messages);
        kafka.append(messages);
        if (!messages.isEmpty()) {
            stored.wakeOnCommit(transactions);
        }
    }

    private static OutboundMessage message(InformationRecord record) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(InformationMessages.PROPERTY_TYPE, record.type().wireName());
        properties.put(InformationMessages.PROPERTY_PRODUCER, record.producer());
        properties.put(InformationMessages.PROPERTY_HUB_ID, record.hubId());
        record.severity().ifPresent(severity -> properties.put(InformationMessages.PROPERTY_SEVERITY, severity));
        record.category().ifPresent(category -> properties.put(InformationMessages.PROPERTY_CATEGORY, category));
        return new OutboundMessage(InformationType.ADDRESS_PREFIX + record.type().wireName(),
                OutboundMessage.Routing.MULTICAST, record.hubId(), properties, InformationText.json(record));
    }
}
