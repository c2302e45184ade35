package org.hutong.security.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.hutong.security.domain.DirectoryEntry;
import org.hutong.security.domain.ProductRights;
import org.hutong.shared.domain.AccessRefusedException;

/** Reads a product's rights from the product directory, in the caller's transaction. */
@ApplicationScoped
public class ProductRightsService {

    @Inject
    ProductDirectory products;

    public Optional<ProductRights> rights(String productId) {
        return products.find(productId).map(DirectoryEntry::rights);
    }

    /** The rights of a product that authenticated; one that is no longer registered has none. */
    public ProductRights require(String productId) {
        return rights(productId).orElseThrow(() -> new AccessRefusedException("product '" + productId
                + "' is not registered"));
    }

    /**
     * What product {@code productId} may read: the types it subscribed to, and its own information,
     * while its registration is active.
     *
     * @param type the information type asked for; empty means every type
     * @param producer the producer asked for; empty means every producer
     * @throws AccessRefusedException why it may not
     */
    public void checkRead(String productId, Optional<String> type, Optional<String> producer) {
        DirectoryEntry product = products.find(productId)
                .orElseThrow(() -> new AccessRefusedException("product '" + productId + "' is not registered"));
        ProductRights rights = product.rights();
        if (!rights.mayReadOwn()) {
            throw new AccessRefusedException("product '" + productId + "' is " + product.status()
                    + ": it reads nothing");
        }
        if (producer.filter(productId::equals).isPresent()) {
            return;
        }
        if (type.isEmpty()) {
            throw new AccessRefusedException("a product reads one information type it subscribed to (type=), "
                    + "or its own (producer=" + productId + "); subscribed: " + product.subscribes());
        }
        if (!rights.mayRead(type.get())) {
            throw new AccessRefusedException("product '" + productId + "' did not subscribe to " + type.get()
                    + " information");
        }
    }
}
