package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The ingress queue is taken in batches, one database transaction each. A message that fails the
 * transaction for reasons no validation sees (here: the database refuses its row) must not hold back
 * the messages that came with it, and ends parked with the reason, not dropped and not retried forever.
 */
class IngressBatchIT {

    private static final int ATTEMPTS = Integer.getInteger("hutong.broker.max.delivery.attempts", 10);

    @Test
    void aMessageTheDatabaseRefusesIsSplitFromItsBatchAndParkedWithTheReason() throws Exception {
        String producer = Hub.uniqueProducer("ids");
        String poisonId = UUID.randomUUID().toString();
        String poison = Hub.alert(producer, poisonId, "refused by the database");
        refuseRowsWithId(poisonId);
        try (JMSContext context = Hub.jmsAs(producer).createContext(JMSContext.SESSION_TRANSACTED)) {
            Queue ingress = context.createQueue("hutong.information.ingress");
            JMSProducer sender = context.createProducer();
            // One commit: the messages arrive together, so they are taken as one batch (or a few).
            for (int i = 0; i < 40; i++) {
                sender.send(ingress, Hub.alert(producer, UUID.randomUUID().toString(), "scan " + i));
                if (i == 20) {
                    sender.send(ingress, poison);
                }
            }
            context.commit();

            Hub.await(Duration.ofSeconds(60), "the 40 good messages to be stored",
                    () -> Hub.json(Hub.get("/information?producer=" + producer + "&limit=100"))
                            .getJsonArray("items").size() == 40);

            Message parked = InformationJmsIT.receiveMatching("hutong.information.dlq", poison, Duration.ofSeconds(120));
            assertThat(parked.getStringProperty("hutong_error"))
                    .startsWith("not stored after " + ATTEMPTS + " deliveries")
                    .contains("poison refused by the test");
        } finally {
            allowAllRows();
        }
        assertThat(Hub.get("/information?producer=" + producer + "&limit=100").body()).doesNotContain(poisonId);
    }

    private static void refuseRowsWithId(String envelopeId) throws SQLException {
        execute("""
                CREATE OR REPLACE FUNCTION hutong_test_refuse_row() RETURNS trigger AS $$
                BEGIN
                  IF NEW.envelope_id = '%s' THEN
                    RAISE EXCEPTION 'poison refused by the test';
                  END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql""".formatted(envelopeId));
        execute("CREATE TRIGGER hutong_test_refuse_row BEFORE INSERT ON information_item"
                + " FOR EACH ROW EXECUTE FUNCTION hutong_test_refuse_row()");
    }

    private static void allowAllRows() throws SQLException {
        execute("DROP TRIGGER IF EXISTS hutong_test_refuse_row ON information_item");
        execute("DROP FUNCTION IF EXISTS hutong_test_refuse_row()");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = Database.hub().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
