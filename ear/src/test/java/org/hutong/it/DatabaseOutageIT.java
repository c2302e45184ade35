package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The database goes away while information arrives. Over HTTP the caller gets a {@code 500} and
 * nothing is stored. Over JMS the message is not acknowledged: the broker redelivers it with
 * back-off and, once its attempts are spent, moves it to {@code DLQ}; a message whose outage ends
 * in time is stored once the database is back. Nothing is dropped.
 */
@ExtendWith(HubReady.class)
class DatabaseOutageIT {

    private static final String INGRESS = "hutong.information.ingress";
    // The ingress queue's address settings (jms/src/main/artemis/etc/broker.xml): attempts as the
    // test build configures them, then 500 ms between the first two, doubling up to 10 s.
    private static final int ATTEMPTS = Integer.getInteger("hutong.broker.max.delivery.attempts", 10);
    private static final Duration FIRST_DELAY = Duration.ofMillis(500);
    private static final Duration MAX_DELAY = Duration.ofSeconds(10);

    @Test
    void whileTheDatabaseIsDownNothingIsStoredAndNothingIsDropped() throws Exception {
        String producer = Hub.uniqueProducer("outage");
        Hub.registeredProduct(producer);
        String exhausted = Hub.alert(producer, UUID.randomUUID().toString(), "sent during a long outage");
        String recovered = Hub.alert(producer, UUID.randomUUID().toString(), "sent during a short outage");
        String overHttp = Hub.alert(producer, UUID.randomUUID().toString(), "sent over HTTP during the outage");

        Database.pause();
        try {
            Instant sent = Instant.now();
            send(exhausted);

            HttpResponse<String> refused = Hub.post("/information", "application/json", overHttp);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(500);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            HttpResponse<String> health = Hub.get(Hub.HTTP + "/health/ready");
            assertThat(health.statusCode()).isEqualTo(503);
            // Public: states only, never why (no exception text, no address of the database).
            assertThat(health.body()).contains("\"database\"").doesNotContain("Connection", "refused", "55432");

            Message dead = InformationJmsIT.receiveMatching("DLQ", exhausted, Duration.ofSeconds(300));
            Duration inFlight = Duration.between(sent, Instant.now());
            assertThat(dead.getStringProperty("_AMQ_ORIG_ADDRESS")).isEqualTo(INGRESS);
            // Dead-lettered only after every attempt and every back-off delay between them.
            assertThat(inFlight).as("time from send to DLQ with %d attempts", ATTEMPTS)
                    .isGreaterThanOrEqualTo(backOff(ATTEMPTS));

            send(recovered);
            Hub.sleep(Duration.ofSeconds(1));
        } finally {
            Database.resume();
        }

        Hub.await(Duration.ofSeconds(60), "the message sent during the outage to be stored once the database is back",
                () -> Hub.json(Hub.get("/information?producer=" + producer)).getJsonArray("items").size() == 1);
        Hub.sleep(Duration.ofSeconds(2));
        var items = Hub.json(Hub.get("/information?producer=" + producer)).getJsonArray("items");
        assertThat(items).hasSize(1);
        assertThat(items.getJsonObject(0).getJsonObject("body").getString("name")).isEqualTo("sent during a short outage");
    }

    /** The sum of the redelivery delays before attempts 2..n. */
    private static Duration backOff(int attempts) {
        Duration total = Duration.ZERO;
        Duration delay = FIRST_DELAY;
        for (int attempt = 2; attempt <= attempts; attempt++) {
            total = total.plus(delay);
            delay = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
        }
        return total;
    }

    private static void send(String envelope) {
        try (JMSContext context = Hub.jms().createContext()) {
            context.createProducer().send(context.createQueue(INGRESS), envelope);
        }
    }
}
