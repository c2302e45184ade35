package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Someone who can write the database — a DBA, a stolen backup restored elsewhere, an SQL injection —
 * edits an audit record and recomputes every hash after it and the head, as the published source
 * says they are computed. The chain must still show the rewrite: its links need a key the
 * database does not hold.
 */
@ExtendWith(HubReady.class)
class AuditRewriteIT {

    private static final String GENESIS = "0".repeat(64);

    private record Row(long number, String at, String actor, String action, String target, String outcome,
            String detail, String algorithm, String previousHash, String hash) {
    }

    @Test
    void aChainRewrittenConsistentlyFromTheDatabaseAloneIsDetected() throws Exception {
        String id = "fw-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(Hub.post("/products", "application/json", RegistryIT.firewall(id)).statusCode()).isEqualTo(201);
        assertThat(Hub.json(Hub.get("/audit/verify")).getBoolean("intact")).isTrue();

        AuditIT.awaitSealed("product.register", id);

        // The chain's end must not move while it is rewritten and put back.
        try (AuditSealerPaused paused = AuditSealerPaused.now()) {
            List<Row> original = rows();
            long lastNumber = original.get(original.size() - 1).number();
            try {
                rewrite(original);
                JsonObject verdict = Hub.json(Hub.get("/audit/verify"));
                assertThat(verdict.getBoolean("intact")).as(verdict.toString()).isFalse();
            } finally {
                restore(original, lastNumber);
            }
        }
        assertThat(Hub.json(Hub.get("/audit/verify")).getBoolean("intact")).isTrue();
    }

    /**
     * The same attacker writes an entry in the table of entries not yet sealed, so that the sealer
     * would chain it as genuine: a deregistration nobody made. Verify must name it while it waits,
     * and the sealer must chain a record of the tampering instead of the forged entry.
     */
    @Test
    void anEntryForgedBeforeItIsSealedIsNamedAndNeverSealedAsGenuine() throws Exception {
        String id = "fw-" + UUID.randomUUID().toString().substring(0, 8);
        String forged = UUID.randomUUID().toString();
        try (AuditSealerPaused paused = AuditSealerPaused.now()) {
            try (Connection db = Database.hub().getConnection(); PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO audit_unsealed (entry_id, occurred_at, actor, action, target, outcome, detail, algorithm,"
                            + " entry_hash) VALUES (?, now() AT TIME ZONE 'UTC', 'admin', 'product.deregister', ?, 'success',"
                            + " NULL, 'HMAC-SHA-256', ?)")) {
                insert.setString(1, forged);
                insert.setString(2, id);
                insert.setString(3, sha256(forged + id));
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }

            JsonObject verdict = Hub.json(Hub.get("/audit/verify"));
            assertThat(verdict.getBoolean("intact")).as(verdict.toString()).isFalse();
            assertThat(verdict.getString("brokenEntry")).isEqualTo(forged);
            assertThat(verdict.containsKey("firstBroken")).isFalse();
            assertThat(verdict.getString("reason")).contains("without the key");
            assertThat(Hub.json(Hub.get("/audit?action=product.deregister&limit=1000")).getJsonArray("items")
                    .getValuesAs(JsonObject.class)).anySatisfy(entry -> {
                        assertThat(entry.getString("entry")).isEqualTo(forged);
                        assertThat(entry.getBoolean("sealed")).isFalse();
                        assertThat(entry.containsKey("number")).isFalse();
                    });
        }

        JsonObject tampering = AuditIT.awaitSealed("audit.tampered", "entry " + forged);
        assertThat(tampering.getString("actor")).isEqualTo("hutong");
        assertThat(tampering.getString("detail")).contains("action=product.deregister", "target=" + id);
        assertThat(Hub.json(Hub.get("/audit?action=product.deregister&limit=1000")).getJsonArray("items")
                .getValuesAs(JsonObject.class)).noneSatisfy(record -> assertThat(record.getString("target")).isEqualTo(id));
        JsonObject verdict = Hub.json(Hub.get("/audit/verify"));
        assertThat(verdict.getBoolean("intact")).as(verdict.toString()).isTrue();
    }

