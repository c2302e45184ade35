package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.Message;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The broker requires login, and each product's account, issued at registration, lets it send
 * information and results as itself, consume its own commands and what it subscribed to, nothing else.
 */
@ExtendWith(HubReady.class)
class BrokerSecurityIT {

    @Test
    void aProductCannotReadAnotherProductsCommandsNorUnsubscribedInformation() {
        JsonObject alpha = register("alpha");
        String beta = register("beta").getString("id");

        try (JMSContext context = login(alpha).createContext()) {
            context.createConsumer(context.createQueue("hutong.function." + alpha.getString("id"))).receiveNoWait();
            context.createConsumer(context.createQueue("hutong.information.alert::" + alpha.getString("id") + ".alert"))
                    .receiveNoWait();

            assertThatThrownBy(() -> context.createConsumer(context.createQueue("hutong.function." + beta)))
                    .isInstanceOf(JMSSecurityRuntimeException.class);
            assertThatThrownBy(() -> context.createConsumer(context.createQueue("hutong.information.asset::"
                    + alpha.getString("id") + ".asset"))).isInstanceOf(JMSSecurityRuntimeException.class);
            assertThatThrownBy(() -> context.createConsumer(context.createQueue("hutong.information.ingress")))
                    .isInstanceOf(JMSSecurityRuntimeException.class);
        }
    }

    /**
     * Each subscribing product has its own queue on each subscribed type's address, made by the hub:
     * only that product consumes it, nobody else may delete it or make subscriptions of their own.
     */
    @Test
    void aProductsSubscriptionQueueIsItsOwnAndOnlyTheHubMakesOrDeletesThem() throws Exception {
        JsonObject alpha = register("alpha");
        String alphaId = alpha.getString("id");
        JsonObject beta = register("beta");
        String subscription = "hutong.information.alert::" + alphaId + ".alert";
        String producer = Hub.uniqueProducer("ids");
        String alert = Hub.alert(producer);
        assertThat(Hub.registeredProduct(producer).post("/information", "application/json", alert).statusCode())
                .isEqualTo(201);

        try (JMSContext context = login(alpha).createContext()) {
            Message received = context.createConsumer(context.createQueue(subscription)).receive(15_000);
            assertThat(received).as("the alert published before alpha connected waits in alpha's queue").isNotNull();
            assertThat(received.getBody(String.class)).contains(Hub.json(alert).getString("id"));
        }
        try (JMSContext context = login(beta).createContext()) {
            assertThatThrownBy(() -> context.createConsumer(context.createQueue(subscription)))
                    .isInstanceOf(JMSSecurityRuntimeException.class);
            assertThatThrownBy(() -> context.createConsumer(context.createTopic("hutong.information.alert")))
                    .as("a subscription of beta's own making").isInstanceOf(JMSSecurityRuntimeException.class);
            assertThatThrownBy(() -> context.createSharedDurableConsumer(context.createTopic("hutong.information.alert"),
                    alphaId + ".alert")).as("beta taking over alpha's queue by name")
                    .isInstanceOf(JMSSecurityRuntimeException.class);
        }
    }

    @Test
    void aProductPublishesOverJmsOnlyAsItself() throws Exception {
        JsonObject alpha = register("alpha");
        String id = alpha.getString("id");
        String own = Hub.alert(id);
        String spoofed = Hub.alert(Hub.uniqueProducer("someone-else"));

        try (JMSContext context = login(alpha).createContext()) {
            context.createProducer().send(context.createQueue("hutong.information.ingress"), own);
            context.createProducer().send(context.createQueue("hutong.information.ingress"), spoofed);
        }

        Message parked = InformationJmsIT.receiveMatching("hutong.information.dlq", spoofed, Duration.ofSeconds(30));
        assertThat(parked.getStringProperty("hutong_error")).contains("is not the authenticated product '" + id + "'");
        Hub.await(Duration.ofSeconds(30), "the product's own alert to be stored", () -> Hub.json(
                Hub.get("/information?producer=" + id)).getJsonArray("items").size() == 1);
        // Refused over JMS, audited as over HTTP.
        assertThat(Hub.json(TestIdentities.AUDITOR.get("/audit?action=information.publish&actor=" + id))
                .getJsonArray("items").getValuesAs(JsonObject.class)).singleElement().satisfies(record -> {
                    assertThat(record.getString("outcome")).isEqualTo("refused");
                    assertThat(record.getString("detail")).contains("is not the authenticated product");
                });
    }

