package org.hutong.information.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Loads the information description once and builds the one envelope parser every channel uses. */
@ApplicationScoped
public class InformationDescriptionProducer {

    @Inject
    @ConfigProperty(name = "hutong.information.max.envelope.bytes", defaultValue = "1048576")
    int maxEnvelopeBytes;

    @Inject
    @ConfigProperty(name = "hutong.information.max.batch.items", defaultValue = "1000")
    int maxBatchItems;

    // Pseudo-scope Singleton: neither type can be proxied, and both are immutable.
    @Produces
    @Singleton
    DescriptionCatalog catalog() {
        return DescriptionCatalog.load(InformationDescriptionProducer.class.getClassLoader());
    }

    @Produces
    @Singleton
    InformationLimits limits() {
        return new InformationLimits(maxEnvelopeBytes, maxBatchItems);
    }

    @Produces
    @Singleton
    EnvelopeParser parser(DescriptionCatalog catalog, InformationLimits limits) {
        return new EnvelopeParser(catalog, limits.maxEnvelopeBytes());
    }
}
