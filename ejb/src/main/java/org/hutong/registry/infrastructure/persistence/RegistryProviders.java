package org.hutong.registry.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hutong.registry.application.Provider;
import org.hutong.registry.application.Providers;
import org.hutong.registry.domain.ProductRepository;
import org.hutong.registry.domain.ProductStatus;

/** {@link Providers} over the registry's repository. */
@ApplicationScoped
public class RegistryProviders implements Providers {

    /** More active products than any deployment registers; the catalog's answer stays bounded. */
    private static final int ALL = 10_000;

    @Inject
    ProductRepository products;

    @Override
    public Optional<Provider> find(String productId) {
        return products.find(productId).map(Provider::of);
    }

    @Override
    public List<Provider> activeProviders(String functionId) {
        return products.activeProviders(functionId).stream().map(Provider::of).toList();
    }

    @Override
    public Set<String> functionsProvided() {
        Set<String> provided = new LinkedHashSet<>();
        products.find(null, null, ProductStatus.ACTIVE, "", ALL).forEach(product -> provided.addAll(product.functions()));
        return provided;
    }

    @Override
    public void heardFrom(String productId, Instant at) {
        products.find(productId).ifPresent(product -> product.seen(at));
    }
}
