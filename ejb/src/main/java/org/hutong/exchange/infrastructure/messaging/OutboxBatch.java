package org.hutong.exchange.infrastructure.messaging;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import org.hutong.exchange.domain.OutboundMessage;
import org.hutong.exchange.infrastructure.persistence.OutboxTable;

/**
 * One relay step in one database transaction: take the oldest waiting messages, have the broker
 * commit them, forget them. A crash after the broker's commit and before the database's leaves the
 * rows; the next step sends them again and the broker drops them by their duplicate ids.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxBatch {

    @Inject
    OutboxTable outbox;

    @Inject
    BrokerPublication broker;

    /** @return how many messages left for the broker (0: nothing waited, or another server's relay runs) */
    public int relayOldest(int max) {
        List<OutboxTable.Pending> pending = outbox.lockOldest(max);
        if (pending.isEmpty()) {
            return 0;
        }
        List<OutboundMessage> messages = pending.stream().map(OutboxTable.Pending::message).toList();
        broker.publish(messages);
        outbox.delete(pending);
        return pending.size();
    }
}
