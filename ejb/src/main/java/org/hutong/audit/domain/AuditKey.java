package org.hutong.audit.domain;

import java.util.Arrays;
import java.util.Base64;

/**
 * The secret that seals the audit chain: every link is an HMAC under it, so whoever can write the
 * database but not read the server's configuration cannot recompute the chain after an edit. It
 * lives outside the database (a Liberty variable, {@code hutong.audit.key}, base64, at least 32 bytes).
 */
public final class AuditKey {

    private static final int MINIMUM_BYTES = 32;

    private final byte[] secret;

    private AuditKey(byte[] secret) {
        this.secret = secret;
    }

    /** @throws IllegalArgumentException if {@code base64} is not base64 of at least 32 bytes */
    public static AuditKey fromBase64(String base64) {
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(base64 == null ? "" : base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("hutong.audit.key is not base64", e);
        }
        if (secret.length < MINIMUM_BYTES) {
            throw new IllegalArgumentException("hutong.audit.key must hold at least " + MINIMUM_BYTES
                    + " bytes (base64), not " + secret.length);
        }
        return new AuditKey(secret);
    }

    byte[] secret() {
        return Arrays.copyOf(secret, secret.length);
    }

    @Override
    public String toString() {
        return "AuditKey[" + secret.length + " bytes]";
    }
}
