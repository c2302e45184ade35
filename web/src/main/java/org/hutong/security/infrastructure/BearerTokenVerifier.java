package org.hutong.security.infrastructure;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies OpenID Connect / OAuth2 access tokens (JWT) of one issuer: signature with the issuer's
 * published keys (RS256, ES256), issuer, audience, expiry. A client-credentials token of an allowed
 * client or of the client's own service account speaks for the product of that id (the product
 * claim, {@code client_id}); any other speaks for the person named by the user claim, with the
 * token's groups.
 */
public final class BearerTokenVerifier {

    /**
     * How the claims of a token are read. A token names a product only when its product claim names
     * a client on {@code productClients}, or it is that client's own service account (its user claim
     * is {@code serviceAccountPrefix} + the client id, as Keycloak writes it): RFC 9068 access tokens
     * carry {@code client_id} for people too, and a person is not the client they logged in through.
     */
    public record Claims(String user, String groups, String product, Set<String> productClients,
            String serviceAccountPrefix) {

        public Claims {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(groups, "groups");
            Objects.requireNonNull(product, "product");
            productClients = Set.copyOf(productClients);
            Objects.requireNonNull(serviceAccountPrefix, "serviceAccountPrefix");
        }

        public Claims(String user, String groups, String product) {
            this(user, groups, product, Set.of(), "service-account-");
        }

        boolean namesProduct(String client, String userName) {
            return productClients.contains(client)
                    || (!serviceAccountPrefix.isEmpty() && (serviceAccountPrefix + client).equals(userName));
        }
    }

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final Claims claims;

    public BearerTokenVerifier(String issuer, String audience, JWKSource<SecurityContext> keys, Claims claims) {
        this.claims = claims;
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp")));
    }

    public TokenCaller verify(String token) throws CredentialsRefusedException {
        JWTClaimsSet set;
        try {
            set = processor.process(token, null);
        } catch (ParseException e) {
            throw new CredentialsRefusedException("the bearer token is not a JWT");
        } catch (BadJOSEException e) {
            throw new CredentialsRefusedException("the bearer token is not valid: " + e.getMessage());
        } catch (JOSEException e) {
            throw new CredentialsRefusedException("the bearer token could not be verified: " + e.getMessage(), e);
        }
        try {
            String product = set.getStringClaim(claims.product());
            String user = set.getStringClaim(claims.user());
            if (product != null && !product.isBlank() && claims.namesProduct(product, user)) {
                return new TokenCaller(product, true, Set.of());
            }
            if (user == null || user.isBlank()) {
                throw new CredentialsRefusedException("the bearer token names no user (claim " + claims.user() + ")");
            }
            List<String> groups = set.getStringListClaim(claims.groups());
            return new TokenCaller(user, false, groups == null ? Set.of() : new LinkedHashSet<>(groups));
        } catch (ParseException e) {
            throw new CredentialsRefusedException("the bearer token's claims have unexpected types: " + e.getMessage());
        }
    }
}
