package org.hutong.information.domain;

import jakarta.ejb.ApplicationException;
import org.hutong.shared.domain.Violation;

/**
 * Valid information that cannot be accepted because of what the hub already holds: a producer
 * re-used an information id for different content, or an update breaks a record's lifecycle.
 * Checked before anything is written.
 */
@ApplicationException(rollback = false)
public class ConflictingInformationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String pointer;

    public ConflictingInformationException(String producer, String id) {
        this(new Violation("/id", "producer '" + producer + "' already sent information '" + id
                + "' with different content"));
    }

    protected ConflictingInformationException(Violation conflict) {
        super(conflict.message());
        this.pointer = conflict.pointer();
    }

    /** JSON Pointer, into the envelope, of the member in conflict. */
    public String pointer() {
        return pointer;
    }
}
