package org.hutong.information.domain.state;

import jakarta.ejb.ApplicationException;
import org.hutong.information.domain.ConflictingInformationException;
import org.hutong.shared.domain.Violation;

/** A status change the incident lifecycle does not allow; nothing has been changed. */
@ApplicationException(rollback = false)
public class IllegalTransitionException extends ConflictingInformationException {

    private static final long serialVersionUID = 1L;

    private final IncidentStatus from;
    private final IncidentStatus to;

    public IllegalTransitionException(String recordId, IncidentStatus from, IncidentStatus to) {
        super(new Violation("/body/status", "incident " + recordId + " cannot go from '" + from.code() + "' to '" + to.code() + "'; from '"
                + from.code() + "' it may go to " + from.next().stream().map(s -> "'" + s.code() + "'").sorted().toList()));
        this.from = from;
        this.to = to;
    }

    public IncidentStatus from() {
        return from;
    }

    public IncidentStatus to() {
        return to;
    }
}
