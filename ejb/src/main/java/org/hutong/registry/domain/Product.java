package org.hutong.registry.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.hutong.security.domain.SigningPolicy;
import org.hutong.shared.domain.Destinations;

/**
 * A security product registered with the hub: what it is, which functions it provides, which
 * information it publishes and subscribes to, and how it takes commands.
 */
@Entity
@Table(name = "product")
public class Product {

    /** Lower-case letters, digits and dashes: the id is part of the product's queue name. */
    public static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");
    public static final String QUEUE_PREFIX = Destinations.COMMAND_QUEUE_PREFIX;
    /** Names under {@link #QUEUE_PREFIX} the hub uses itself, and {@code hutong}: the producer of the information the hub reports itself. */
    public static final Set<String> RESERVED_IDS = Set.of("results", "dlq", "results-dlq", "hutong");

    @Id
    @Column(name = "product_id", length = 64)
    private String id;

    @Column(name = "vendor", nullable = false, length = 256)
    private String vendor;

    @Column(name = "name", nullable = false, length = 256)
    private String name;

    @Column(name = "product_version", nullable = false, length = 64)
    private String productVersion;

    @Column(name = "category", nullable = false, length = 100)
    private String category;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private ProductStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "command_channel", nullable = false, length = 8)
    private CommandChannel channel;

    @Column(name = "callback_url", length = 2048)
    private String callbackUrl;

    @Column(name = "publishes", length = 128)
    private String publishes;

    @Column(name = "subscribes", length = 128)
    private String subscribes;

    @ElementCollection
    @CollectionTable(name = "product_function", joinColumns = @JoinColumn(name = "product_id"))
    @Column(name = "function_id", nullable = false, length = 64)
    private Set<String> functions = new LinkedHashSet<>();

    @Column(name = "registered_at", nullable = false, updatable = false)
    private LocalDateTime registeredAt;

    @Column(name = "last_seen_at", nullable = false)
    private LocalDateTime lastSeenAt;

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    @Column(name = "signing_algorithm", length = 8)
    private String signingAlgorithm;

    @Column(name = "signing_key", length = 8192)
    private String signingKey;

    /** Whether unsigned envelopes of this product are refused. */
    @Column(name = "signatures_required", nullable = false)
    private boolean signaturesRequired;

    @Column(name = "rate_limit")
    private Integer rateLimit;

    protected Product() {
        // for JPA
    }

    public Product(String id, ProductDescription description, Instant now) {
        if (!ID.matcher(Objects.requireNonNull(id, "id")).matches() || RESERVED_IDS.contains(id)) {
            throw new IllegalArgumentException("product id " + id + " is not " + ID.pattern() + " or is reserved");
        }
        this.id = id;
        this.status = ProductStatus.ACTIVE;
        this.registeredAt = toUtc(now);
        this.lastSeenAt = toUtc(now);
        describe(description);
    }

    /** Replaces what the product declared about itself; its id, status and history stay. */
    public void describe(ProductDescription description) {
        this.vendor = description.vendor();
        this.name = description.name();
        this.productVersion = description.version();
        this.category = description.category();
        this.channel = description.channel();
        this.callbackUrl = description.callbackUrl();
        this.publishes = String.join(",", description.publishes());
        this.subscribes = String.join(",", description.subscribes());
        this.functions.clear();
        this.functions.addAll(description.functions());
        SigningPolicy signing = description.signing();
        this.signingAlgorithm = signing == null ? null : signing.algorithm();
        this.signingKey = signing == null ? null : signing.publicKey();
        this.signaturesRequired = signing != null && signing.required();
        this.rateLimit = description.rateLimit();
    }

    public void changeStatus(ProductStatus status) {
        this.status = Objects.requireNonNull(status, "status");
    }

    /**
     * The product was heard from at {@code at}. Moves only forward, and by a second at least: a
     * product reporting many results at once does not rewrite its row (and contend for it) each time.
     */
    public void seen(Instant at) {
        LocalDateTime time = toUtc(at);
        if (time.isAfter(lastSeenAt.plusSeconds(1))) {
            lastSeenAt = time;
        }
    }

    /** Silent for longer than {@code silence}: reported unreachable. */
    public boolean unreachable(Instant now, Duration silence) {
        return lastSeenAt().plus(silence).isBefore(now);
    }

    public String queue() {
        return QUEUE_PREFIX + id;
    }

    public String id() {
        return id;
    }

    public ProductDescription description() {
        return new ProductDescription(vendor, name, productVersion, category, List.copyOf(functions), split(publishes),
                split(subscribes), channel, callbackUrl, signingKey == null ? null
                        : new SigningPolicy(signingAlgorithm, signingKey, signaturesRequired), rateLimit);
    }

    public ProductStatus status() {
        return status;
    }

    public Set<String> functions() {
        return Collections.unmodifiableSet(functions);
    }

    public Instant registeredAt() {
        return registeredAt.toInstant(ZoneOffset.UTC);
    }

    public Instant lastSeenAt() {
        return lastSeenAt.toInstant(ZoneOffset.UTC);
    }

    public int version() {
        return version;
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static LocalDateTime toUtc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
