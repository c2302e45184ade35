package org.hutong.exchange.application;

import java.util.Collection;
import java.util.List;

/** Positions of inbound consumer groups in partitioned logs (Kafka), kept in the database (port). */
public interface ConsumedOffsets {

    /** The next record to read in one partition of a topic. */
    record Position(String topic, int partition, long nextOffset) {
    }

    /** The stored positions of {@code group} in the partitions of {@code topics}. */
    List<Position> find(String group, Collection<String> topics);

    /** Records the positions, in the caller's transaction. */
    void save(String group, List<Position> positions);
}
