package org.hutong.security.application;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Base64;
import org.hutong.security.domain.DetachedJws;
import org.hutong.security.domain.SignatureRefusedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubSigningKeyTest {

    @TempDir
    Path dir;

    @Test
    void makesAnOwnerOnlyKeyOnceAndSignsWhatItsPublishedKeyVerifies() throws Exception {
        Path file = dir.resolve("keys/hub-signing-key.pem");
        HubSigningKey key = new HubSigningKey(file.toString());

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        HubSigningKey reloaded = new HubSigningKey(file.toString());
        assertThat(reloaded.jwkSet()).isEqualTo(key.jwkSet());

        String body = "{\"request_id\":\"r-1\",\"function\":\"protect.block-ip\"}";
        String signature = key.sign(body);
        PublicKey published = publicKey(key.jwkSet().getJsonArray("keys").getJsonObject(0));
        DetachedJws.verify(signature, body, published, DetachedJws.Algorithm.ES256);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DetachedJws.verify(signature,
                body.replace("r-1", "r-2"), published, DetachedJws.Algorithm.ES256))
                .isInstanceOf(SignatureRefusedException.class);
        assertThat(DetachedJws.claimedAlgorithm(signature)).isEqualTo("ES256");
    }

    private static PublicKey publicKey(JsonObject jwk) throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECPoint point = new ECPoint(new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("x"))),
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("y"))));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point,
                parameters.getParameterSpec(ECParameterSpec.class)));
    }
}
