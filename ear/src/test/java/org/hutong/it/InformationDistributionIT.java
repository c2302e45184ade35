package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Accepted information is published on hutong.information.<type> for subscribers. */
@ExtendWith(HubReady.class)
class InformationDistributionIT {

    @Test
    void publishesWhatWasPostedToTheTopicOfItsType() throws Exception {
        String producer = Hub.uniqueProducer("ids");
        try (JMSContext context = Hub.jms().createContext()) {
            JMSConsumer subscriber = context.createConsumer(context.createTopic("hutong.information.alert"),
                    "hutong_producer = '" + producer + "'");

            HttpResponse<String> created = Hub.post("/information", "application/json", Hub.alert(producer));
            assertThat(created.statusCode()).isEqualTo(201);

            Message message = subscriber.receive(Duration.ofSeconds(20).toMillis());
            assertThat(message).isInstanceOf(TextMessage.class);
            assertThat(message.getStringProperty("hutong_type")).isEqualTo("alert");
            assertThat(message.getStringProperty("hutong_producer")).isEqualTo(producer);
            assertThat(Hub.json(((TextMessage) message).getText())).isEqualTo(Hub.json(created));
        }
    }

    @Test
    void publishesNothingForRefusedOrDuplicateInformation() throws Exception {
        String producer = Hub.uniqueProducer("ids");
        String envelope = Hub.alert(producer);
        try (JMSContext context = Hub.jms().createContext()) {
            JMSConsumer subscriber = context.createConsumer(context.createTopic("hutong.information.alert"),
                    "hutong_producer = '" + producer + "'");

            assertThat(Hub.post("/information", "application/json", envelope).statusCode()).isEqualTo(201);
            assertThat(Hub.post("/information", "application/json", envelope).statusCode()).isEqualTo(200);
            assertThat(Hub.post("/information", "application/json", envelope.replace("port scan", "other"))
                    .statusCode()).isEqualTo(409);

            assertThat(subscriber.receive(Duration.ofSeconds(20).toMillis())).isNotNull();
            assertThat(subscriber.receive(Duration.ofSeconds(3).toMillis())).isNull();
        }
    }
}
