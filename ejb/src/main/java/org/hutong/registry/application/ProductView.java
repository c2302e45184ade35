package org.hutong.registry.application;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.hutong.registry.domain.CommandChannel;
import org.hutong.registry.domain.Product;
import org.hutong.registry.domain.ProductDescription;
import org.hutong.security.domain.SigningPolicy;

/**
 * A registered product as the registry hands it out.
 *
 * @param reachability {@code reachable}, or {@code unreachable} when it has been silent (no
 *        heartbeat, registration or result) for longer than the configured time
 */
@JsonbPropertyOrder({"id", "vendor", "name", "version", "category", "functions", "publishes", "subscribes", "commands",
        "signing", "rateLimit", "status", "reachability", "registeredAt", "lastSeenAt"})
public record ProductView(String id, String vendor, String name, String version, String category, List<String> functions,
        List<String> publishes, List<String> subscribes, Commands commands, SigningPolicy signing, Integer rateLimit,
        String status, String reachability, Instant registeredAt, Instant lastSeenAt) {

    /**
     * How the product takes commands.
     *
     * @param channel {@code jms} or {@code https}
     * @param queue its command queue, for {@code jms}
     * @param url its callback URL, for {@code https}
     */
    @JsonbPropertyOrder({"channel", "queue", "url"})
    public record Commands(String channel, String queue, String url) {
    }

    static ProductView of(Product product, Instant now, Duration silence) {
        ProductDescription description = product.description();
        boolean jms = description.channel() == CommandChannel.JMS;
        return new ProductView(product.id(), description.vendor(), description.name(), description.version(),
                description.category(), description.functions().stream().sorted().toList(), description.publishes(),
                description.subscribes(),
                new Commands(description.channel().name().toLowerCase(Locale.ROOT), jms ? product.queue() : null,
                        jms ? null : description.callbackUrl()),
                description.signing(), description.rateLimit(), product.status().wireName(),
                product.unreachable(now, silence) ? "unreachable" : "reachable",
                product.registeredAt(), product.lastSeenAt());
    }
}
