package org.hutong.function.interfaces.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.hutong.function.application.InvocationRefusedException;
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
