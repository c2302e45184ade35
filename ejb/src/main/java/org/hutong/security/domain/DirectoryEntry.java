package org.hutong.security.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the security context knows of a registered product: no more than it needs to decide rights
 * and check signatures, read from the registry's product directory.
 *
 * @param productId the product
 * @param status its registration status (wire name: {@code active}, {@code suspended} …)
 * @param publishes the information types it registered to publish (wire names)
 * @param subscribes the information types it subscribed to (wire names)
 * @param signing how it signs, if it registered a key
 * @param rateLimit the HTTP requests per second it may make; null for the server's default
 */
public record DirectoryEntry(String productId, String status, List<String> publishes, List<String> subscribes,
        Optional<SigningPolicy> signing, Integer rateLimit) {

    public static final String DEREGISTERED = "deregistered";

    public static final String ACTIVE = "active";

    /** A product at the server's default rate limit. */
    public DirectoryEntry(String productId, String status, List<String> publishes, List<String> subscribes,
            Optional<SigningPolicy> signing) {
        this(productId, status, publishes, subscribes, signing, null);
    }

    public DirectoryEntry {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(status, "status");
        publishes = List.copyOf(publishes);
        subscribes = List.copyOf(subscribes);
        Objects.requireNonNull(signing, "signing");
    }

    public boolean active() {
        return ACTIVE.equals(status);
    }

    /** Still registered (active or suspended): it may authenticate, whatever it may then do. */
    public boolean registered() {
        return !DEREGISTERED.equals(status);
    }

    /** Its rights over information. */
    public ProductRights rights() {
        return new ProductRights(productId, active(), Set.copyOf(publishes), Set.copyOf(subscribes));
    }
}
