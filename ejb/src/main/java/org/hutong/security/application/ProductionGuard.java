package org.hutong.security.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.hutong.security.domain.ProductionReadiness;

/**
 * Under the production transport ({@code hutong.transport=production}), refuses to start the
 * application while the configuration holds a development secret or reaches something in clear,
 * naming every problem in the server log: a hub that ran on the defaults would trust anyone who
 * read this repository.
 */
@Singleton
@Startup
public class ProductionGuard {

    private static final Logger LOG = Logger.getLogger(ProductionGuard.class.getName());

    @Inject
    Config config;

    @PostConstruct
    void refuseInsecureProduction() {
        if (!"production".equals(config.getOptionalValue("hutong.transport.profile", String.class).orElse(""))) {
            return;
        }
        List<String> problems = ProductionReadiness.problems(name -> config.getOptionalValue(name, String.class));
        if (!problems.isEmpty()) {
            String message = "Hutong does not start with hutong.transport=production: " + String.join("; ", problems);
            LOG.log(Level.SEVERE, message);
            throw new IllegalStateException(message);
        }
        LOG.log(Level.INFO, "Production configuration checked: no development secret, nothing in clear");
    }
}
