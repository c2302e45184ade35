package org.hutong.information.infrastructure.messaging;

import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hutong.exchange.application.Outbox;
import org.hutong.exchange.domain.OutboundMessage;
import org.hutong.information.application.RejectedInformation;
import org.hutong.shared.domain.Violation;

/**
 * Parks unusable messages on {@code hutong.information.dlq} with the reason in
 * {@code hutong_error} and the violations as JSON in {@code hutong_violations}, through the
 * publication outbox: parked with the caller's transaction, on the queue after its commit.
 */
@ApplicationScoped
public class OutboxRejectedInformation implements RejectedInformation {

    static final String DEAD_LETTER_ADDRESS = "hutong.information.dlq";

    @Inject
    Outbox outbox;

    @Override
    public void park(String payload, String reason, List<Violation> violations) {
        outbox.append(List.of(new OutboundMessage(DEAD_LETTER_ADDRESS, OutboundMessage.Routing.ANYCAST,
                UUID.randomUUID().toString(), Map.of(InformationMessages.PROPERTY_ERROR, reason,
                        InformationMessages.PROPERTY_VIOLATIONS, toJson(violations)), payload)));
    }

    static String toJson(List<Violation> violations) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        violations.forEach(violation -> array.add(JSON.createObjectBuilder()
                .add("pointer", violation.pointer())
                .add("message", violation.message())));
        return array.build().toString();
    }
}
