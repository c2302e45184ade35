package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Subscribers filter with selectors on the hub's message properties; AMQP 1.0 clients receive too. */
@ExtendWith(HubReady.class)
class SubscriptionIT {

    private static String alert(String producer, int severity) {
        return Hub.alert(producer).replace("\"severity\":3", "\"severity\":" + severity);
    }

    @Test
    void aSelectorOnSeverityReceivesExactlyTheMatchingAlerts() throws Exception {
        String producer = Hub.uniqueProducer("sev");
        try (JMSContext context = Hub.jms().createContext()) {
            JMSConsumer severe = context.createConsumer(context.createTopic("hutong.information.alert"),
                    "hutong_producer = '" + producer + "' AND hutong_severity >= 3");

            for (int severity = 1; severity <= 4; severity++) {
                assertThat(Hub.post("/information", "application/json", alert(producer, severity)).statusCode()).isEqualTo(201);
            }

            List<Integer> received = new ArrayList<>();
            Message message;
            while ((message = severe.receive(received.size() < 2 ? 20_000 : 2_000)) != null) {
                received.add(message.getIntProperty("hutong_severity"));
                assertThat(message.getStringProperty("hutong_category")).isEqualTo("network-attack/scan");
            }
            assertThat(received).containsExactlyInAnyOrder(3, 4);
        }
    }

    @Test
    void anAmqpSubscriberReceivesTheSameInformation() throws Exception {
        String producer = Hub.uniqueProducer("amqp");
        JmsConnectionFactory amqp = new JmsConnectionFactory(Hub.BROKER_USER, Hub.BROKER_PASSWORD,
                Hub.BROKER_URL.replace("tcp://", "amqp://"));
        try (Connection connection = amqp.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createTopic("hutong.information.alert"),
                    "hutong_producer = '" + producer + "'");

            var created = Hub.post("/information", "application/json", alert(producer, 4));
            assertThat(created.statusCode()).isEqualTo(201);

            Message message = consumer.receive(Duration.ofSeconds(20).toMillis());
            assertThat(message).isInstanceOf(TextMessage.class);
            assertThat(Hub.json(((TextMessage) message).getText())).isEqualTo(Hub.json(created));
            assertThat(message.getIntProperty("hutong_severity")).isEqualTo(4);
        }
    }
}
