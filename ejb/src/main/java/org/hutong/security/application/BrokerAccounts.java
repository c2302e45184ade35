package org.hutong.security.application;

import jakarta.ejb.Local;
import java.util.Set;

/**
 * Products' accounts on the message broker. A product's user is its id; its roles let it send to
 * {@code hutong.information.ingress} and {@code hutong.function.results}, consume its own
 * {@code hutong.function.<id>} and its own subscription queue of each type it subscribed to.
 * Broker changes are not transactional: they happen at once, whatever the caller's transaction.
 */
@Local
public interface BrokerAccounts {

    /** The role every product's user has: it may send information and results. */
    String PRODUCT_ROLE = "product";

    /** The only role of a suspended product's user: no address grants it anything. */
    String SUSPENDED_ROLE = "suspended";

    /**
     * Creates (or replaces) the product's broker user with a new random password.
     *
     * @return the password; the hub keeps no copy
     */
    String issue(String productId, Set<String> subscribedTypes);

    /**
     * Gives the product's user the roles of its current subscriptions, keeping its password; an
     * inactive (suspended) product keeps its login but no role that lets it send or consume, and its
     * open connections are closed.
     */
    void update(String productId, Set<String> subscribedTypes, boolean active);

    /** Removes the product's user and the permissions on its command queue. */
    void revoke(String productId);

    /**
     * The product's subscription queue for one information type: {@code <productId>.<type>} on
     * {@code hutong.information.<type>}, read by its fully qualified name
     * {@code hutong.information.<type>::<productId>.<type>}.
     */
    static String subscriptionQueue(String productId, String type) {
        return productId + "." + type;
    }

    /** The roles of a product's broker user. */
    static String roles(String productId, Set<String> subscribedTypes) {
        StringBuilder roles = new StringBuilder(PRODUCT_ROLE).append(",product-").append(productId);
        subscribedTypes.stream().sorted().forEach(type -> roles.append(",subscriber-").append(type));
        return roles.toString();
    }
}