    /** The attacker: changes the first record's detail and re-chains everything after it with plain hashes. */
    private static void rewrite(List<Row> rows) throws Exception {
        try (Connection db = Database.hub().getConnection()) {
            db.setAutoCommit(false);
            lockHead(db);
            String previous = GENESIS;
            for (Row row : rows) {
                String detail = row.number() == 1 ? "nothing happened here" : row.detail();
                String hash = sha256(previous + "\n" + canonical(row, detail));
                try (PreparedStatement update = db.prepareStatement(
                        "UPDATE audit_record SET detail = ?, previous_hash = ?, record_hash = ? WHERE audit_no = ?")) {
                    update.setString(1, detail);
                    update.setString(2, previous);
                    update.setString(3, hash);
                    update.setLong(4, row.number());
                    update.executeUpdate();
                }
                previous = hash;
            }
            setHead(db, previous);
            db.commit();
        }
    }

    private static void restore(List<Row> rows, long lastNumber) throws Exception {
        try (Connection db = Database.hub().getConnection()) {
            db.setAutoCommit(false);
            lockHead(db);
            try (Statement query = db.createStatement();
                    ResultSet head = query.executeQuery("SELECT last_no FROM audit_head WHERE head_id = 1")) {
                head.next();
                assertThat(head.getLong(1)).as("nothing was appended while the chain was rewritten").isEqualTo(lastNumber);
            }
            for (Row row : rows) {
                try (PreparedStatement update = db.prepareStatement(
                        "UPDATE audit_record SET detail = ?, previous_hash = ?, record_hash = ? WHERE audit_no = ?")) {
                    update.setString(1, row.detail());
                    update.setString(2, row.previousHash());
                    update.setString(3, row.hash());
                    update.setLong(4, row.number());
                    update.executeUpdate();
                }
            }
            setHead(db, rows.get(rows.size() - 1).hash());
            db.commit();
        }
    }

    private static List<Row> rows() throws Exception {
        List<Row> rows = new ArrayList<>();
        try (Connection db = Database.hub().getConnection(); Statement query = db.createStatement();
                ResultSet result = query.executeQuery("SELECT audit_no, occurred_at, actor, action, target, outcome, detail,"
                        + " algorithm, previous_hash, record_hash FROM audit_record ORDER BY audit_no")) {
            while (result.next()) {
                rows.add(new Row(result.getLong(1),
                        result.getTimestamp(2).toLocalDateTime().toInstant(ZoneOffset.UTC).toString(),
                        result.getString(3), result.getString(4), result.getString(5), result.getString(6),
                        result.getString(7), result.getString(8), result.getString(9), result.getString(10)));
            }
        }
        return rows;
    }

    /** The record's content as the source computes its hash: JSON members in a fixed order. */
    private static String canonical(Row row, String detail) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("no", row.number()).add("at", row.at())
                .add("actor", row.actor()).add("action", row.action()).add("outcome", row.outcome())
                .add("algorithm", row.algorithm());
        if (row.target() != null) {
            json.add("target", row.target());
        }
        if (detail != null) {
            json.add("detail", detail);
        }
        return json.build().toString();
    }

    private static void lockHead(Connection db) throws Exception {
        try (Statement lock = db.createStatement()) {
            lock.execute("SELECT last_no FROM audit_head WHERE head_id = 1 FOR UPDATE");
        }
    }

    private static void setHead(Connection db, String lastHash) throws Exception {
        try (PreparedStatement head = db.prepareStatement("UPDATE audit_head SET last_hash = ? WHERE head_id = 1")) {
            head.setString(1, lastHash);
            head.executeUpdate();
        }
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
