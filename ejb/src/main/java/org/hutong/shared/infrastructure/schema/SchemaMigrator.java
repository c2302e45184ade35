package org.hutong.shared.infrastructure.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
        checkTransactionCounter();
    }

    /**
     * Paging follows the transaction ids items were written by (V14). A database restored from a dump (or
     * moved by logical replication) counts transactions from lower than those stored: every new item would
     * sort before every cursor and be skipped. Refuse to start instead, and say how to mend it.
     */
    private void checkTransactionCounter() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT COALESCE(MAX(write_txid), 0),"
                        + " pg_snapshot_xmax(pg_current_snapshot())::text::bigint FROM information_item")) {
            row.next();
            long stored = row.getLong(1);
            long next = row.getLong(2);
            if (stored >= next) {
                String problem = "information_item.write_txid goes up to " + stored + " but this database's next"
                        + " transaction id is " + next + " (restored from a dump?): new information would sort before"
                        + " every cursor. Mend it before starting the hub: UPDATE information_item SET write_txid = 0;"
                        + " UPDATE linkage_position SET after_txid = 0; (consumers then page again from their"
                        + " last sequence; README \"Restoring the database\")";
                LOG.log(Level.SEVERE, problem);
                throw new IllegalStateException(problem);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot compare stored transaction ids with the database's: " + e.getMessage(), e);
        }
    }
}
