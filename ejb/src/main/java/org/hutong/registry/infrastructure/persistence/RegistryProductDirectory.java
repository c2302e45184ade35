package org.hutong.registry.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.hutong.registry.domain.Product;
import org.hutong.registry.domain.ProductRepository;
import org.hutong.security.application.ProductDirectory;
import org.hutong.security.domain.DirectoryEntry;

/** The registry's answer to the security context's {@link ProductDirectory}: its products, read-only. */
@ApplicationScoped
public class RegistryProductDirectory implements ProductDirectory {

    @Inject
    ProductRepository products;

    @Override
    public Optional<DirectoryEntry> find(String productId) {
        return products.find(productId).map(RegistryProductDirectory::entry);
    }

    static DirectoryEntry entry(Product product) {
        return new DirectoryEntry(product.id(), product.status().wireName(), product.description().publishes(),
                product.description().subscribes(), Optional.ofNullable(product.description().signing()),
                product.description().rateLimit());
    }
}
