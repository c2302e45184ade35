package org.hutong.shared.infrastructure.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies the reviewed DDL scripts checked in under {@code db/migration/<dialect>/V<n>.sql}
 * in version order, each once, recording them in {@code schema_version}. The same code runs
 * on Derby and PostgreSQL; only the script folder differs where the SQL types do.
 * Safe when two servers start against one database: the version table is locked while
 * scripts are applied.
 */
public final class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());
    private static final String VERSION_TABLE = "schema_version";

    private final ClassLoader scripts;

    public SchemaMigration(ClassLoader scripts) {
        this.scripts = scripts;
    }

    /** @return the versions applied by this call, in order */
    public List<Integer> migrate(Connection connection) throws SQLException {
        String dialect = dialect(connection.getMetaData());
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            createVersionTableIfMissing(connection);
            List<Integer> applied = applyPending(connection, dialect);
            connection.commit();
            return applied;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    static String dialect(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("derby")) {
            return "derby";
        }
        if (product.contains("postgres")) {
            return "postgresql";
        }
        throw new SQLException("Unsupported database for Hutong: " + metaData.getDatabaseProductName());
    }

    private void createVersionTableIfMissing(Connection connection) throws SQLException {
        if (tableExists(connection)) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + VERSION_TABLE
                    + " (version INTEGER NOT NULL PRIMARY KEY, script VARCHAR(200) NOT NULL,"
                    + " applied_at TIMESTAMP NOT NULL)");
            connection.commit();
        } catch (SQLException e) {
            // Another server may have created it at the same moment.
            connection.rollback();
            if (!tableExists(connection)) {
                throw e;
            }
        }
    }

    private static boolean tableExists(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (String name : List.of(VERSION_TABLE, VERSION_TABLE.toUpperCase(Locale.ROOT))) {
            try (ResultSet tables = metaData.getTables(null, null, name, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<Integer> applyPending(Connection connection, String dialect) throws SQLException {
        try (Statement lock = connection.createStatement()) {
            lock.execute("LOCK TABLE " + VERSION_TABLE + " IN EXCLUSIVE MODE");
        }
        Set<Integer> done = appliedVersions(connection);
        List<Integer> applied = new ArrayList<>();
        for (int version = 1; ; version++) {
            String script = "db/migration/" + dialect + "/V" + version + ".sql";
            String sql = read(script);
            if (sql == null) {
                break;
            }
            if (done.contains(version)) {
                continue;
            }
            LOG.log(Level.INFO, "Applying schema script {0}", script);
            try (Statement statement = connection.createStatement()) {
                for (String ddl : statements(sql)) {
                    statement.execute(ddl);
                }
            }
            try (PreparedStatement record = connection.prepareStatement(
                    "INSERT INTO " + VERSION_TABLE + " (version, script, applied_at) VALUES (?, ?, ?)")) {
                record.setInt(1, version);
                record.setString(2, script);
                record.setTimestamp(3, Timestamp.from(Instant.now()));
                record.executeUpdate();
            }
            applied.add(version);
        }
        return applied;
    }

    private static Set<Integer> appliedVersions(Connection connection) throws SQLException {
        Set<Integer> versions = new HashSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version FROM " + VERSION_TABLE)) {
            while (rows.next()) {
                versions.add(rows.getInt(1));
            }
        }
        return versions;
    }

    private String read(String resource) {
        try (InputStream in = scripts.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Splits a script into statements: they end with ';' at the end of a line; '--' starts a comment line. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1).strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
