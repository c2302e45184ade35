package org.hutong.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The hash that chains audit records: SHA-256, or SM3 (GB/T 32905) where Chinese algorithms are
 * required; links are HMACs over it (RFC 2104) under the {@link AuditKey}, labelled {@code HMAC-<hash>}.
 */
public enum HashAlgorithm {
    SHA_256("SHA-256"),
    SM3("SM3");

    private static final String KEYED = "HMAC-";

    private final String label;

    HashAlgorithm(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The label of records whose links are HMACs over this hash. */
    public String keyedLabel() {
        return KEYED + label;
    }

    /** The algorithm of a keyed label ({@code HMAC-SHA-256}, {@code HMAC-SM3}); empty for plain or unknown labels. */
    public static Optional<HashAlgorithm> fromKeyedLabel(String label) {
        return label != null && label.startsWith(KEYED) ? fromLabel(label.substring(KEYED.length())) : Optional.empty();
    }

    /** The lower-case hex HMAC of {@code text} (UTF-8) under {@code key}. */
    public String hmac(AuditKey key, String text) {
        byte[] input = text.getBytes(StandardCharsets.UTF_8);
        byte[] secret = key.secret();
        byte[] mac;
        if (this == SM3) {
            HMac hmac = new HMac(new SM3Digest());
            hmac.init(new KeyParameter(secret));
            hmac.update(input, 0, input.length);
            mac = new byte[hmac.getMacSize()];
            hmac.doFinal(mac, 0);
        } else {
            try {
                Mac hmac = Mac.getInstance("HmacSHA256");
                hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
                mac = hmac.doFinal(input);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every Java platform has HmacSHA256", e);
            }
        }
        return HexFormat.of().formatHex(mac);
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
