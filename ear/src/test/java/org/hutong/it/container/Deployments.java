package org.hutong.it.container;

import java.io.File;
import java.net.URISyntaxException;
import org.assertj.core.api.Assertions;
import org.hutong.information.application.InformationIngestion;
import org.hutong.shared.infrastructure.schema.SchemaMigrator;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The information context as the EJB module ships it, in a test WAR. */
final class Deployments {

    private Deployments() {
    }

    static WebArchive informationContext(String name) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addPackages(true, "org.hutong.information.domain", "org.hutong.information.infrastructure")
                .addPackage(InformationIngestion.class.getPackage())
                .addPackages(true, SchemaMigrator.class.getPackage().getName(), "org.hutong.shared.infrastructure.time")
                .addAsResource("META-INF/persistence.xml")
                .addAsResource("db/migration/derby/V1.sql")
                .addAsResource("db/migration/postgresql/V1.sql")
                .addAsWebInfResource("META-INF/beans.xml", "beans.xml")
                .addAsLibrary(jarOf(Assertions.class));
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
