package org.hutong.shared.infrastructure.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Brings the database schema up to date when the application starts, before any channel
 * accepts information (the EAR initialises this module first). If the schema history does not
 * match the scripts, the application does not start and the log says why.
 * Bean-managed: Flyway commits each script itself, outside any JTA transaction.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
@DependsOn("ProductionGuard")
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Resource(lookup = "jdbc/hutong")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        try {
            List<String> applied = new SchemaMigration(dataSource, SchemaMigrator.class.getClassLoader()).migrate();
            LOG.log(Level.INFO, "Database schema is current ({0} migration(s) applied now: {1})",
                    new Object[] {applied.size(), applied});
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Cannot bring the database schema up to date: {0}", e.getMessage());
            throw e;
        }
    }
}