    @Test
    void wrongPasswordsRenewedPasswordsAndDeregisteredProductsDoNotLogIn() {
        JsonObject alpha = register("alpha");
        String id = alpha.getString("id");
        String oldPassword = alpha.getJsonObject("broker").getString("password");

        assertThatThrownBy(() -> new ActiveMQConnectionFactory(Hub.BROKER_URL, id, "guess").createContext().close())
                .isInstanceOf(JMSSecurityRuntimeException.class);

        HttpResponse<String> renewed = TestIdentities.ADMIN.post("/products/" + id + "/broker-credentials",
                "application/json", "");
        assertThat(renewed.statusCode()).isEqualTo(200);
        String newPassword = Hub.json(renewed).getString("password");
        assertThat(newPassword).isNotEqualTo(oldPassword);
        assertThatThrownBy(() -> new ActiveMQConnectionFactory(Hub.BROKER_URL, id, oldPassword).createContext().close())
                .isInstanceOf(JMSSecurityRuntimeException.class);
        new ActiveMQConnectionFactory(Hub.BROKER_URL, id, newPassword).createContext().close();

        Hub.send(HttpRequest.newBuilder(URI.create(Hub.API + "/products/" + id)).DELETE().build());
        assertThatThrownBy(() -> new ActiveMQConnectionFactory(Hub.BROKER_URL, id, newPassword).createContext().close())
                .isInstanceOf(JMSSecurityRuntimeException.class);
    }

    /** Suspended: its password still logs in, but it may neither consume its commands nor send anything. */
    @Test
    void aSuspendedProductCanNeitherConsumeNorPublishOnTheBroker() {
        JsonObject gamma = register("gamma");
        String id = gamma.getString("id");
        try (JMSContext context = login(gamma).createContext()) {
            context.createConsumer(context.createQueue("hutong.function." + id)).close();
        }

        HttpResponse<String> suspended = TestIdentities.ADMIN.send(HttpRequest.newBuilder(
                URI.create(Hub.API + "/products/" + id)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"id":"%s","vendor":"Hutong tests","name":"%s","version":"1","category":"area-boundary",
                         "status":"suspended","functions":["protect.block-ip"],"publishes":["alert"],"subscribes":["alert"],
                         "commands":{"channel":"jms"}}""".formatted(id, id))).build());
        assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(200);

        try (JMSContext context = login(gamma).createContext()) {
            assertThatThrownBy(() -> context.createConsumer(context.createQueue("hutong.function." + id)))
                    .isInstanceOf(JMSSecurityRuntimeException.class);
            assertThatThrownBy(() -> context.createProducer().send(context.createQueue("hutong.information.ingress"),
                    Hub.alert(id))).isInstanceOf(JMSSecurityRuntimeException.class);
        }
    }

    private static ActiveMQConnectionFactory login(JsonObject registration) {
        JsonObject broker = registration.getJsonObject("broker");
        return new ActiveMQConnectionFactory(Hub.BROKER_URL, broker.getString("user"), broker.getString("password"));
    }

    /** A JMS product that publishes and subscribes to alerts; the answer carries its broker account. */
    static JsonObject register(String prefix) {
        String id = Hub.uniqueProducer(prefix);
        HttpResponse<String> registered = TestIdentities.ADMIN.post("/products", "application/json", """
                {"id":"%s","vendor":"Hutong tests","name":"%s","version":"1","category":"area-boundary",
                 "functions":["protect.block-ip"],"publishes":["alert"],"subscribes":["alert"],
                 "commands":{"channel":"jms"}}""".formatted(id, id));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonObject answer = Hub.json(registered);
        assertThat(answer.getJsonObject("broker").getString("user")).isEqualTo(id);
        return answer;
    }
}
