package org.hutong.security.domain;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** Key pairs for tests that sign as a product would. */
public final class TestKeys {

    private TestKeys() {
    }

    /** A fresh SM2 key pair (GB/T 32918, curve sm2p256v1). */
    public static KeyPair sm2() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
            generator.initialize(new ECGenParameterSpec("sm2p256v1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
