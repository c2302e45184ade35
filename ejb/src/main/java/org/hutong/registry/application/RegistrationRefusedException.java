package org.hutong.registry.application;

import jakarta.ejb.ApplicationException;
import java.util.List;
import org.hutong.shared.domain.Violation;

/** A registration or update that declares what the hub does not know; nothing was changed. */
@ApplicationException(rollback = true)
public class RegistrationRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public RegistrationRefusedException(List<Violation> violations) {
        super(violations.get(0).pointer() + ": " + violations.get(0).message()
                + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
