package org.hutong.shared.domain;

import jakarta.ejb.ApplicationException;

/**
 * An authenticated caller asked for something its identity does not allow: a product publishing in
 * another's name, reading what it did not subscribe to, reporting for an invocation not addressed
 * to it. Answered with 403 and recorded in the audit trail.
 */
@ApplicationException(rollback = false)
public class AccessRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccessRefusedException(String reason) {
        super(reason);
    }
}
