package org.hutong.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.crypto.digests.SM3Digest;

/** The hash that chains audit records: SHA-256, or SM3 (GB/T 32905) where Chinese algorithms are required. */
public enum HashAlgorithm {
    SHA_256("SHA-256"),
    SM3("SM3");

    private final String label;

    HashAlgorithm(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<HashAlgorithm> fromLabel(String label) {
        return Arrays.stream(values()).filter(a -> a.label.equalsIgnoreCase(label.trim().toUpperCase(Locale.ROOT)))
                .findFirst();
    }

    /** The lower-case hex digest of {@code text} (UTF-8). */
    public String hex(String text) {
        byte[] input = text.getBytes(StandardCharsets.UTF_8);
        byte[] digest;
        if (this == SM3) {
            SM3Digest sm3 = new SM3Digest();
            sm3.update(input, 0, input.length);
            digest = new byte[sm3.getDigestSize()];
            sm3.doFinal(digest, 0);
        } else {
            try {
                digest = MessageDigest.getInstance("SHA-256").digest(input);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }
        return HexFormat.of().formatHex(digest);
    }
}
