package org.hutong.function.application;

import jakarta.ejb.ApplicationException;
import java.util.List;
import org.hutong.shared.domain.Violation;

/**
 * An invocation the hub will not start: invalid (400, with violations) or with no product able to
 * take it (409). Nothing was stored or sent.
 */
@ApplicationException(rollback = true)
public class InvocationRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean invalid;
    private final transient List<Violation> violations;

    private InvocationRefusedException(boolean invalid, String message, List<Violation> violations) {
        super(message);
        this.invalid = invalid;
        this.violations = List.copyOf(violations);
    }

    public static InvocationRefusedException invalid(List<Violation> violations) {
        Violation first = violations.get(0);
        return new InvocationRefusedException(true, first.pointer() + ": " + first.message()
                + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""), violations);
    }

    public static InvocationRefusedException noTarget(String message) {
        return new InvocationRefusedException(false, message, List.of(new Violation("/target", message)));
    }

    /** True: the request is invalid (400); false: no product can take it now (409). */
    public boolean invalid() {
        return invalid;
    }

    public List<Violation> violations() {
        return violations;
    }
}
