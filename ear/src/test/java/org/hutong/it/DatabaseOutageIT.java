package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The database goes away while information arrives over JMS: the message is not acknowledged but
 * redelivered, lands in {@code DLQ} once the broker's attempts are spent, and is stored as soon as
 * the database is back if it returns in time. Needs a database the test can stop, so it runs
 * where {@code hutong.db.outage.command} names a script taking {@code pause} and {@code resume}
 * (.ci/run passes .ci/postgresql for its PostgreSQL); embedded Derby lives inside the server and
 * cannot fail on its own.
 */
@ExtendWith(HubReady.class)
class DatabaseOutageIT {

    private static final String OUTAGE_COMMAND = System.getProperty("hutong.db.outage.command", "");
    private static final String INGRESS = "hutong.information.ingress";

    @Test
    void informationArrivingWhileTheDatabaseIsDownIsRedeliveredAndNeverDropped() throws Exception {
        assumeTrue(!OUTAGE_COMMAND.isBlank(), "no hutong.db.outage.command: the database cannot be stopped here");
        String producer = Hub.uniqueProducer("outage");
        String exhausted = Hub.alert(producer, UUID.randomUUID().toString(), "sent during a long outage");
        String recovered = Hub.alert(producer, UUID.randomUUID().toString(), "sent during a short outage");

        Hub.run(OUTAGE_COMMAND, "pause");
        try {
            send(exhausted);
            // Ten attempts with back-off (broker.xml), each waiting for the database, take minutes; then DLQ.
            Message dead = InformationJmsIT.receiveMatching("DLQ", exhausted, Duration.ofSeconds(300));
            assertThat(dead.getStringProperty("_AMQ_ORIG_ADDRESS")).isEqualTo(INGRESS);
            assertThat(Hub.get(Hub.HTTP + "/health/ready").statusCode()).isEqualTo(503);

            send(recovered);
            Hub.sleep(Duration.ofSeconds(3));
        } finally {
            Hub.run(OUTAGE_COMMAND, "resume");
        }

        Hub.await(Duration.ofSeconds(60), "the message sent during the outage to be stored once the database is back",
                () -> Hub.json(Hub.get("/information?producer=" + producer)).getJsonArray("items").size() == 1);
        assertThat(Hub.json(Hub.get("/information?producer=" + producer)).getJsonArray("items").getJsonObject(0)
                .getJsonObject("body").getString("name")).isEqualTo("sent during a short outage");
    }

    private static void send(String envelope) {
        try (JMSContext context = Hub.jms().createContext()) {
            context.createProducer().send(context.createQueue(INGRESS), envelope);
        }
    }
}
