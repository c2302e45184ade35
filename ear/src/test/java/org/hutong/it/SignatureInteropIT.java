package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A vendor signs envelopes with its own tools — here the OpenSSL command line and an RFC 8785
 * canonical form Hutong did not write — and the hub accepts exactly what the documented contract
 * says: the registered algorithm, and a time within the replay window, over HTTP and JMS alike.
 */
@ExtendWith(HubReady.class)
class SignatureInteropIT {

    @TempDir
    static Path keys;

    @ParameterizedTest
    @ValueSource(strings = {"ES256", "RS256", "SM2"})
    void envelopesSignedByOpenSslOverTheRfc8785FormAreAccepted(String algorithm) {
        OpenSslSigner signer = OpenSslSigner.generate(algorithm, keys);
        String id = register(algorithm.toLowerCase(), algorithm, signer);

        HttpResponse<String> accepted = TestIdentities.product(id).post("/information", "application/json",
                signer.sign(alertWithNumbers(id, Instant.now())));

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
    }

    @Test
    void aSignatureClaimingAnotherAlgorithmThanTheRegisteredOneIsRefused() {
        OpenSslSigner signer = OpenSslSigner.generate("ES256", keys);
        String id = register("es256", "ES256", signer);

        HttpResponse<String> refused = TestIdentities.product(id).post("/information", "application/json",
                signer.signClaiming("RS256", alertWithNumbers(id, Instant.now())));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Hub.json(refused).getString("detail"))
                .contains("the JWS alg 'RS256' is not the algorithm product '" + id + "' registered (ES256)");
    }

    @Test
    void aSignedEnvelopeOlderThanTheReplayWindowIsRefusedOverHttpAndJms() throws Exception {
        OpenSslSigner signer = OpenSslSigner.generate("ES256", keys);
        JsonObject registration = registration("stale", "ES256", signer);
        String id = registration.getString("id");
        String stale = signer.sign(alertWithNumbers(id, Instant.now().minus(Duration.ofMinutes(10))));

        HttpResponse<String> refused = TestIdentities.product(id).post("/information", "application/json", stale);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Hub.json(refused).getString("detail")).contains("outside the accepted window");

        String staleOverJms = signer.sign(alertWithNumbers(id, Instant.now().minus(Duration.ofMinutes(10))));
        try (JMSContext context = new ActiveMQConnectionFactory(Hub.BROKER_URL, id,
                registration.getJsonObject("broker").getString("password")).createContext()) {
            context.createProducer().send(context.createQueue("hutong.information.ingress"), staleOverJms);
        }
        Message parked = InformationJmsIT.receiveMatching("hutong.information.dlq", staleOverJms, Duration.ofSeconds(30));
        assertThat(parked.getStringProperty("hutong_error")).contains("outside the accepted window");
        assertThat(Hub.json(Hub.get("/information?producer=" + id)).getJsonArray("items")).isEmpty();
    }

    /**
     * An alert whose extension holds numbers that RFC 8785 writes in ECMAScript form ({@code 1e+30},
     * {@code 4.5}): a canonical form of Hutong's own making would disagree with the vendor's.
     */
    private static String alertWithNumbers(String producer, Instant time) {
        return """
                {"id":"%s","type":"alert","specVersion":"1.0","producer":"%s","time":"%s",
                 "body":{"name":"port scan","category":"network-attack/scan","severity":3,
                         "source":{"ip":"203.0.113.7"},
                         "extension":{"packets":1e30,"ratio":4.50,"share":2e-3,"note":"€ 端口扫描"}}}"""
                .formatted(UUID.randomUUID(), producer, time);
    }

    private static String register(String prefix, String algorithm, OpenSslSigner signer) {
        return registration(prefix, algorithm, signer).getString("id");
    }

    private static JsonObject registration(String prefix, String algorithm, OpenSslSigner signer) {
        String id = Hub.uniqueProducer(prefix);
        HttpResponse<String> registered = TestIdentities.ADMIN.post("/products", "application/json", """
                {"id":"%s","vendor":"Hutong tests","name":"%s","version":"1","category":"security-management",
                 "functions":[],"publishes":["alert"],"subscribes":[],"commands":{"channel":"jms"},
                 "signing":{"algorithm":"%s","publicKey":%s,"required":true}}"""
                .formatted(id, id, algorithm, Json.createValue(signer.publicKeyPem())));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return Hub.json(registered);
    }
}
