package org.hutong.function.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.hutong.information.application.DescriptionCatalog;
import org.hutong.registry.application.KnownFunctions;

/** Loads the function catalog once, and tells the registry which functions exist. */
@ApplicationScoped
public class FunctionCatalogProducer {

    @Produces
    @Singleton
    FunctionCatalog catalog(DescriptionCatalog descriptions) {
        return FunctionCatalog.load(FunctionCatalogProducer.class.getClassLoader(), descriptions);
    }

    @Produces
    @Singleton
    KnownFunctions knownFunctions(FunctionCatalog catalog) {
        return functionId -> catalog.find(functionId).isPresent();
    }
}
