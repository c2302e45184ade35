package org.hutong.registry.application;

import java.util.Optional;
import java.util.Set;
import org.hutong.registry.domain.CommandChannel;
import org.hutong.registry.domain.Product;
import org.hutong.registry.domain.ProductDescription;
import org.hutong.registry.domain.ProductStatus;

/**
 * A registered product as a caller of its functions sees it: a read-only copy, never the
 * registry's entity.
 *
 * @param id the product's id
 * @param status its status' wire name ({@code active}, {@code suspended}, …)
 * @param functions the catalog functions it provides
 * @param commandQueue the queue it takes commands on; empty when it takes them over HTTPS
 * @param callbackUrl its HTTPS endpoint for commands; null when it takes them over JMS
 * @param category its GB/T 25066-2020 product category (code list product-category)
 */
public record Provider(String id, String status, Set<String> functions, Optional<String> commandQueue,
        String callbackUrl, String category) {

    public Provider {
        functions = Set.copyOf(functions);
    }

    public static Provider of(Product product) {
        ProductDescription description = product.description();
        boolean overJms = description.channel() == CommandChannel.JMS;
        return new Provider(product.id(), product.status().wireName(), product.functions(),
                overJms ? Optional.of(product.queue()) : Optional.empty(), overJms ? null : description.callbackUrl(),
                description.category());
    }

    /** Takes commands now: neither suspended nor deregistered. */
    public boolean active() {
        return ProductStatus.ACTIVE.wireName().equals(status);
    }

    public boolean provides(String functionId) {
        return functions.contains(functionId);
    }
}
