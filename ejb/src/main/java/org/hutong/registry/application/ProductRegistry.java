package org.hutong.registry.application;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;
import org.hutong.registry.domain.ProductDescription;
import org.hutong.registry.domain.ProductStatus;

/** Registering products and reading the registry. */
@Local
public interface ProductRegistry {

    /**
     * Registers a new product, active, and creates its command queue when it takes commands over JMS.
     *
     * @throws RegistrationRefusedException if the description names unknown functions, types or categories
     * @throws ProductConflictException if the id is taken
     */
    Registration register(String id, ProductDescription description);

    /** Replaces the description and, when given, the status; empty if no such product. */
    Optional<ProductView> update(String id, ProductDescription description, ProductStatus status);

    /** Marks the product deregistered: it gets no more commands but stays on record. */
    Optional<ProductView> deregister(String id);

    /** Replaces the product's broker password; empty if no such product. */
    Optional<Registration.BrokerCredentials> renewBrokerCredentials(String id);

    /** Records that the product is alive. */
    Optional<ProductView> heartbeat(String id);

    Optional<ProductView> find(String id);

    List<ProductView> find(String function, String category, ProductStatus status, String afterId, int limit);
}
