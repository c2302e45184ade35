package org.hutong.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL server the test build started (ear/src/main/postgresql/postgresql.sh): plain JDBC
 * to it, scratch databases beside the hub's, and an outage on demand.
 */
public final class Database {

    private static final String URL = System.getProperty("hutong.db.url", "jdbc:postgresql://127.0.0.1:55432/hutong");
    private static final Path PASSWORD = Path.of(System.getProperty("hutong.db.password.file",
            "target/it-data/postgresql/password"));
    private static final String SCRIPT = System.getProperty("hutong.postgresql.script", "src/main/postgresql/postgresql.sh");
    private static final String INSTALL = System.getProperty("hutong.postgresql.install", "target/postgresql");
    private static final String ROOT = System.getProperty("hutong.postgresql.dir", "target/it-data/postgresql");

    private Database() {
    }

    /** The hub's own database, as the server's data source reaches it. */
    public static PGSimpleDataSource hub() {
        return at(URL);
    }

    /** A new, empty database on the same server; its name is unique to this call. */
    static PGSimpleDataSource scratch(String purpose) {
        String name = purpose + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = hub().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return at(URL.substring(0, URL.lastIndexOf('/') + 1) + name);
    }

    /** Stops the server, keeping its data: the hub's connections fail until {@link #resume()}. */
    static void pause() {
        Hub.run(SCRIPT, "pause", INSTALL, ROOT);
    }

    static void resume() {
        Hub.run(SCRIPT, "resume", INSTALL, ROOT);
    }

    private static PGSimpleDataSource at(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser("hutong");
        dataSource.setPassword(password());
        return dataSource;
    }

    /** Where the zero-setup server's password is, for scripts that connect on their own. */
    static String passwordFile() {
        return PASSWORD.toAbsolutePath().toString();
    }

    static String password() {
        try {
            return Files.readString(PASSWORD).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("the test build writes the database password to " + PASSWORD, e);
        }
    }
}
