package org.hutong.registry.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hutong.registry.application.Provider;
import org.hutong.registry.domain.CommandChannel;
import org.hutong.registry.domain.Product;
import org.hutong.registry.domain.ProductDescription;
import org.hutong.registry.domain.ProductRepository;
import org.hutong.registry.domain.ProductStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the function context learns about registered products, over an in-memory repository. */
class RegistryProvidersTest {

    private static final Instant T0 = Instant.parse("2026-12-05T08:00:00Z");

    private final InMemoryProducts repository = new InMemoryProducts();
    private final RegistryProviders providers = new RegistryProviders();

    @BeforeEach
    void register() {
        providers.products = repository;
        repository.add(new Product("fw-01", description(List.of("protect.block-ip"), CommandChannel.JMS, null), T0));
        repository.add(new Product("edr-01", description(List.of("dispose.isolate-host", "protect.block-ip"),
                CommandChannel.HTTPS, "https://edr.example/commands"), T0));
        Product suspended = new Product("waf-01", description(List.of("protect.virtual-patch"), CommandChannel.JMS,
                null), T0);
        suspended.changeStatus(ProductStatus.SUSPENDED);
        repository.add(suspended);
    }

    @Test
    void aProductOverJmsHasItsQueueAndNoCallback() {
        Provider firewall = providers.find("fw-01").orElseThrow();

        assertThat(firewall.commandQueue()).contains("hutong.function.fw-01");
        assertThat(firewall.callbackUrl()).isNull();
        assertThat(firewall.active()).isTrue();
        assertThat(firewall.provides("protect.block-ip")).isTrue();
        assertThat(firewall.provides("dispose.isolate-host")).isFalse();
    }

    @Test
    void aProductOverHttpsHasItsCallbackAndNoQueue() {
        Provider edr = providers.find("edr-01").orElseThrow();

        assertThat(edr.commandQueue()).isEmpty();
        assertThat(edr.callbackUrl()).isEqualTo("https://edr.example/commands");
    }

    @Test
    void aSuspendedProductIsFoundButNotActiveAndProvidesNothingToTheCatalog() {
        Provider waf = providers.find("waf-01").orElseThrow();

        assertThat(waf.active()).isFalse();
        assertThat(waf.status()).isEqualTo("suspended");
        assertThat(providers.activeProviders("protect.virtual-patch")).isEmpty();
        assertThat(providers.functionsProvided()).containsExactlyInAnyOrder("protect.block-ip", "dispose.isolate-host");
        assertThat(providers.activeProviders("protect.block-ip")).extracting(Provider::id)
                .containsExactly("edr-01", "fw-01");
    }

    @Test
    void aProviderIsACopyThatCannotChangeTheRegisteredProduct() {
        Provider firewall = providers.find("fw-01").orElseThrow();

        assertThat(firewall.functions()).isUnmodifiable();
        assertThat(repository.find("fw-01").orElseThrow().functions()).containsExactly("protect.block-ip");
    }

    @Test
    void hearingFromAProductMovesItsLastSeenForwardAndIgnoresAnUnknownOne() {
        Instant later = T0.plus(Duration.ofMinutes(3));

        providers.heardFrom("fw-01", later);
        providers.heardFrom("nobody", later);

        assertThat(repository.find("fw-01").orElseThrow().lastSeenAt()).isEqualTo(later);
        assertThat(providers.find("nobody")).isEmpty();
    }

    private static ProductDescription description(List<String> functions, CommandChannel channel, String callback) {
        return new ProductDescription("Example", "Product", "1.0", "area-boundary", functions, List.of("alert"),
                List.of(), channel, callback);
    }

    /** The repository's contract over a map: ordered by id, as the JPA repository orders. */
    private static final class InMemoryProducts implements ProductRepository {

        private final Map<String, Product> products = new TreeMap<>();

        @Override
        public Optional<Product> find(String id) {
            return Optional.ofNullable(products.get(id));
        }

        @Override
        public void add(Product product) {
            products.put(product.id(), product);
        }

        @Override
        public List<Product> activeProviders(String functionId) {
            return find(functionId, null, ProductStatus.ACTIVE, "", Integer.MAX_VALUE);
        }

        @Override
        public List<Product> find(String function, String category, ProductStatus status, String afterId, int limit) {
            return products.values().stream().filter(product -> product.id().compareTo(afterId) > 0)
                    .filter(product -> function == null || product.functions().contains(function))
                    .filter(product -> category == null || category.equals(product.description().category()))
                    .filter(product -> status == null || product.status() == status).limit(limit).toList();
        }
    }
}
