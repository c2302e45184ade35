package org.hutong.security.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BearerTokenVerifierTest {

    private static final String ISSUER = "http://127.0.0.1:18080/realms/hutong";
    private static final RSAKey KEY = key("k1");
    private static final RSAKey OTHER_KEY = key("k1");

    private final BearerTokenVerifier verifier = new BearerTokenVerifier(ISSUER, "hutong-api",
            new ImmutableJWKSet<>(new JWKSet(KEY.toPublicJWK())),
            new BearerTokenVerifier.Claims("preferred_username", "groups", "client_id"));

    @Test
    void readsAPersonAndTheirGroups() throws Exception {
        TokenCaller caller = verifier.verify(token(KEY, claims().claim("preferred_username", "kim")
                .claim("groups", List.of("hutong-operators", "staff"))));

        assertThat(caller).isEqualTo(new TokenCaller("kim", false, Set.of("hutong-operators", "staff")));
    }

    @Test
    void readsAProductFromAClientCredentialsToken() throws Exception {
        TokenCaller caller = verifier.verify(token(KEY, claims().claim("client_id", "fw-oauth")
                .claim("preferred_username", "service-account-fw-oauth")));

        assertThat(caller).isEqualTo(new TokenCaller("fw-oauth", true, Set.of()));
    }

    @Test
    void readsAProductFromATokenOfAnAllowListedClient() throws Exception {
        BearerTokenVerifier allowing = new BearerTokenVerifier(ISSUER, "hutong-api",
                new ImmutableJWKSet<>(new JWKSet(KEY.toPublicJWK())),
                new BearerTokenVerifier.Claims("preferred_username", "groups", "client_id", Set.of("edr-07"), ""));

        assertThat(allowing.verify(token(KEY, claims().claim("client_id", "edr-07").claim("preferred_username", "x"))))
                .isEqualTo(new TokenCaller("edr-07", true, Set.of()));
        assertThat(allowing.verify(token(KEY, claims().claim("client_id", "fw-oauth")
                .claim("preferred_username", "service-account-fw-oauth"))).product()).isFalse();
    }

    /** RFC 9068 access tokens carry client_id for people too: a person must not become the client's product. */
    @Test
    void aPersonsTokenIssuedThroughAClientNamedLikeAProductStaysThePersons() throws Exception {
        TokenCaller caller = verifier.verify(token(KEY, claims().claim("client_id", "fw-oauth")
                .claim("preferred_username", "mallory").claim("groups", List.of("staff"))));

        assertThat(caller).isEqualTo(new TokenCaller("mallory", false, Set.of("staff")));
    }

    @Test
    void refusesOtherKeysIssuersAudiencesAndExpiredTokens() throws Exception {
        assertThatThrownBy(() -> verifier.verify(token(OTHER_KEY, claims().claim("preferred_username", "kim"))))
                .isInstanceOf(CredentialsRefusedException.class).hasMessageContaining("not valid");
        assertThatThrownBy(() -> verifier.verify(token(KEY, claims().issuer("http://elsewhere/realms/hutong")
                .claim("preferred_username", "kim")))).hasMessageContaining("not valid");
        assertThatThrownBy(() -> verifier.verify(token(KEY, claims().audience("another-api")
                .claim("preferred_username", "kim")))).hasMessageContaining("not valid");
        assertThatThrownBy(() -> verifier.verify(token(KEY, claims().expirationTime(new Date(System.currentTimeMillis()
                - 600_000)).claim("preferred_username", "kim")))).hasMessageContaining("not valid");
        assertThatThrownBy(() -> verifier.verify("not.a.token")).isInstanceOf(CredentialsRefusedException.class);
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience("hutong-api").subject("4f1c")
                .expirationTime(new Date(System.currentTimeMillis() + 300_000));
    }

    private static String token(RSAKey key, JWTClaimsSet.Builder claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static RSAKey key(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
