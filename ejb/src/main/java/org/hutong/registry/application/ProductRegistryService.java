package org.hutong.registry.application;

import org.hutong.security.application.OutboundPolicy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hutong.audit.application.AuditTrail;
import org.hutong.audit.domain.AuditEntry;
import org.hutong.information.application.DescriptionCatalog;
import org.hutong.information.domain.CodeList;
import org.hutong.shared.domain.InformationType;
import org.hutong.shared.domain.Violation;
import org.hutong.registry.domain.CommandChannel;
import org.hutong.registry.domain.Product;
import org.hutong.registry.domain.ProductDescription;
import org.hutong.registry.domain.ProductRepository;
import org.hutong.registry.domain.ProductStatus;
import org.hutong.security.domain.SigningPolicy;
import org.hutong.security.domain.DetachedJws;
import org.hutong.security.domain.PublicKeys;
import org.hutong.security.application.BrokerAccounts;
import org.hutong.shared.domain.AccessRefusedException;
import org.hutong.shared.domain.Roles;

@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class ProductRegistryService implements ProductRegistry {

    private static final Logger LOG = Logger.getLogger(ProductRegistryService.class.getName());
    // Who registers is known once requests are authenticated (issue 5).

    @Inject
    OutboundPolicy outbound;

    @Inject
    ProductRepository products;

    @Inject
    CommandQueues queues;

    @Inject
    KnownFunctions functions;

    @Inject
    DescriptionCatalog descriptions;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @EJB
    BrokerAccounts accounts;

    @Resource
    SessionContext session;

    @Inject
    @ConfigProperty(name = "hutong.registry.unreachable.after", defaultValue = "PT5M")
    Duration silence;

    @Inject
    @ConfigProperty(name = "hutong.broker.user", defaultValue = "hutong")
    String hubAccount;

    @Override
    @RolesAllowed(Roles.ADMIN)
    public Registration register(String id, ProductDescription description) {
        List<Violation> violations = check(description);
        // A product's id is also its broker account: the hub's own account is not to be had.
        Set<String> reserved = new TreeSet<>(Product.RESERVED_IDS);
        reserved.add(hubAccount);
        if (id == null || !Product.ID.matcher(id).matches() || reserved.contains(id)) {
            violations.add(0, new Violation("/id", "must match " + Product.ID.pattern() + " and not be one of "
                    + reserved));
        }
        if (!violations.isEmpty()) {
            throw new RegistrationRefusedException(violations);
        }
        if (products.find(id).isPresent()) {
            throw new ProductConflictException("a product with the id '" + id + "' is registered already");
        }
        Product product = new Product(id, description, now());
        products.add(product);
        if (description.channel() == CommandChannel.JMS) {
            queues.ensure(product.queue());
        }
        audit.record(AuditEntry.success(actor(), "product.register", id, description.vendor() + " " + description.name()
                + " " + description.version() + ", functions " + description.functions()));
        // Last, so that a refusal by the broker leaves no registration behind.
        String password = accounts.issue(id, Set.copyOf(description.subscribes()));
        LOG.log(Level.INFO, "Registered product {0} ({1} {2}), functions {3}",
                new Object[] {id, description.vendor(), description.name(), description.functions()});
        return new Registration(view(product), new Registration.BrokerCredentials(id, password));
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public Optional<ProductView> update(String id, ProductDescription description, ProductStatus status) {
        Optional<Product> found = products.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<Violation> violations = check(description);
        if (!violations.isEmpty()) {
            throw new RegistrationRefusedException(violations);
        }
        Product product = found.get();
        requireRegistered(product);
        product.describe(description);
        if (status != null) {
            product.changeStatus(status);
        }
        if (description.channel() == CommandChannel.JMS) {
            queues.ensure(product.queue());
        }
        audit.record(AuditEntry.success(actor(), "product.update", id, "status " + product.status().wireName()
                + ", functions " + description.functions() + ", subscribes " + description.subscribes()
                + (description.signing() == null ? "" : ", signing " + description.signing().algorithm()
                        + (description.signing().required() ? " required" : " optional"))));
        accounts.update(id, Set.copyOf(description.subscribes()), product.status() == ProductStatus.ACTIVE);
        LOG.log(Level.INFO, "Updated product {0}, status {1}", new Object[] {id, product.status().wireName()});
        return Optional.of(view(product));
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public Optional<ProductView> deregister(String id) {
        return products.find(id).map(product -> {
            product.changeStatus(ProductStatus.DEREGISTERED);
            audit.record(AuditEntry.success(actor(), "product.deregister", id, null));
            accounts.revoke(id);
            LOG.log(Level.INFO, "Deregistered product {0}", id);
            return view(product);
        });
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public Optional<Registration.BrokerCredentials> renewBrokerCredentials(String id) {
        return products.find(id).map(product -> {
            requireRegistered(product);
            String password = accounts.issue(id, Set.copyOf(product.description().subscribes()));
            if (product.status() != ProductStatus.ACTIVE) {
                // A new password does not lift a suspension.
                accounts.update(id, Set.copyOf(product.description().subscribes()), false);
            }
            audit.record(AuditEntry.success(actor(), "product.broker-credentials", id, "renewed"));
            return new Registration.BrokerCredentials(id, password);
        });
    }

    private String actor() {
        return session.getCallerPrincipal().getName();
    }

    @Override
    @RolesAllowed(Roles.PRODUCT)
    public Optional<ProductView> heartbeat(String id) {
        if (!id.equals(actor())) {
            throw new AccessRefusedException("a product sends heartbeats only for itself");
        }
        return products.find(id).map(product -> {
            requireRegistered(product);
            product.seen(now());
            return view(product);
        });
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<ProductView> find(String id) {
        return products.find(id).map(this::view);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ProductView> find(String function, String category, ProductStatus status, String afterId, int limit) {
        return products.find(function, category, status, afterId == null ? "" : afterId, limit).stream()
                .map(this::view).toList();
    }

    private static void requireRegistered(Product product) {
        if (product.status() == ProductStatus.DEREGISTERED) {
            throw new ProductConflictException("product '" + product.id() + "' is deregistered; register it anew");
        }
    }

    /** What the description declares that the hub does not know. */
    List<Violation> check(ProductDescription description) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < description.functions().size(); i++) {
            String function = description.functions().get(i);
            if (!functions.contains(function)) {
                violations.add(new Violation("/functions/" + i, "'" + function + "' is not in the function catalog"));
            }
        }
        types(description.publishes(), "/publishes", violations);
        types(description.subscribes(), "/subscribes", violations);
        if (!descriptions.required(CodeList.PRODUCT_CATEGORY).contains(description.category())) {
            violations.add(new Violation("/category", "'" + description.category()
                    + "' is not an entry of the code list " + CodeList.PRODUCT_CATEGORY));
        }
        if (description.channel() == CommandChannel.HTTPS) {
            outbound.refusal(description.callbackUrl()).ifPresent(reason -> violations.add(new Violation("/commands/url",
                    "an https channel needs a URL the hub may call: " + reason)));
        }
        if (description.rateLimit() != null && (description.rateLimit() < 1 || description.rateLimit() > 100_000)) {
            violations.add(new Violation("/rateLimit", "must be between 1 and 100000 requests per second"));
        }
        SigningPolicy signing = description.signing();
        if (signing != null) {
            Optional<DetachedJws.Algorithm> algorithm = DetachedJws.Algorithm.of(signing.algorithm());
            if (algorithm.isEmpty()) {
                violations.add(new Violation("/signing/algorithm", "must be ES256, RS256 or SM2"));
            } else {
                try {
                    PublicKeys.parse(algorithm.get(), signing.publicKey());
                } catch (IllegalArgumentException e) {
                    violations.add(new Violation("/signing/publicKey", e.getMessage()));
                }
            }
        }
        return violations;
    }

    private static void types(List<String> types, String pointer, List<Violation> violations) {
        for (int i = 0; i < types.size(); i++) {
            if (InformationType.fromWireName(types.get(i)).isEmpty()) {
                violations.add(new Violation(pointer + "/" + i, "'" + types.get(i) + "' is not an information type"));
            }
        }
    }

    private ProductView view(Product product) {
        return ProductView.of(product, now(), silence);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
