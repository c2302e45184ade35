package org.hutong.information.interfaces.rest;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.hutong.information.application.syslog.DeadLetter;
import org.hutong.shared.domain.Violation;

/** A page of syslog dead letters. */
@JsonbPropertyOrder({"items", "next"})
public record DeadLetterPage(List<Item> items, String next) {

    /** One dead letter. */
    @JsonbPropertyOrder({"number", "receivedAt", "transport", "peer", "product", "reason", "violations", "line",
            "lineBase64"})
    public record Item(long number, Instant receivedAt, String transport, String peer, String product, String reason,
            List<Violation> violations, String line, String lineBase64) {

        static Item of(DeadLetter letter) {
            return new Item(letter.number(), letter.receivedAt(), letter.transport(), letter.peer(), letter.productId(),
                    letter.reason(), letter.violations(), new String(letter.line(), StandardCharsets.UTF_8),
                    Base64.getEncoder().encodeToString(letter.line()));
        }
    }
}
