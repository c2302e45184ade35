package org.hutong.information.domain;

import jakarta.ejb.ApplicationException;
import java.util.List;
import org.hutong.shared.domain.Violation;

/** Information that breaks the information description; nothing has been stored. */
@ApplicationException(rollback = false)
public class InvalidInformationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public InvalidInformationException(List<Violation> violations) {
        super(summary(violations));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String summary(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid envelope has at least one violation");
        }
        Violation first = violations.get(0);
        String where = first.pointer().isEmpty() ? "document" : first.pointer();
        return violations.size() == 1
                ? where + ": " + first.message()
                : where + ": " + first.message() + " (and " + (violations.size() - 1) + " more)";
    }
}
