package org.hutong.function.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a command stands on one product: pending → dispatched → accepted → succeeded | failed |
 * timed_out. A product may skip {@code accepted} and report its outcome straight away.
 */
public enum TargetStatus {
    /** Recorded, not yet handed to the product's channel. */
    PENDING,
    /** On the product's queue, or delivered to its callback. */
    DISPATCHED,
    /** The product said it is working on it. */
    ACCEPTED,
    SUCCEEDED,
    FAILED,
    /** No outcome arrived before the deadline. */
    TIMED_OUT;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == TIMED_OUT;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TargetStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(status -> status.wireName().equals(name)).findFirst();
    }
}
