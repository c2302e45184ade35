package org.hutong.security.infrastructure;

/** Credentials were presented but do not prove an identity; the message says why, for the audit trail. */
public class CredentialsRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    public CredentialsRefusedException(String reason) {
        super(reason);
    }

    public CredentialsRefusedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
