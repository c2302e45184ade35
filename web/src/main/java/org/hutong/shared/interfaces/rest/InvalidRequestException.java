package org.hutong.shared.interfaces.rest;

import java.util.List;

/** A request whose parameters are invalid; answered with 400 and the violations. */
public class InvalidRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem.ProblemViolation> violations;

    public InvalidRequestException(List<Problem.ProblemViolation> violations) {
        super(violations.isEmpty() ? "invalid request" : violations.get(0).message());
        this.violations = List.copyOf(violations);
    }

    public List<Problem.ProblemViolation> violations() {
        return violations;
    }
}
