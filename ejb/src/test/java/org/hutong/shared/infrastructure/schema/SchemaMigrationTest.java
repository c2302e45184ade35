package org.hutong.shared.infrastructure.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the checked-in Derby scripts against a real (in-memory) Derby database. */
class SchemaMigrationTest {

    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:derby:memory:migration-test;create=true");
    }

    @AfterEach
    void drop() {
        try {
            DriverManager.getConnection("jdbc:derby:memory:migration-test;drop=true");
        } catch (SQLException expected) {
            // Derby reports a successful drop as an exception (SQLState 08006).
        }
    }

    @Test
    void appliesEveryScriptOnceAndRecordsIt() throws SQLException {
        SchemaMigration migration = new SchemaMigration(getClass().getClassLoader());

        assertThat(migration.migrate(connection)).startsWith(1);
        assertThat(migration.migrate(connection)).isEmpty();

        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO information_item (hub_id, producer, envelope_id, info_type,"
                    + " spec_version, produced_at, received_at, content_hash, body_json) VALUES"
                    + " ('h', 'p', 'e', 'alert', '1.0', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'x', '{}')");
            try (ResultSet rows = statement.executeQuery("SELECT sequence_no FROM information_item")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).isEqualTo(1L);
            }
        }
    }

    @Test
    void refusesASecondRecordForTheSameProducerAndId() throws SQLException {
        new SchemaMigration(getClass().getClassLoader()).migrate(connection);
        String insert = "INSERT INTO information_item (hub_id, producer, envelope_id, info_type, spec_version,"
                + " produced_at, received_at, content_hash, body_json) VALUES"
                + " ('%s', 'p', 'same', 'alert', '1.0', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'x', '{}')";
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(insert.formatted("h1"));
            assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(SQLException.class,
                    () -> statement.executeUpdate(insert.formatted("h2"))).getSQLState()).isEqualTo("23505");
        }
    }

    @Test
    void letsAnIdentityKeyBelongToOneRecordOnlyButManyIncidentsHaveNone() throws SQLException {
        new SchemaMigration(getClass().getClassLoader()).migrate(connection);
        String asset = "INSERT INTO asset_record (record_id, kind, state_json, first_seen, last_seen, version)"
                + " VALUES ('%s', 'server', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)";
        String incident = "INSERT INTO incident_record (record_id, identity_key, title, category, grade, status,"
                + " state_json, first_seen, last_seen, version)"
                + " VALUES ('%s', %s, 't', 'malware', 'I', 'new', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)";
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(asset.formatted("a1"));
            statement.executeUpdate(asset.formatted("a2"));
            statement.executeUpdate("INSERT INTO asset_identity (record_no, identity_key) VALUES (1, 'asset-id:A-1')");
            assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(SQLException.class,
                    () -> statement.executeUpdate("INSERT INTO asset_identity (record_no, identity_key)"
                            + " VALUES (2, 'asset-id:A-1')")).getSQLState()).isEqualTo("23505");
            statement.executeUpdate(incident.formatted("i1", "NULL"));
            statement.executeUpdate(incident.formatted("i2", "NULL"));
            statement.executeUpdate(incident.formatted("i3", "'soc\nINC-1'"));
            assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(SQLException.class,
                    () -> statement.executeUpdate(incident.formatted("i4", "'soc\nINC-1'"))).getSQLState())
                    .isEqualTo("23505");
        }
    }

    @Test
    void splitsScriptsIntoStatements() {
        assertThat(SchemaMigration.statements("-- comment\nCREATE TABLE a (x INT);\n\nCREATE INDEX i\n  ON a (x);\n"))
                .containsExactly("CREATE TABLE a (x INT)", "CREATE INDEX i\n  ON a (x)");
    }
}
