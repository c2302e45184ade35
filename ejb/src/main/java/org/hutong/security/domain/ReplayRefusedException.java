package org.hutong.security.domain;

/** A message outside the time window, or a repeat of one seen within it. */
public class ReplayRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReplayRefusedException(String reason) {
        super(reason);
    }
}
