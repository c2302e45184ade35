package org.hutong.function.application.rule;

import jakarta.ejb.ApplicationException;
import java.util.List;
import org.hutong.shared.domain.Violation;

/** A rule document the hub will not store, with every violation found (400). */
@ApplicationException(rollback = true)
public class InvalidRuleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public InvalidRuleException(List<Violation> violations) {
        super(violations.get(0).pointer() + ": " + violations.get(0).message()
                + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
