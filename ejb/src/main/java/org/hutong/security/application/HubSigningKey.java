package org.hutong.security.application;

import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hutong.security.domain.DetachedJws;

/**
 * The hub's own signing key (ECDSA P-256): commands the hub POSTs to products carry a detached JWS
 * over the exact body in {@code X-Hutong-Signature}, so a product can tell them from anyone else's
 * requests; products read the public key as a JWK Set at {@code GET /api/v1/hub/keys}. The key is a
 * PKCS #8 PEM file ({@code hutong.hub.signing.key}); when the file does not exist the hub makes one
 * (owner-only permissions) and says so in the log.
 */
@ApplicationScoped
public class HubSigningKey {

    private static final Logger LOG = Logger.getLogger(HubSigningKey.class.getName());
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    @Inject
    @ConfigProperty(name = "hutong.hub.signing.key")
    String location;

    private PrivateKey privateKey;
    private ECPublicKey publicKey;
    private String keyId;

    public HubSigningKey() {
        // for CDI
    }

    public HubSigningKey(String location) {
        this.location = location;
        init();
    }

    @PostConstruct
    void init() {
        try {
            Path file = Path.of(location);
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] der = Base64.getMimeDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").strip());
            KeyFactory keys = KeyFactory.getInstance("EC");
            ECPrivateKey key = (ECPrivateKey) keys.generatePrivate(new PKCS8EncodedKeySpec(der));
            privateKey = key;
            publicKey = (ECPublicKey) keys.generatePublic(new ECPublicKeySpec(publicPoint(key), key.getParams()));
            keyId = thumbprint();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the hub's signing key " + location, e);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException(location + " is not a PKCS #8 PEM EC P-256 private key", e);
        }
    }

    /** The detached JWS (ES256) over {@code body}, exactly as it is sent. */
    public String sign(String body) {
        try {
            return DetachedJws.sign(body, DetachedJws.Algorithm.ES256, keyId, privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the hub's key", e);
        }
    }

    /** The public key as a JWK Set (RFC 7517), with its RFC 7638 thumbprint as {@code kid}. */
    public JsonObject jwkSet() {
        return JSON.createObjectBuilder().add("keys", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                .add("kty", "EC").add("crv", "P-256").add("x", coordinate(publicKey.getW().getAffineX()))
                .add("y", coordinate(publicKey.getW().getAffineY())).add("use", "sig").add("alg", "ES256")
                .add("kid", keyId))).build();
    }

    private String thumbprint() throws GeneralSecurityException {
        // RFC 7638: the required members in lexicographic order, no whitespace.
        String members = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + coordinate(publicKey.getW().getAffineX())
                + "\",\"y\":\"" + coordinate(publicKey.getW().getAffineY()) + "\"}";
        return URL.encodeToString(MessageDigest.getInstance("SHA-256").digest(members.getBytes(StandardCharsets.UTF_8)));
    }

    private static String coordinate(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[32];
        int start = Math.max(0, bytes.length - 32);
        System.arraycopy(bytes, start, fixed, 32 - (bytes.length - start), bytes.length - start);
        return URL.encodeToString(fixed);
    }

    private static ECPoint publicPoint(ECPrivateKey key) {
        // Q = d·G, by BouncyCastle's curve arithmetic.
        X9ECParameters curve = ECNamedCurveTable.getByName("P-256");
        org.bouncycastle.math.ec.ECPoint q = curve.getG().multiply(key.getS()).normalize();
        return new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
    }

    private static void create(Path file) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's permissions must protect it
        }
        LOG.log(Level.WARNING, "Made a new signing key for the hub at {0}: products must fetch the new public key",
                file);
    }
}
