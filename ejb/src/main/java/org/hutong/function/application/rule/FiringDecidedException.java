package org.hutong.function.application.rule;

import jakarta.ejb.ApplicationException;

/** A decision on a firing that no longer awaits one (409); an expiry found on the way is kept. */
@ApplicationException(rollback = false)
public class FiringDecidedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FiringDecidedException(String message) {
        super(message);
    }
}
