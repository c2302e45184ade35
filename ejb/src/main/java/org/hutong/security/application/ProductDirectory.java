package org.hutong.security.application;

import java.util.Optional;
import org.hutong.security.domain.DirectoryEntry;

/**
 * The registered products, read-only, as the security context needs them. The registry provides
 * it: security does not reach into the registry's entities and repository.
 */
public interface ProductDirectory {

    /** The product as registered now, in the caller's transaction; empty when it is not registered. */
    Optional<DirectoryEntry> find(String productId);
}
