package org.hutong.registry.domain;

import java.util.List;
import java.util.Objects;
import org.hutong.security.domain.SigningPolicy;

/**
 * What a product declares about itself when it registers.
 *
 * @param vendor who makes it
 * @param name the product's name
 * @param version the product's version
 * @param category its GB/T 25066-2020 category (code list product-category)
 * @param functions the catalog functions it provides
 * @param publishes the information types it publishes
 * @param subscribes the information types it subscribes to
 * @param channel how it takes commands
 * @param callbackUrl its HTTPS endpoint for commands, when {@code channel} is HTTPS
 * @param signing how it signs what it sends; null when it registered no key
 * @param rateLimit the HTTP requests per second it may make; null for the server's default
 */
public record ProductDescription(String vendor, String name, String version, String category, List<String> functions,
        List<String> publishes, List<String> subscribes, CommandChannel channel, String callbackUrl,
        SigningPolicy signing, Integer rateLimit) {

    /** A product with the server's default rate limit. */
    public ProductDescription(String vendor, String name, String version, String category, List<String> functions,
            List<String> publishes, List<String> subscribes, CommandChannel channel, String callbackUrl,
            SigningPolicy signing) {
        this(vendor, name, version, category, functions, publishes, subscribes, channel, callbackUrl, signing, null);
    }

    /** A product that registers no signing key. */
    public ProductDescription(String vendor, String name, String version, String category, List<String> functions,
            List<String> publishes, List<String> subscribes, CommandChannel channel, String callbackUrl) {
        this(vendor, name, version, category, functions, publishes, subscribes, channel, callbackUrl, null, null);
    }

    public ProductDescription {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(channel, "channel");
        functions = List.copyOf(functions);
        publishes = List.copyOf(publishes);
        subscribes = List.copyOf(subscribes);
    }
}
