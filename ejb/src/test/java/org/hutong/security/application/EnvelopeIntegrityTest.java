package org.hutong.security.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hutong.information.application.Parsers;
import org.hutong.information.domain.InformationEnvelope;
import org.hutong.security.domain.DirectoryEntry;
import org.hutong.security.domain.SigningPolicy;
import org.hutong.shared.domain.AccessRefusedException;
import org.hutong.security.domain.DetachedJws;
import org.hutong.security.domain.PublicKeys;
import org.hutong.security.domain.TestKeys;
import org.junit.jupiter.api.Test;

class EnvelopeIntegrityTest {

    private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");
    private static final KeyPair SM2 = TestKeys.sm2();

    private final Map<String, DirectoryEntry> products = new HashMap<>();
    private final EnvelopeIntegrity integrity = new EnvelopeIntegrity(repository(), Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofMinutes(5));

    @Test
    void acceptsAnSm2SignatureOverTheCanonicalEnvelopeAndProtectsItAgainstReplay() throws Exception {
        register("ids-01", true);
        String unsigned = envelope("2026-11-29T08:01:00Z");
        // Member order and whitespace do not matter: the signature covers the canonical form.
        String signed = sign(unsigned).replace("\"type\":\"alert\",", "\"type\" : \"alert\" ,");

        assertThat(check(signed)).isTrue();
    }

    @Test
    void refusesUnsignedEnvelopesWhereSignaturesAreMandatoryAndAcceptsThemElsewhere() {
        register("ids-01", true);
        String unsigned = envelope("2026-11-29T08:00:00Z");
        assertThatThrownBy(() -> check(unsigned)).isInstanceOf(AccessRefusedException.class)
                .hasMessage("the envelope is not signed, and product 'ids-01' must sign what it sends");

        register("ids-01", false);
        assertThat(check(unsigned)).isFalse();
    }

    @Test
    void refusesTamperedContentAndTimesOutsideTheWindow() throws Exception {
        register("ids-01", false);
        String tampered = sign(envelope("2026-11-29T08:00:00Z")).replace("port scan", "nothing to see");
        assertThatThrownBy(() -> check(tampered))
                .hasMessageContaining("does not match the content");

        String stale = sign(envelope("2026-11-29T07:54:00Z"));
        assertThatThrownBy(() -> check(stale))
                .hasMessageContaining("outside the accepted window of PT5M");
    }

    @Test
    void refusesASignatureWhoseHeaderNamesAnotherAlgorithmThanTheRegisteredOne() throws Exception {
        register("ids-01", true);
        String unsigned = envelope("2026-11-29T08:01:00Z");
        String es256Header = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"ES256\"}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String sm2Signature = sign(unsigned).replaceAll("(?s).*\"signature\":\"[^.]*\\.\\.([^\"]*)\".*", "$1");
        String relabelled = unsigned.substring(0, unsigned.lastIndexOf('}')) + ",\"signature\":\"" + es256Header + ".."
                + sm2Signature + "\"}";

        assertThatThrownBy(() -> check(relabelled))
                .hasMessage("the JWS alg 'ES256' is not the algorithm product 'ids-01' registered (SM2)");
    }

    @Test
    void refusesSignaturesOfProductsWithoutAKey() throws Exception {
        String signed = sign(envelope("2026-11-29T08:00:00Z"));
        assertThatThrownBy(() -> check(signed))
                .hasMessage("the envelope is signed, but product 'ids-01' registered no signing key");
    }

    @Test
    void checksResultsAgainstTheSamePolicy() throws Exception {
        register("fw-01", true);
        String input = "{\"request_id\":\"r-1\",\"status\":\"succeeded\"}";
        assertThatThrownBy(() -> integrity.checkResult("fw-01", null, input)).hasMessageContaining("is not signed");

        String signature = DetachedJws.sign(input, DetachedJws.Algorithm.SM2, "fw-01", SM2.getPrivate());
        integrity.checkResult("fw-01", signature, input);
        assertThatThrownBy(() -> integrity.checkResult("fw-01", signature, input.replace("succeeded", "failed")))
                .hasMessageContaining("does not match");
    }

    private static String envelope(String time) {
        return """
                {"id":"0b6a1f8e-5f0e-4b8e-8f43-6c1b8f0d2a77","type":"alert","specVersion":"1.0","producer":"ids-01",
                 "time":"%s","body":{"name":"port scan","category":"network-attack/scan","severity":3}}""".formatted(time);
    }

    private static String sign(String envelope) throws Exception {
        String signature = DetachedJws.sign(EnvelopeIntegrity.signingInput(envelope), DetachedJws.Algorithm.SM2, "ids-01",
                SM2.getPrivate());
        return envelope.substring(0, envelope.lastIndexOf('}')) + ",\"signature\":\"" + signature + "\"}";
    }

    private boolean check(String json) {
        return integrity.check(parse(json), json, integrity.policyOf("ids-01"));
    }

    private static InformationEnvelope parse(String json) {
        return Parsers.PARSER.parse(json);
    }

    private void register(String id, boolean required) {
        products.put(id, new DirectoryEntry(id, DirectoryEntry.ACTIVE, List.of("alert"), List.of(),
                Optional.of(new SigningPolicy("SM2", PublicKeys.pem(SM2.getPublic()), required))));
    }

    private ProductDirectory repository() {
        return id -> Optional.ofNullable(products.get(id));
    }

}
