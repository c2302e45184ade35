package org.hutong.shared.infrastructure.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.flywaydb.core.api.FlywayException;
import org.hutong.shared.infrastructure.schema.SchemaMigration.SchemaMismatch;
import org.junit.jupiter.api.Test;

/** What needs no database; SchemaMigrationIT runs the migration against PostgreSQL. */
class SchemaMigrationTest {

    @Test
    void aFailedValidationBecomesAMismatchThatSaysTheHubDoesNotStart() {
        FlywayException validation = new FlywayException("Validate failed: Migrations have failed validation\n"
                + "Migration checksum mismatch for migration version 1");

        RuntimeException failure = SchemaMismatch.when(validation);

        assertThat(failure).isInstanceOf(SchemaMismatch.class).hasCause(validation)
                .hasMessageContaining("Hutong does not start")
                .hasMessageContaining("Migration checksum mismatch for migration version 1");
    }

    @Test
    void otherFlywayFailuresPassThroughUnchanged() {
        FlywayException unreachable = new FlywayException("Unable to obtain connection from database");

        assertThat(SchemaMismatch.when(unreachable)).isSameAs(unreachable);
    }

    @Test
    void flywayCanFindTheScriptsInsideAnApplicationOnLiberty() throws IOException {
        ClassLoader loader = getClass().getClassLoader();
        // Liberty's class loaders list no directories: Flyway looks for this marker instead.
        assertThat(loader.getResource("db/migration/flyway.location")).isNotNull();
        try (InputStream baseline = loader.getResourceAsStream("db/migration/V1__baseline.sql")) {
            assertThat(baseline).isNotNull();
            assertThat(new String(baseline.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("CREATE TABLE information_item", "CREATE TABLE audit_head");
        }
    }
}
