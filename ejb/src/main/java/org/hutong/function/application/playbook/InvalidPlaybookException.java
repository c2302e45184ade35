package org.hutong.function.application.playbook;

import jakarta.ejb.ApplicationException;
import java.util.List;
import org.hutong.shared.domain.Violation;

/** A playbook, a run request or a step decision the hub refuses, with every violation found (400). */
@ApplicationException(rollback = true)
public class InvalidPlaybookException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public InvalidPlaybookException(List<Violation> violations) {
        super(violations.get(0).pointer() + ": " + violations.get(0).message()
                + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
