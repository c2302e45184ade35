package org.hutong.information.application.kafka;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import org.hutong.exchange.application.ConsumedOffsets;
import org.hutong.exchange.application.ConsumedOffsets.Position;
import org.hutong.exchange.application.ReceivedMessage;
import org.hutong.information.application.InformationIngestion;

/**
 * The Kafka side of ingestion: the same admission as every channel (the records' sender is the product
 * their topic is bound to), and the consumer's position in the same transaction — so a crash between
 * storing and Kafka's offset commit neither loses a record nor reads one twice.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class KafkaIngestionService implements KafkaIngestion {

    @EJB
    InformationIngestion ingestion;

    @Inject
    ConsumedOffsets offsets;

    @Override
    public void ingest(String group, List<ReceivedMessage> records, List<Position> next) {
        ingestion.ingestReceived(records);
        offsets.save(group, next);
    }

    @Override
    public List<Position> positions(String group, Collection<String> topics) {
        return offsets.find(group, topics);
    }
}
