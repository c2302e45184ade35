package org.hutong.function.infrastructure.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hutong.exchange.application.Outbox;
import org.hutong.exchange.domain.OutboundMessage;
import org.hutong.function.application.RejectedResults;

/**
 * Parks refused results on {@code hutong.function.results.dlq} with {@code hutong_error}, through the
 * publication outbox: with the caller's transaction, on the queue after its commit.
 */
@ApplicationScoped
public class OutboxRejectedResults implements RejectedResults {

    public static final String QUEUE = "hutong.function.results.dlq";

    @Inject
    Outbox outbox;

    @Override
    public void park(String payload, String reason) {
        outbox.append(List.of(new OutboundMessage(QUEUE, OutboundMessage.Routing.ANYCAST, UUID.randomUUID().toString(),
                Map.of("hutong_error", reason), payload)));
    }
}
