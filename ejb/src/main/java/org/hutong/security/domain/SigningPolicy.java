package org.hutong.security.domain;

import java.util.Objects;

/**
 * How a product signs what it sends: the algorithm (ES256, RS256 or SM2 with SM3), its public key
 * (PEM: a SubjectPublicKeyInfo or an X.509 certificate), and whether unsigned envelopes of it are
 * refused. Signed envelopes are also protected against replay.
 */
public record SigningPolicy(String algorithm, String publicKey, boolean required) {

    public SigningPolicy {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(publicKey, "publicKey");
    }
}
