package org.hutong.information.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Which stored information a query wants, in receive order.
 *
 * @param type only this type, if present
 * @param producer only from this producer, if present
 * @param afterSequence only records received after this sequence number (0 = from the start)
 * @param limit at most this many records
 */
public record InformationCriteria(
        Optional<InformationType> type,
        Optional<String> producer,
        long afterSequence,
        int limit) {

    public static final int MAX_LIMIT = 1000;

    public InformationCriteria {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(producer, "producer");
        if (afterSequence < 0) {
            throw new IllegalArgumentException("afterSequence must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
