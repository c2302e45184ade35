package org.hutong.registry.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a registered product stands: only active products receive commands. */
public enum ProductStatus {
    ACTIVE,
    SUSPENDED,
    /** Deregistered products are kept, so that past invocations still name them. */
    DEREGISTERED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ProductStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(status -> status.wireName().equals(name)).findFirst();
    }
}
