package org.hutong.function.domain;

import jakarta.ejb.ApplicationException;

/**
 * A result the hub records but cannot apply: for an unknown request id, from a product that was
 * not the target, or late (the target already has its outcome). The record of it is committed.
 */
@ApplicationException(rollback = false)
public class ResultRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why: unknown-request, wrong-product, late-result or illegal-status. */
    private final String reason;

    public ResultRefusedException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
