package org.hutong.security.domain;

/** A signature that is absent where required, malformed, or does not verify; the reason is for the sender. */
public class SignatureRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SignatureRefusedException(String reason) {
        super(reason);
    }
}
