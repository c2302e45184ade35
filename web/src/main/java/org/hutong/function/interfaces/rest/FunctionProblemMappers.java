package org.hutong.function.interfaces.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.hutong.function.application.InvocationRefusedException;
import org.hutong.function.application.playbook.InvalidPlaybookException;
import org.hutong.function.application.playbook.StepNotWaitingException;
import org.hutong.function.application.rule.FiringDecidedException;
import org.hutong.function.application.rule.InvalidRuleException;
import org.hutong.function.domain.ResultRefusedException;
import org.hutong.shared.interfaces.rest.Problem;
import org.hutong.shared.interfaces.rest.ProblemMapper;

/** Maps the function context's refusals onto the problem contract. */
public final class FunctionProblemMappers {

    private FunctionProblemMappers() {
    }

    /** 400 for an invalid invocation (every violation, pointers into the request), 409 when no product can take it. */
    @Provider
    public static class InvocationRefusedMapper extends ProblemMapper<InvocationRefusedException> {
        @Override
        protected Problem problem(InvocationRefusedException exception, String instance) {
            return Problem.of(exception.invalid() ? Response.Status.BAD_REQUEST : Response.Status.CONFLICT,
                    exception.invalid() ? "invalid-invocation" : "no-target", exception.getMessage(), instance,
                    exception.violations().stream()
                            .map(v -> Problem.ProblemViolation.atPointer(v.pointer(), v.message())).toList());
        }
    }

    /** 400 for a rule document (or dry-run input) the hub will not take, with every violation. */
    @Provider
    public static class InvalidRuleMapper extends ProblemMapper<InvalidRuleException> {
        @Override
        protected Problem problem(InvalidRuleException exception, String instance) {
            return Problem.of(Response.Status.BAD_REQUEST, "invalid-rule", exception.getMessage(), instance,
                    exception.violations().stream()
                            .map(v -> Problem.ProblemViolation.atPointer(v.pointer(), v.message())).toList());
        }
    }

    /** 409 for a decision on a rule firing that awaits none. */
    @Provider
    public static class FiringDecidedMapper extends ProblemMapper<FiringDecidedException> {
        @Override
        protected Problem problem(FiringDecidedException exception, String instance) {
            return Problem.of(Response.Status.CONFLICT, "firing-decided", exception.getMessage(), instance, List.of());
        }
    }

    /** 400 for a playbook outside the supported CACAO 2.0 subset, or a run request or decision it refuses. */
    @Provider
    public static class InvalidPlaybookMapper extends ProblemMapper<InvalidPlaybookException> {
        @Override
        protected Problem problem(InvalidPlaybookException exception, String instance) {
            return Problem.of(Response.Status.BAD_REQUEST, "invalid-playbook", exception.getMessage(), instance,
                    exception.violations().stream()
                            .map(v -> Problem.ProblemViolation.atPointer(v.pointer(), v.message())).toList());
        }
    }

    /** 409 for a decision on a playbook step that waits for none. */
    @Provider
    public static class StepNotWaitingMapper extends ProblemMapper<StepNotWaitingException> {
        @Override
        protected Problem problem(StepNotWaitingException exception, String instance) {
            return Problem.of(Response.Status.CONFLICT, "step-not-waiting", exception.getMessage(), instance, List.of());
        }
    }

    /** A result the hub recorded but could not apply. */
    @Provider
    public static class ResultRefusedMapper extends ProblemMapper<ResultRefusedException> {
        @Override
        protected Problem problem(ResultRefusedException exception, String instance) {
            Response.Status status = switch (exception.reason()) {
                case "unknown-request" -> Response.Status.NOT_FOUND;
                case "wrong-product", "signature" -> Response.Status.FORBIDDEN;
                case "illegal-status" -> Response.Status.BAD_REQUEST;
                default -> Response.Status.CONFLICT;
            };
            return Problem.of(status, exception.reason(), exception.getMessage(), instance, List.of());
        }
    }
}
