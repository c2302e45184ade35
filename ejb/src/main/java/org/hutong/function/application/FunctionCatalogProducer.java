package org.hutong.function.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.hutong.information.application.DescriptionCatalog;

/** Loads the function catalog once. */
@ApplicationScoped
public class FunctionCatalogProducer {

    @Produces
    @Singleton
    FunctionCatalog catalog(DescriptionCatalog descriptions) {
        return FunctionCatalog.load(FunctionCatalogProducer.class.getClassLoader(), descriptions);
    }
}
