package org.hutong.security.domain;

import java.util.Optional;
import java.util.Set;

/**
 * What one registered product may do with information: publish as itself the types it registered,
 * read the types it subscribed to and its own. Only an active product publishes or reads.
 *
 * @param productId the product
 * @param active whether its registration is active (not suspended or deregistered)
 * @param publishes the information types it registered to publish (wire names)
 * @param subscribes the information types it subscribed to (wire names)
 */
public record ProductRights(String productId, boolean active, Set<String> publishes, Set<String> subscribes) {

    public ProductRights {
        publishes = Set.copyOf(publishes);
        subscribes = Set.copyOf(subscribes);
    }

    /** Why this product may not publish information of {@code type} as {@code producer}; empty if it may. */
    public Optional<String> publishRefusal(String producer, String type) {
        if (!productId.equals(producer)) {
            return Optional.of("the producer '" + producer + "' is not the authenticated product '" + productId + "'");
        }
        if (!active) {
            return Optional.of("product '" + productId + "' is not active");
        }
        if (!publishes.contains(type)) {
            return Optional.of("product '" + productId + "' did not register to publish " + type + " information");
        }
        return Optional.empty();
    }

    /** Information of {@code type} from other producers. */
    public boolean mayRead(String type) {
        return active && subscribes.contains(type);
    }

    /** Its own information, whatever its type. */
    public boolean mayReadOwn() {
        return active;
    }
}
