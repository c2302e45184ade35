package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.hutong.shared.infrastructure.schema.SchemaMigration;
import org.hutong.shared.infrastructure.schema.SchemaMigration.SchemaMismatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The migration the server runs at start-up ({@link SchemaMigration}, Flyway), against the test
 * build's PostgreSQL server: the hub's database was migrated by it, servers starting together
 * migrate once, and an edited script stops the start with a message that says what happened.
 */
@ExtendWith(HubReady.class)
class SchemaMigrationIT {

    private static final ClassLoader SCRIPTS = SchemaMigration.class.getClassLoader();
    /** Every script in ejb/src/main/resources/db/migration, in order. */
    private static final List<String> VERSIONS = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16");
    private static final List<String> HISTORY = List.of("1 baseline SQL checksum=yes success=true",
            "2 publication outbox SQL checksum=yes success=true", "3 audit unsealed SQL checksum=yes success=true",
            "4 information sequence blocks SQL checksum=yes success=true",
            "5 invocation sequence blocks SQL checksum=yes success=true",
            "6 syslog SQL checksum=yes success=true",
            "7 consumed offsets SQL checksum=yes success=true",
            "8 kafka outbox SQL checksum=yes success=true",
            "9 syslog dead letter kafka SQL checksum=yes success=true",
            "10 linkage rules SQL checksum=yes success=true",
            "11 incident correlation SQL checksum=yes success=true",
            "12 playbooks SQL checksum=yes success=true",
            "13 invocation target index SQL checksum=yes success=true",
            "14 information commit order SQL checksum=yes success=true",
            "15 linkage position commit order SQL checksum=yes success=true",
            "16 login failures SQL checksum=yes success=true");

    @Test
    void theHubsSchemaIsFlywaysBaselineWithItsChecksum() throws SQLException {
        List<String> history = history(Database.hub());

        assertThat(history).containsExactlyElementsOf(HISTORY);
    }

    @Test
    void twoServersStartingAtOnceMigrateOnce() throws Exception {
        DataSource database = Database.scratch("migration_race");
        CountDownLatch start = new CountDownLatch(1);
        Callable<List<String>> server = () -> {
            SchemaMigration migration = new SchemaMigration(database, SCRIPTS);
            start.await();
            return migration.migrate();
        };
        ExecutorService servers = Executors.newFixedThreadPool(2);
        try {
            Future<List<String>> first = servers.submit(server);
            Future<List<String>> second = servers.submit(server);
            start.countDown();
            List<List<String>> applied = new ArrayList<>(List.of(first.get(), second.get()));

            // One applied every script, the other waited for Flyway's lock and found nothing to do.
            assertThat(applied).containsExactlyInAnyOrder(VERSIONS, List.of());
        } finally {
            servers.shutdownNow();
        }
        assertThat(history(database)).containsExactlyElementsOf(HISTORY);
        assertThat(count(database, "SELECT count(*) FROM information_item")).isZero();
    }

    @Test
    void aScriptEditedAfterItWasAppliedStopsTheMigrationWithAClearMessage() throws SQLException {
        DataSource database = Database.scratch("migration_edited");
        assertThat(new SchemaMigration(database, SCRIPTS).migrate()).containsExactlyElementsOf(VERSIONS);
        // The checksum Flyway recorded no longer matches the script: as if V1 had been edited since.
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate(
                    "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'")).isEqualTo(1);
        }

        assertThatThrownBy(() -> new SchemaMigration(database, SCRIPTS).migrate())
                .isInstanceOf(SchemaMismatch.class)
                .hasMessageContaining("Hutong does not start")
                .hasMessageContaining("checksum mismatch for migration version 1");
    }

    @Test
    void aSecondStartOnACurrentSchemaAppliesNothing() {
        DataSource database = Database.scratch("migration_again");
        assertThat(new SchemaMigration(database, SCRIPTS).migrate()).containsExactlyElementsOf(VERSIONS);

        assertThat(new SchemaMigration(database, SCRIPTS).migrate()).isEmpty();
    }

    private static List<String> history(DataSource database) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT version, description, type, checksum, success"
                        + " FROM flyway_schema_history ORDER BY installed_rank")) {
            while (row.next()) {
                rows.add(row.getString(1) + " " + row.getString(2) + " " + row.getString(3)
                        + " checksum=" + (row.getObject(4) == null ? "no" : "yes") + " success=" + row.getBoolean(5));
            }
        }
        return rows;
    }

    private static long count(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
