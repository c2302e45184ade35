package org.hutong.information.application.correlation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** Bounds on what correlation takes from products' alerts, so that none can break what the hub writes. */
final class CorrelationKeys {

    /** Keys up to this length are kept as they are; longer ones by their SHA-256 digest. */
    static final int MAX_KEY = 200;
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private CorrelationKeys() {
    }

    static String bounded(String key) {
        if (key.length() <= MAX_KEY) {
            return key;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The producer's time of an alert, unless it is outside what RFC 3339 with four-digit years writes. */
    static Instant plausible(Instant producedAt, Instant receivedAt) {
        return producedAt.isBefore(EARLIEST) || producedAt.isAfter(LATEST) ? receivedAt : producedAt;
    }
}
