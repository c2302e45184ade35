package org.hutong.security.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * What the signature check needs of an envelope: who produced it, when, and its detached JWS if
 * it carries one. The information context's envelope is one; security does not depend on it.
 */
public interface SignedEnvelope {

    String producer();

    Instant time();

    Optional<String> signature();
}
