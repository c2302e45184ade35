package org.hutong.shared.infrastructure.schema;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a PostgreSQL database to the schema of this release with Flyway: the reviewed scripts
 * {@code db/migration/V<n>__<what>.sql}, each applied once and recorded with its checksum in
 * {@code flyway_schema_history}. The empty {@code db/migration/flyway.location} lets Flyway find the
 * folder inside an application on Liberty, whose class loaders list no directories.
 *
 * <p>Flyway validates before it migrates: a script that was edited after it was applied, or an
 * applied version this release does not have, stops the migration with {@link SchemaMismatch}.
 * Two servers starting at once migrate once: Flyway holds a PostgreSQL advisory lock while it
 * works, so the second waits and then finds nothing left to do.
 */
public final class SchemaMigration {

    static final String LOCATION = "classpath:db/migration";
    static final String HISTORY_TABLE = "flyway_schema_history";

    private final Flyway flyway;

    public SchemaMigration(DataSource dataSource, ClassLoader scripts) {
        this.flyway = Flyway.configure(scripts)
                .dataSource(dataSource)
                .locations(LOCATION)
                .callbackLocations(LOCATION)
                // No scripts found must stop the start, not pass as "nothing to do".
                .failOnMissingLocations(true)
                .table(HISTORY_TABLE)
                .validateMigrationNaming(true)
                .cleanDisabled(true)
                .load();
    }

    /**
     * @return the versions applied by this call, in order (empty when the schema was current)
     * @throws SchemaMismatch when the database's history does not match this release's scripts
     */
    public List<String> migrate() {
        MigrateResult result;
        try {
            result = flyway.migrate();
        } catch (FlywayException e) {
            throw SchemaMismatch.when(e);
        }
        return result.migrations.stream().map(migration -> migration.version).toList();
    }

    /** The database's schema history does not match the scripts this release ships. */
    public static final class SchemaMismatch extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private SchemaMismatch(String message, Throwable cause) {
            super(message, cause);
        }

        static RuntimeException when(FlywayException failure) {
            String message = String.valueOf(failure.getMessage());
            if (!message.contains("Validate failed")) {
                return failure;
            }
            return new SchemaMismatch("The database schema history does not match the migration scripts of this"
                    + " Hutong release, so Hutong does not start. A script applied earlier was edited, removed or"
                    + " renamed: restore it, or restore the database from a backup. Flyway says: " + message, failure);
        }
    }
}
