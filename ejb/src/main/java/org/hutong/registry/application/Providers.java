package org.hutong.registry.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The registered products as the function context acts on them: read-only {@link Provider}s, so
 * that no other context holds, changes or depends on the registry's entities and repository. The
 * one write is {@link #heardFrom}, which only the registry's own rules apply. Every method runs in
 * the caller's transaction.
 */
public interface Providers {

    /** The product as registered now; empty when it is not registered. */
    Optional<Provider> find(String productId);

    /** The active products that provide {@code functionId}, by id. */
    List<Provider> activeProviders(String functionId);

    /** Every function at least one active product provides. */
    Set<String> functionsProvided();

    /** The product was heard from at {@code at} (a result, for example); nothing when it is not registered. */
    void heardFrom(String productId, Instant at);
}
