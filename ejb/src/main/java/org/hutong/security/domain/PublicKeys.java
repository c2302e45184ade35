package org.hutong.security.domain;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** Reads products' public keys: PEM SubjectPublicKeyInfo or X.509 certificates, EC (P-256, SM2) or RSA. */
public final class PublicKeys {

    private static final BouncyCastleProvider BOUNCY_CASTLE = new BouncyCastleProvider();

    private PublicKeys() {
    }

    /**
     * @throws IllegalArgumentException with the reason when {@code pem} is not a key for {@code algorithm}
     */
    public static PublicKey parse(DetachedJws.Algorithm algorithm, String pem) {
        try {
            if (pem.contains("BEGIN CERTIFICATE")) {
                CertificateFactory certificates = algorithm == DetachedJws.Algorithm.SM2
                        ? CertificateFactory.getInstance("X.509", BOUNCY_CASTLE) : CertificateFactory.getInstance("X.509");
                return certificates.generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                        .getPublicKey();
            }
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
            KeyFactory keys = switch (algorithm) {
                case RS256 -> KeyFactory.getInstance("RSA");
                case ES256 -> KeyFactory.getInstance("EC");
                case SM2 -> KeyFactory.getInstance("EC", BOUNCY_CASTLE);
            };
            return keys.generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a PEM public key or certificate for " + algorithm + ": "
                    + e.getMessage(), e);
        }
    }

    public static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }
}
