package org.hutong.shared.domain;

import java.util.Objects;

/**
 * Who handed the hub a message: an authenticated product, or the hub itself (its own broker
 * account, used by bridges the operator runs and by the hub's internal flows), which may carry
 * information of any producer.
 */
public record Sender(String productId) {

    /** The hub's own account: not bound to one producer. */
    public static final Sender HUB = new Sender(null);

    public static Sender product(String productId) {
        return new Sender(Objects.requireNonNull(productId, "productId"));
    }

    public boolean isHub() {
        return productId == null;
    }

    @Override
    public String toString() {
        return isHub() ? "the hub" : "product " + productId;
    }
}
