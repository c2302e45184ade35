package org.hutong.shared.domain;

import java.util.Objects;

/**
 * One reason why a piece of information was refused.
 *
 * @param pointer JSON Pointer (RFC 6901) to the offending member; empty for the whole document
 * @param message what is wrong, for a person reading it
 */
public record Violation(String pointer, String message) {
    public Violation {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
    }
}
