package org.hutong.exchange.interfaces.messaging;

/** A message whose body is not a JSON text the hub can read: parked with this reason, never redelivered. */
public class UnreadableBodyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnreadableBodyException(String reason) {
        super(reason);
    }
}
