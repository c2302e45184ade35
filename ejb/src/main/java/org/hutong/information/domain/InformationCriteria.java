package org.hutong.information.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.hutong.shared.domain.InformationType;

/**
 * Which stored information a query wants, in commit order.
 *
 * @param type only this type, if present
 * @param producer only from this producer, if present
 * @param since only received at or after this time, if present
 * @param until only received before this time, if present
 * @param severity only with this normalised severity (1..4), if present
 * @param category only in this category or below it in its code list, if present
 * @param after only records after this position in commit order ({@link ReceivePosition#START}: from the start)
 * @param limit at most this many records
 */
public record InformationCriteria(
        Optional<InformationType> type,
        Optional<String> producer,
        Optional<Instant> since,
        Optional<Instant> until,
        Optional<Integer> severity,
        Optional<String> category,
        ReceivePosition after,
        int limit) {

    public static final int MAX_LIMIT = 1000;

    public InformationCriteria {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(after, "after");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    /** Only by type and producer: the common case. */
    public static InformationCriteria of(Optional<InformationType> type, Optional<String> producer, ReceivePosition after,
            int limit) {
        return new InformationCriteria(type, producer, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), after, limit);
    }
}
