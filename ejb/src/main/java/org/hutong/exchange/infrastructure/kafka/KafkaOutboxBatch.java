package org.hutong.exchange.infrastructure.kafka;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;

/** One Kafka relay step in one database transaction: take the oldest rows, have Kafka commit them, forget them. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class KafkaOutboxBatch {

    @Inject
    KafkaOutboxTable outbox;

    @Inject
    KafkaPublisher kafka;

    /** @return how many records left for Kafka (0: nothing waited, or another server's relay runs) */
    public int relayOldest(int max) {
        List<KafkaOutboxTable.Pending> pending = outbox.lockOldest(max);
        if (pending.isEmpty()) {
            return 0;
        }
        kafka.publish(pending, outbox.routes().allTopics(), max);
        outbox.delete(pending);
        return pending.size();
    }
}
