package org.hutong.exchange.interfaces.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The hub is ready only while its database accepts connections. */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(DatabaseReadinessCheck.class.getName());
    private static final int VALIDATION_TIMEOUT_SECONDS = 3;

    @Resource(lookup = "jdbc/hutong")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(VALIDATION_TIMEOUT_SECONDS);
            DatabaseMetaData database = connection.getMetaData();
            return HealthCheckResponse.named("database").status(valid)
                    .withData("product", database.getDatabaseProductName())
                    .withData("version", database.getDatabaseProductVersion()).build();
        } catch (SQLException e) {
            // /health is public: the reason goes to the log, not to whoever asks.
            LOG.log(Level.WARNING, "The database is not reachable: {0}", e.getMessage());
            return HealthCheckResponse.named("database").down().build();
        }
    }
}
