import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Creates a database on a running PostgreSQL server unless it exists, with the JDBC driver the build
 * puts into Liberty (no psql needed). Run by cluster.sh as a single-file program:
 * java -cp postgresql.jar EnsureDatabase.java HOST PORT USER PASSWORD_FILE DATABASE
 */
public class EnsureDatabase {
    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: EnsureDatabase HOST PORT USER PASSWORD_FILE DATABASE");
            System.exit(2);
        }
        String password = Files.readString(Path.of(args[3])).strip();
        String database = args[4];
        if (!database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        String url = "jdbc:postgresql://" + args[0] + ":" + args[1] + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, args[2], password)) {
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                query.setString(1, database);
                try (ResultSet found = query.executeQuery()) {
                    if (found.next()) {
                        System.out.println("cluster.sh: database " + database + " exists");
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + database + "\" OWNER \"" + args[2] + "\"");
            }
            System.out.println("cluster.sh: created database " + database);
        }
    }
}
