package org.hutong.registry.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hutong.audit.application.AuditTrail;
import org.hutong.audit.domain.AuditEntry;
import org.hutong.information.application.syslog.SyslogMapping;
import org.hutong.information.application.syslog.SyslogMappings;
import org.hutong.registry.domain.CommandChannel;
import org.hutong.registry.domain.Product;
import org.hutong.registry.domain.ProductDescription;
import org.hutong.registry.domain.ProductRepository;

/**
 * For a newcomer's first {@code logger} line ({@code mvn -Prun package}): registers the product named
 * by {@code hutong.syslog.dev.product} at start, if it is not registered, to publish alerts and
 * behaviour with a syslog mapping that places every event it cannot place otherwise in {@code other}.
 * The development run binds 127.0.0.1 to it; a production server refuses to start with it set
 * ({@code ProductionReadiness}).
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class DevelopmentSyslogProduct {

    private static final Logger LOG = Logger.getLogger(DevelopmentSyslogProduct.class.getName());
    private static final String ACTOR = "hutong";

    @Inject
    @ConfigProperty(name = "hutong.syslog.dev.product")
    Optional<String> productId;

    @Inject
    ProductRepository products;

    @Inject
    SyslogMappings mappings;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @PostConstruct
    void register() {
        Optional<String> id = productId.filter(value -> !value.isBlank());
        if (id.isEmpty() || products.find(id.get()).isPresent()) {
            return;
        }
        products.add(new Product(id.get(), new ProductDescription("Hutong", "Development syslog sender", "1",
                "security-management", List.of(), List.of("alert", "behavior"), List.of(), CommandChannel.JMS, null),
                clock.instant()));
        mappings.save(id.get(), SyslogMapping.read("{\"defaultCategory\": \"other\"}"), ACTOR);
        audit.record(AuditEntry.success(ACTOR, "product.register", id.get(),
                "development syslog product (hutong.syslog.dev.product)"));
        LOG.log(Level.INFO, "Registered the development syslog product {0} (hutong.syslog.dev.product)", id.get());
    }
}
