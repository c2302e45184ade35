package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Products may speak AMQP 1.0, MQTT or STOMP to the broker instead of JMS. Whatever the protocol,
 * the hub acts on the broker account the product logged in with: not on a producer it names, not on
 * a sender property it sets itself, and never as the hub because a property is missing.
 */
@ExtendWith(HubReady.class)
class BrokerProtocolsIT {

    private static final String INGRESS = "hutong.information.ingress";
    private static final int TLS_PORT = Integer.getInteger("hutong.broker.tls.port", 61617);
    private static final Path BROKER_CA = Path.of(System.getProperty("hutong.broker.tls.ca",
            "target/artemis-instance/etc/broker-tls.pem"));
    /** The property Artemis stamps with the authenticated user: a client must not be able to write it. */
    private static final String SENDER_STAMP = "_AMQ_VALIDATED_USER";

    /** A registered product's broker account, as its registration answered (the password is shown once). */
    private record Account(String id, String password) {

        static Account register(String prefix) {
            JsonObject registration = BrokerSecurityIT.register(prefix);
            return new Account(registration.getString("id"), registration.getJsonObject("broker").getString("password"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"amqp", "mqtt", "stomp"})
    void aProductPublishesOnlyAsItselfWhateverItWritesInTheMessage(String protocol) throws Exception {
        Account alpha = Account.register("alpha");
        String id = alpha.id();
        String password = alpha.password();
        String beta = Account.register("beta").id();
        String own = Hub.alert(id);
        String naming = Hub.alert(beta);
        String forgingTheHub = Hub.alert(beta);
        String forgingBeta = Hub.alert(beta);

        ForeignClient.send(protocol, id, password, INGRESS, own, Map.of());
        ForeignClient.send(protocol, id, password, INGRESS, naming, Map.of());
        ForeignClient.send(protocol, id, password, INGRESS, forgingTheHub, Map.of(SENDER_STAMP, Hub.BROKER_USER));
        ForeignClient.send(protocol, id, password, INGRESS, forgingBeta, Map.of(SENDER_STAMP, beta));

        for (String spoofed : new String[] {naming, forgingTheHub, forgingBeta}) {
            Message parked = InformationJmsIT.receiveMatching("hutong.information.dlq", spoofed, Duration.ofSeconds(30));
            assertThat(parked.getStringProperty("hutong_error"))
                    .contains("is not the authenticated product '" + id + "'");
        }
        Hub.await(Duration.ofSeconds(30), "the product's own alert to be stored", () -> Hub.json(
                Hub.get("/information?producer=" + id)).getJsonArray("items").size() == 1);
        assertThat(Hub.json(Hub.get("/information?producer=" + beta)).getJsonArray("items")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"amqp", "mqtt", "stomp"})
    void aProductReportsResultsOnlyAsItself(String protocol) throws Exception {
        Account alpha = Account.register("alpha");
        String id = alpha.id();
        String beta = Account.register("beta").id();
        String payload = """
                {"request_id":"%s","product":"%s","status":"succeeded"}""".formatted(UUID.randomUUID(), beta);

        ForeignClient.send(protocol, id, alpha.password(),
                "hutong.function.results", payload, Map.of(SENDER_STAMP, Hub.BROKER_USER));

        Message parked = InformationJmsIT.receiveMatching("hutong.function.results.dlq", payload, Duration.ofSeconds(30));
        assertThat(parked.getStringProperty("hutong_error")).contains("was sent by '" + id + "'");
    }

    @Test
    void theBrokerRefusesMessagesOverItsLimitOnEveryProtocol() throws Exception {
        Account alpha = Account.register("alpha");
        String id = alpha.id();
        String password = alpha.password();
        String oversized = "\"" + "x".repeat(34 * 1024 * 1024) + "\"";

        assertThat(ForeignClient.sendRefused("amqp", id, password, INGRESS, oversized)).contains("REJECTED");
        ForeignClient.sendRefused("mqtt", id, password, INGRESS, oversized);
        ForeignClient.sendRefused("stomp", id, password, INGRESS, oversized);
        try (JMSContext context = new ActiveMQConnectionFactory(Hub.BROKER_URL, id, password).createContext()) {
            assertThatThrownBy(() -> context.createProducer().send(context.createQueue(INGRESS), oversized))
                    .hasStackTraceContaining("the broker accepts at most 34603008");
        }
    }

    /** The broker's TLS acceptor: AMQP over TLS from Qpid Proton, and the handshake as OpenSSL sees it. */
    @Test
    void productsReachTheBrokerOverTlsWithAVerifiableCertificate() {
        Account alpha = Account.register("alpha");
        String id = alpha.id();
        String own = Hub.alert(id);

        ForeignClient.sendAmqpOverTls(TLS_PORT, id, alpha.password(), INGRESS, own,
                BROKER_CA);

        Hub.await(Duration.ofSeconds(30), "the alert sent over TLS to be stored", () -> Hub.json(
                Hub.get("/information?producer=" + id)).getJsonArray("items").size() == 1);
        ForeignClient.Outcome handshake = ForeignClient.run(List.of("openssl", "s_client", "-connect",
                "127.0.0.1:" + TLS_PORT, "-servername", "localhost", "-verify_hostname", "localhost",
                "-CAfile", BROKER_CA.toString(), "-verify_return_error", "-tls1_3"), "");
        assertThat(handshake.exitCode()).as(handshake.output()).isZero();
        assertThat(handshake.output()).contains("Verify return code: 0 (ok)").contains("TLSv1.3");
    }
}
