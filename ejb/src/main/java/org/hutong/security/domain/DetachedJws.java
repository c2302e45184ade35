package org.hutong.security.domain;

import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * JWS in compact serialisation with a detached payload (RFC 7515 appendix F): {@code header..signature},
 * the payload being the canonical JSON the signature covers. Algorithms: ES256 and RS256 (RFC 7518),
 * and {@code SM2} — SM2 signature with SM3 over the default user id (GB/T 32918.2, GM/T 0009),
 * encoded like ES256 as r || s, 32 bytes each.
 */
public final class DetachedJws {

    private static final BouncyCastleProvider BOUNCY_CASTLE = new BouncyCastleProvider();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** The algorithms a product's key may sign with. */
    public enum Algorithm {
        ES256("SHA256withECDSA", 32),
        RS256("SHA256withRSA", 0),
        SM2("SM3withSM2", 32);

        private final String jca;
        private final int coordinateBytes;

        Algorithm(String jca, int coordinateBytes) {
            this.jca = jca;
            this.coordinateBytes = coordinateBytes;
        }

        Signature signature() throws GeneralSecurityException {
            return this == SM2 ? Signature.getInstance(jca, BOUNCY_CASTLE) : Signature.getInstance(jca);
        }

        public static Optional<Algorithm> of(String name) {
            return Arrays.stream(values()).filter(a -> a.name().equals(name)).findFirst();
        }
    }

    private DetachedJws() {
    }

    /** Signs {@code payload}: the token to put in the envelope's {@code signature}. */
    public static String sign(String payload, Algorithm algorithm, String keyId, PrivateKey key)
            throws GeneralSecurityException {
        String header = ENCODER.encodeToString(JSON.createObjectBuilder().add("alg", algorithm.name()).add("kid", keyId)
                .add("b64", true).build().toString().getBytes(StandardCharsets.UTF_8));
        Signature signer = algorithm.signature();
        signer.initSign(key);
        signer.update(signingInput(header, payload));
        byte[] signature = signer.sign();
        if (algorithm.coordinateBytes > 0) {
            signature = derToConcatenated(signature, algorithm.coordinateBytes);
        }
        return header + ".." + ENCODER.encodeToString(signature);
    }

    /**
     * The {@code alg} the token's header names, as written.
     *
     * @throws SignatureRefusedException if the token is not a detached compact JWS with a readable header
     */
    public static String claimedAlgorithm(String token) {
        return headerOf(parts(token)[0]).getString("alg", "");
    }

    /**
     * Whether {@code token} is a valid signature of {@code payload} by {@code key} with {@code expected},
     * the algorithm the signer registered; a header naming another algorithm is refused.
     *
     * @throws SignatureRefusedException with the reason when it is not
     */
    public static void verify(String token, String payload, PublicKey key, Algorithm expected) {
        String[] parts = parts(token);
        Algorithm algorithm = algorithmOf(parts[0]);
        if (algorithm != expected) {
            throw new SignatureRefusedException("the JWS alg '" + algorithm + "' is not the registered " + expected);
        }
        try {
            byte[] signature = DECODER.decode(parts[2]);
            if (algorithm.coordinateBytes > 0) {
                if (signature.length != 2 * algorithm.coordinateBytes) {
                    throw new SignatureRefusedException("an " + algorithm + " signature has "
                            + 2 * algorithm.coordinateBytes + " bytes");
                }
                signature = concatenatedToDer(signature, algorithm.coordinateBytes);
            }
            Signature verifier = algorithm.signature();
            verifier.initVerify(key);
            verifier.update(signingInput(parts[0], payload));
            if (!verifier.verify(signature)) {
                throw new SignatureRefusedException("the signature does not match the content and the product's key");
            }
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new SignatureRefusedException("the signature cannot be checked: " + e.getMessage());
        }
    }

    private static String[] parts(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3 || !parts[1].isEmpty()) {
            throw new SignatureRefusedException("the signature is not a detached compact JWS (header..signature)");
        }
        return parts;
    }

    private static Algorithm algorithmOf(String encodedHeader) {
        JsonObject header = headerOf(encodedHeader);
        return Algorithm.of(header.getString("alg", "")).orElseThrow(() -> new SignatureRefusedException(
                "the JWS algorithm must be ES256, RS256 or SM2, not '" + header.getString("alg", "") + "'"));
    }

    private static JsonObject headerOf(String encodedHeader) {
        try {
            return JSON.createReader(new StringReader(
                    new String(DECODER.decode(encodedHeader), StandardCharsets.UTF_8))).readObject();
        } catch (IllegalArgumentException | JsonException | ClassCastException e) {
            throw new SignatureRefusedException("the JWS header is not base64url JSON");
        }
    }

    private static byte[] signingInput(String encodedHeader, String payload) {
        return (encodedHeader + "." + ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] derToConcatenated(byte[] der, int size) {
        ASN1Sequence sequence = ASN1Sequence.getInstance(der);
        byte[] out = new byte[2 * size];
        copyUnsigned(ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue(), out, 0, size);
        copyUnsigned(ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue(), out, size, size);
        return out;
    }

    private static void copyUnsigned(BigInteger value, byte[] out, int offset, int size) {
        byte[] bytes = value.toByteArray();
        int start = bytes.length > size ? bytes.length - size : 0;
        int length = bytes.length - start;
        System.arraycopy(bytes, start, out, offset + size - length, length);
    }

    private static byte[] concatenatedToDer(byte[] concatenated, int size) {
        try {
            ASN1EncodableVector vector = new ASN1EncodableVector();
            vector.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(concatenated, 0, size))));
            vector.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(concatenated, size, 2 * size))));
            return new DERSequence(vector).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding in memory cannot fail", e);
        }
    }
}
