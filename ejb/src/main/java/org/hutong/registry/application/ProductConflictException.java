package org.hutong.registry.application;

import jakarta.ejb.ApplicationException;

/** The request does not fit the product's state: its id is taken, or it is deregistered. */
@ApplicationException(rollback = true)
public class ProductConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProductConflictException(String message) {
        super(message);
    }
}
