package org.hutong.security.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.Optional;
import org.hutong.registry.domain.Product;
import org.hutong.registry.domain.ProductRepository;
import org.hutong.registry.domain.ProductStatus;
import org.hutong.security.domain.AccessRefusedException;
import org.hutong.security.domain.ProductRights;

/** Reads a product's rights from its registration, in the caller's transaction. */
@ApplicationScoped
public class ProductRightsService {

    @Inject
    ProductRepository products;

    public Optional<ProductRights> rights(String productId) {
        return products.find(productId).map(ProductRightsService::rightsOf);
    }

    /** The rights of a product that authenticated; one that is no longer registered has none. */
    public ProductRights require(String productId) {
        return rights(productId).orElseThrow(() -> new AccessRefusedException("product '" + productId
                + "' is not registered"));
    }

    static ProductRights rightsOf(Product product) {
        return new ProductRights(product.id(), product.status() == ProductStatus.ACTIVE,
                new LinkedHashSet<>(product.description().publishes()),
                new LinkedHashSet<>(product.description().subscribes()));
    }
}
