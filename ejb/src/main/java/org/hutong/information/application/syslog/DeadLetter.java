package org.hutong.information.application.syslog;

import java.time.Instant;
import java.util.List;
import org.hutong.shared.domain.Violation;

/**
 * A syslog line the hub could not take, kept with why.
 *
 * @param number its place in the order lines were parked
 * @param line the line as it arrived, byte for byte
 */
public record DeadLetter(long number, Instant receivedAt, String transport, String peer, String productId,
        String reason, List<Violation> violations, byte[] line) {

    public DeadLetter {
        violations = List.copyOf(violations);
    }
}
