package org.hutong.shared.interfaces.rest;

import java.util.List;

/** The paging parameters of the lists that continue after a number ({@code after}, {@code limit}). */
public final class PageParameters {

    public static final int MAX_LIMIT = 1000;

    private PageParameters() {
    }

    /** Adds a violation for each parameter out of range. */
    public static void check(long after, int limit, List<Problem.ProblemViolation> violations) {
        if (limit < 1 || limit > MAX_LIMIT) {
            violations.add(Problem.ProblemViolation.atParameter("limit", "must be between 1 and " + MAX_LIMIT));
        }
        if (after < 0) {
            violations.add(Problem.ProblemViolation.atParameter("after", "must not be negative"));
        }
    }
}
