package org.hutong.information.domain;

import jakarta.ejb.ApplicationException;

/** A producer re-used an information id for different content; checked before anything is written. */
@ApplicationException(rollback = false)
public class ConflictingInformationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConflictingInformationException(String producer, String id) {
        super("producer '" + producer + "' already sent information '" + id + "' with different content");
    }
}
