package org.hutong.function.infrastructure.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hutong.exchange.application.Outbox;
import org.hutong.exchange.domain.OutboundMessage;
import org.hutong.function.application.CommandDispatcher;

/**
 * Sends commands as JSON text messages through the publication outbox: a command leaves only if the
 * invocation is stored, after its commit, and once (its request id is the broker's duplicate id).
 * It expires at its deadline: a product that was away does not act on it after the hub has given it up.
 */
@ApplicationScoped
public class OutboxCommandDispatcher implements CommandDispatcher {

    public static final String PROPERTY_REQUEST_ID = "hutong_request_id";
    public static final String PROPERTY_FUNCTION = "hutong_function";
    static final String RESULTS_QUEUE = "hutong.function.results";

    @Inject
    Outbox outbox;

    @Override
    public void send(String queue, String requestId, String function, String command, Instant deadline) {
        outbox.append(List.of(new OutboundMessage(queue, OutboundMessage.Routing.ANYCAST, requestId,
                Map.of(PROPERTY_REQUEST_ID, requestId, PROPERTY_FUNCTION, function), command, requestId,
                RESULTS_QUEUE, deadline)));
    }
}
