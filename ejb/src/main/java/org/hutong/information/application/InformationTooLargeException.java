package org.hutong.information.application;

import jakarta.ejb.ApplicationException;

/** An envelope or batch over the configured size limits; nothing has been stored. */
@ApplicationException(rollback = false)
public class InformationTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InformationTooLargeException(long size, long limit) {
        super("the message has " + size + " bytes; the limit is " + limit);
    }

    public InformationTooLargeException(String message) {
        super(message);
    }
}
