package org.hutong.shared.infrastructure.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Brings the database schema up to date when the application starts, before any channel
 * accepts information (the EAR initialises this module first).
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Resource(lookup = "jdbc/hutong")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        try (Connection connection = dataSource.getConnection()) {
            List<Integer> applied = new SchemaMigration(SchemaMigrator.class.getClassLoader()).migrate(connection);
            LOG.log(Level.INFO, "Database schema is current ({0} script(s) applied now: {1})",
                    new Object[] {applied.size(), applied});
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot bring the database schema up to date", e);
        }
    }
}
