package org.hutong.it.container;

import java.io.File;
import java.net.URISyntaxException;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.hutong.information.application.InformationIngestion;
import org.hutong.shared.infrastructure.schema.SchemaMigrator;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The information context as the EJB module ships it, with the audit trail it writes to, in a test WAR. */
final class Deployments {

    static final List<String> MIGRATIONS = List.of("db/migration/flyway.location", "db/migration/V1__baseline.sql",
            "db/migration/V2__publication_outbox.sql", "db/migration/V3__audit_unsealed.sql",
            "db/migration/V4__information_sequence_blocks.sql",
            "db/migration/V5__invocation_sequence_blocks.sql", "db/migration/V14__information_commit_order.sql",
            "db/migration/V16__login_failures.sql");

    private Deployments() {
    }

    static WebArchive informationContext(String name) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war");
        // The schema scripts the EJB module ships (Flyway finds them by scanning db/migration).
        for (String script : MIGRATIONS) {
            war.addAsResource(script);
        }
        return war
                .addPackages(true, "org.hutong.information.domain", "org.hutong.information.infrastructure",
                        "org.hutong.audit", "org.hutong.security.domain", "org.hutong.security.application",
                        "org.hutong.security.infrastructure.persistence",
                        "org.hutong.registry.domain", "org.hutong.registry.infrastructure.persistence",
                        "org.hutong.exchange.domain", "org.hutong.exchange.application",
                        "org.hutong.exchange.infrastructure.persistence", "org.hutong.exchange.infrastructure.kafka")
                .addPackage(InformationIngestion.class.getPackage())
                .addPackages(true, "org.hutong.information.application.syslog", "org.hutong.information.application.kafka",
                        "org.hutong.information.application.correlation")
                // What registry.infrastructure.persistence implements for the function context.
                .addClasses(org.hutong.registry.application.Provider.class,
                        org.hutong.registry.application.Providers.class)
                // What the information publisher wakes after a commit (the rule engine, not deployed here).
                .addClasses(org.hutong.exchange.infrastructure.messaging.InformationStoredSignal.class)
                .addPackages(true, SchemaMigrator.class.getPackage().getName(), "org.hutong.shared.infrastructure.time",
                        "org.hutong.shared.infrastructure.work", "org.hutong.shared.application",
                        "org.hutong.shared.domain")
                .addAsResource("META-INF/persistence.xml")
                .addAsResource("schemas/envelope.schema.json")
                .addAsResource("schemas/common.schema.json")
                .addAsResource("schemas/behavior.schema.json")
                .addAsResource("schemas/alert.schema.json")
                .addAsResource("schemas/asset.schema.json")
                .addAsResource("schemas/vulnerability.schema.json")
                .addAsResource("schemas/threat.schema.json")
                .addAsResource("schemas/incident.schema.json")
                .addAsWebInfResource("META-INF/beans.xml", "beans.xml")
                .addAsResource("codelists/incident-category.json")
                .addAsResource("codelists/incident-grade.json")
                .addAsResource("codelists/incident-status.json")
                .addAsResource("codelists/vulnerability-grade.json")
                .addAsResource("codelists/vulnerability-class.json")
                .addAsResource("codelists/product-category.json")
                .addAsResource("codelists/alert-severity.json")
                .addAsResource("codelists/asset-kind.json")
                .addAsLibraries(jarOf(Assertions.class), jarOf(com.networknt.schema.Schema.class),
                        jarOf(com.fasterxml.jackson.databind.ObjectMapper.class),
                        jarOf(com.fasterxml.jackson.core.JsonFactory.class),
                        jarOf(com.fasterxml.jackson.annotation.JsonProperty.class),
                        jarOf(com.ethlo.time.ITU.class), jarOf(org.slf4j.Logger.class),
                        jarOf(org.bouncycastle.crypto.digests.SM3Digest.class),
                        jarOf(org.erdtman.jcs.JsonCanonicalizer.class),
                        jarOf(org.flywaydb.core.Flyway.class),
                        jarOf(org.flywaydb.database.postgresql.PostgreSQLDatabaseType.class),
                        jarOf(org.apache.kafka.clients.producer.KafkaProducer.class));
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
