package org.hutong.security.infrastructure;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server's bearer-token verifier, configured by the {@code hutong.oidc.*} variables
 * (liberty-config security.xml). Without an issuer, bearer tokens are refused.
 */
@ApplicationScoped
public class BearerTokens {

    private static final Logger LOG = Logger.getLogger(BearerTokens.class.getName());

    @Inject
    @ConfigProperty(name = "hutong.oidc.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "hutong.oidc.jwks.uri")
    Optional<String> jwksUri;

    @Inject
    @ConfigProperty(name = "hutong.oidc.audience", defaultValue = "hutong-api")
    String audience;

    @Inject
    @ConfigProperty(name = "hutong.oidc.user.claim", defaultValue = "preferred_username")
    String userClaim;

    @Inject
    @ConfigProperty(name = "hutong.oidc.groups.claim", defaultValue = "groups")
    String groupsClaim;

    @Inject
    @ConfigProperty(name = "hutong.oidc.product.claim", defaultValue = "client_id")
    String productClaim;

    /** Clients whose tokens speak for the product of their id, besides their own service accounts. */
    @Inject
    @ConfigProperty(name = "hutong.oidc.product.clients")
    Optional<String> productClients;

    @Inject
    @ConfigProperty(name = "hutong.oidc.service.account.prefix", defaultValue = "service-account-")
    String serviceAccountPrefix;

    private BearerTokenVerifier verifier;

    @PostConstruct
    void configure() {
        if (issuer.filter(value -> !value.isBlank()).isEmpty() || jwksUri.filter(value -> !value.isBlank()).isEmpty()) {
            LOG.info("No OpenID Connect issuer configured (hutong.oidc.issuer, hutong.oidc.jwks.uri): bearer tokens are refused");
            return;
        }
        try {
            // Keys are cached and fetched again when a token names a key id not seen yet (rotation).
            JWKSource<SecurityContext> keys = JWKSourceBuilder.create(URI.create(jwksUri.get()).toURL()).retrying(true).build();
            verifier = new BearerTokenVerifier(issuer.get(), audience, keys,
                    new BearerTokenVerifier.Claims(userClaim, groupsClaim, productClaim,
                            Arrays.stream(productClients.orElse("").split(",")).map(String::strip).filter(c -> !c.isEmpty())
                                    .collect(Collectors.toSet()), serviceAccountPrefix.strip()));
            LOG.info(() -> "Bearer tokens of " + issuer.get() + " for audience " + audience + " are accepted");
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException("hutong.oidc.jwks.uri is not a URL: " + jwksUri.get(), e);
        }
    }

    public TokenCaller verify(String token) throws CredentialsRefusedException {
        if (verifier == null) {
            throw new CredentialsRefusedException("bearer tokens are not accepted: no OpenID Connect issuer is configured");
        }
        return verifier.verify(token);
    }
}
