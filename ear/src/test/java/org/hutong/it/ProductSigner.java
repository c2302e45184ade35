package org.hutong.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.TreeMap;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * What a vendor's product does to sign an envelope for Hutong, written from the contract alone:
 * a detached compact JWS ({@code alg} SM2, SM3 digest) over the envelope's canonical form (members
 * sorted, no whitespace) without {@code signature}.
 */
final class ProductSigner {

    private static final BouncyCastleProvider BOUNCY_CASTLE = new BouncyCastleProvider();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;

    private ProductSigner(KeyPair keys) {
        this.keys = keys;
    }

    static ProductSigner sm2() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BOUNCY_CASTLE);
            generator.initialize(new ECGenParameterSpec("sm2p256v1"));
            return new ProductSigner(generator.generateKeyPair());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key to register, PEM. */
    String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** {@code envelope} with its {@code signature}. */
    String sign(String envelope) {
        JsonObject json = Json.createReader(new StringReader(envelope)).readObject();
        String header = URL.encodeToString("{\"alg\":\"SM2\",\"b64\":true}".getBytes(StandardCharsets.UTF_8));
        String input = header + "." + URL.encodeToString(canonical(json).getBytes(StandardCharsets.UTF_8));
        try {
            Signature signer = Signature.getInstance("SM3withSM2", BOUNCY_CASTLE);
            signer.initSign(keys.getPrivate());
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            ASN1Sequence der = ASN1Sequence.getInstance(signer.sign());
            byte[] raw = new byte[64];
            place(ASN1Integer.getInstance(der.getObjectAt(0)).getValue(), raw, 0);
            place(ASN1Integer.getInstance(der.getObjectAt(1)).getValue(), raw, 32);
            return Json.createObjectBuilder(json).add("signature", header + ".." + URL.encodeToString(raw)).build().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void place(BigInteger value, byte[] out, int offset) {
        byte[] bytes = value.toByteArray();
        int start = Math.max(0, bytes.length - 32);
        System.arraycopy(bytes, start, out, offset + 32 - (bytes.length - start), bytes.length - start);
    }

    static String canonical(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                StringBuilder out = new StringBuilder("{");
                new TreeMap<>((JsonObject) value).forEach((name, member) -> {
                    if (out.length() > 1) {
                        out.append(',');
                    }
                    out.append(Json.createValue(name)).append(':').append(canonical(member));
                });
                yield out.append('}').toString();
            }
            case ARRAY -> {
                StringBuilder out = new StringBuilder("[");
                for (JsonValue item : (JsonArray) value) {
                    out.append(out.length() > 1 ? "," : "").append(canonical(item));
                }
                yield out.append(']').toString();
            }
            default -> value.toString();
        };
    }
}
