package org.hutong.information.application.kafka;

import jakarta.ejb.Local;
import java.util.Collection;
import java.util.List;
import org.hutong.exchange.application.ConsumedOffsets.Position;
import org.hutong.exchange.application.ReceivedMessage;

/** Information consumed from Kafka topics, stored with the consumer's position in one transaction. */
@Local
public interface KafkaIngestion {

    /**
     * Stores (or parks, with the reasons, on {@code hutong.information.dlq}) every record and records
     * where the group stands after them; an infrastructure failure stores neither.
     */
    void ingest(String group, List<ReceivedMessage> records, List<Position> next);

    /** Where {@code group} stands in the partitions of {@code topics}, as stored. */
    List<Position> positions(String group, Collection<String> topics);
}
