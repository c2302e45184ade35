package org.hutong.security.application;

import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hutong.shared.domain.CanonicalJson;
import org.hutong.security.domain.DirectoryEntry;
import org.hutong.security.domain.SignedEnvelope;
import org.hutong.security.domain.SigningPolicy;
import org.hutong.shared.domain.AccessRefusedException;
import org.hutong.security.domain.DetachedJws;
import org.hutong.security.domain.PublicKeys;
import org.hutong.security.domain.SignatureRefusedException;

/**
 * Integrity and replay protection of envelopes and function results, by the registered signing
 * policy of the product that sent them.
 * A signature is a detached JWS (ES256, RS256, SM2) over the RFC 8785 canonical form of the envelope
 * as received, without its {@code signature} member, made with the algorithm and key the product
 * registered (the JWS header cannot choose another). A signed envelope
 * must carry a time within {@code hutong.security.replay.window} of now, and may not repeat an
 * envelope already received (the store is the memory of ids: a transaction that rolled back
 * leaves no trace, so a redelivered message is not mistaken for a replay).
 */
@ApplicationScoped
public class EnvelopeIntegrity {

    @Inject
    ProductDirectory products;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "hutong.security.replay.window", defaultValue = "PT5M")
    Duration window;

    public EnvelopeIntegrity() {
        // for CDI
    }

    public EnvelopeIntegrity(ProductDirectory products, Clock clock, Duration window) {
        this.products = products;
        this.clock = clock;
        this.window = window;
    }

    /**
     * Checks for one call that admits many envelopes: each producer's signing policy is looked up
     * once (an unregistered producer is not cached by JPA), not once per envelope.
     */
    public Checks checks() {
        return new Checks();
    }

    /** {@link #check} with the policies of one call remembered; not thread-safe, one per call. */
    public final class Checks {

        private final Map<String, Optional<SigningPolicy>> policies = new HashMap<>();

        private Checks() {
        }

        /** As {@link EnvelopeIntegrity#check}, with the producer's policy looked up once per call. */
        public boolean check(SignedEnvelope envelope, String received) {
            return EnvelopeIntegrity.this.check(envelope, received,
                    policies.computeIfAbsent(envelope.producer(), EnvelopeIntegrity.this::policyOf));
        }
    }

    /** The signing policy of {@code productId}; empty when it is not registered or registered no key. */
    public Optional<SigningPolicy> policyOf(String productId) {
        return products.find(productId).flatMap(DirectoryEntry::signing);
    }

    /**
     * @param policy the producer's signing policy ({@link #policyOf}, looked up once per producer of a batch)
     * @return whether repeats of this envelope are to be refused as replays (it was signed)
     * @throws AccessRefusedException why its signature or time is not accepted
     */
    public boolean check(SignedEnvelope envelope, String received, Optional<SigningPolicy> policy) {
        if (envelope.signature().isEmpty()) {
            if (policy.filter(SigningPolicy::required).isPresent()) {
                throw new AccessRefusedException("the envelope is not signed, and product '" + envelope.producer()
                        + "' must sign what it sends");
            }
            return false;
        }
        SigningPolicy signing = policy.orElseThrow(() -> new AccessRefusedException("the envelope is signed, but "
                + "product '" + envelope.producer() + "' registered no signing key"));
        verify(envelope.producer(), signing, envelope.signature().get(), signingInput(received));
        Instant now = clock.instant();
        if (envelope.time().isBefore(now.minus(window)) || envelope.time().isAfter(now.plus(window))) {
            throw new AccessRefusedException("the envelope time " + envelope.time() + " is outside the accepted window of "
                    + window + " around " + now);
        }
        return true;
    }

    /**
     * Checks the signature of a function result of {@code productId} against its signing policy.
     *
     * @throws AccessRefusedException why it is not accepted
     */
    public void checkResult(String productId, String signature, String signingInput) {
        Optional<SigningPolicy> policy = policyOf(productId);
        if (signature == null) {
            if (policy.filter(SigningPolicy::required).isPresent()) {
                throw new AccessRefusedException("the result is not signed, and product '" + productId
                        + "' must sign what it sends");
            }
            return;
        }
        SigningPolicy signing = policy.orElseThrow(() -> new AccessRefusedException("the result is signed, but "
                + "product '" + productId + "' registered no signing key"));
        verify(productId, signing, signature, signingInput);
    }

    /** Verifies with the registered key and algorithm only: the JWS header may not choose another. */
    private static void verify(String productId, SigningPolicy signing, String signature, String signingInput) {
        DetachedJws.Algorithm algorithm = DetachedJws.Algorithm.of(signing.algorithm())
                .orElseThrow(() -> new IllegalStateException("registered algorithm " + signing.algorithm()));
        try {
            String claimed = DetachedJws.claimedAlgorithm(signature);
            if (!claimed.equals(algorithm.name())) {
                throw new AccessRefusedException("the JWS alg '" + claimed + "' is not the algorithm product '" + productId
                        + "' registered (" + algorithm + ")");
            }
            DetachedJws.verify(signature, signingInput, PublicKeys.parse(algorithm, signing.publicKey()), algorithm);
        } catch (SignatureRefusedException e) {
            throw new AccessRefusedException(e.getMessage());
        }
    }

    /**
     * What a producer signs: the RFC 8785 form of the envelope as sent, without its signature.
     *
     * @throws AccessRefusedException if it has no canonical form (a number no double holds)
     */
    public static String signingInput(String envelopeJson) {
        try (JsonReader reader = JSON.createReader(new StringReader(envelopeJson))) {
            JsonObject envelope = reader.readObject();
            return CanonicalJson.write(JSON.createObjectBuilder(envelope).remove("signature").build());
        } catch (IllegalArgumentException e) {
            throw new AccessRefusedException("the signed content " + e.getMessage());
        }
    }
}
