package org.hutong.security.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Base64;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

class DetachedJwsTest {

    private static final String PAYLOAD = "{\"body\":{\"name\":\"port scan\"},\"id\":\"a-1\",\"producer\":\"ids-01\"}";

    @Test
    void verifiesTheEs256ExampleOfRfc7515() throws Exception {
        // RFC 7515 appendix A.3: the JOSE encoding of ECDSA signatures (r || s), not DER.
        String payload = "{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}";
        String token = "eyJhbGciOiJFUzI1NiJ9..DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q";
        PublicKey key = ecKey("f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0");

        assertThatCode(() -> DetachedJws.verify(token, payload, key, DetachedJws.Algorithm.ES256)).doesNotThrowAnyException();
        assertThatThrownBy(() -> DetachedJws.verify(token, payload.replace("joe", "eve"), key, DetachedJws.Algorithm.ES256))
                .isInstanceOf(SignatureRefusedException.class).hasMessageContaining("does not match");
    }

    @Test
    void signsAndVerifiesWithEveryAlgorithm() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPairGenerator sm2 = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
        sm2.initialize(new ECGenParameterSpec("sm2p256v1"));
        check(DetachedJws.Algorithm.ES256, ec.generateKeyPair(), ec.generateKeyPair());
        check(DetachedJws.Algorithm.RS256, rsa.generateKeyPair(), rsa.generateKeyPair());
        check(DetachedJws.Algorithm.SM2, sm2.generateKeyPair(), sm2.generateKeyPair());
    }

    @Test
    void refusesWhatIsNotADetachedJwsOfAKnownAlgorithm() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        PublicKey key = ec.generateKeyPair().getPublic();
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());

        assertThatThrownBy(() -> DetachedJws.verify("abc", PAYLOAD, key, DetachedJws.Algorithm.ES256)).hasMessageContaining("detached compact JWS");
        assertThatThrownBy(() -> DetachedJws.verify(none + "..", PAYLOAD, key, DetachedJws.Algorithm.ES256)).hasMessageContaining("not 'none'");
        assertThatThrownBy(() -> DetachedJws.verify(none + ".cGF5bG9hZA.c2ln", PAYLOAD, key, DetachedJws.Algorithm.ES256))
                .hasMessageContaining("detached");
    }

    @Test
    void refusesAHeaderNamingAnotherAlgorithmThanTheExpectedOne() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = ec.generateKeyPair();
        String token = DetachedJws.sign(PAYLOAD, DetachedJws.Algorithm.ES256, "k1", keys.getPrivate());

        assertThat(DetachedJws.claimedAlgorithm(token)).isEqualTo("ES256");
        assertThatThrownBy(() -> DetachedJws.verify(token, PAYLOAD, keys.getPublic(), DetachedJws.Algorithm.SM2))
                .isInstanceOf(SignatureRefusedException.class).hasMessage("the JWS alg 'ES256' is not the registered SM2");
    }

    private static void check(DetachedJws.Algorithm algorithm, KeyPair signer, KeyPair other) throws Exception {
        String token = DetachedJws.sign(PAYLOAD, algorithm, "k1", signer.getPrivate());

        assertThatCode(() -> DetachedJws.verify(token, PAYLOAD, signer.getPublic(), algorithm)).as(algorithm.name())
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> DetachedJws.verify(token, PAYLOAD.replace("a-1", "a-2"), signer.getPublic(), algorithm))
                .as(algorithm.name()).isInstanceOf(SignatureRefusedException.class);
        assertThatThrownBy(() -> DetachedJws.verify(token, PAYLOAD, other.getPublic(), algorithm)).as(algorithm.name())
                .isInstanceOf(SignatureRefusedException.class);
    }

    private static PublicKey ecKey(String x, String y) throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
        ECPoint point = new ECPoint(new BigInteger(1, Base64.getUrlDecoder().decode(x)),
                new BigInteger(1, Base64.getUrlDecoder().decode(y)));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, spec));
    }
}
