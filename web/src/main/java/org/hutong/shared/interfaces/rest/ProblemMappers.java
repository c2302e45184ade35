package org.hutong.shared.interfaces.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hutong.shared.application.TransientFailures;

/** Exception mappers that turn every failure into {@code application/problem+json}. */
public final class ProblemMappers {

    private ProblemMappers() {
    }

    static String slug(Response.StatusType status) {
        return status.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /** Invalid query or path parameters. */
    @Provider
    public static class InvalidRequestMapper extends ProblemMapper<InvalidRequestException> {
        @Override
        protected Problem problem(InvalidRequestException exception, String instance) {
            return Problem.of(Response.Status.BAD_REQUEST, "invalid-request", exception.getMessage(), instance,
                    exception.violations());
        }
    }

    /** What JAX-RS itself refuses: unknown path (404), wrong method (405), media types (406, 415), ... */
    @Provider
    public static class WebApplicationMapper extends ProblemMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException exception) {
            Response problem = super.toResponse(exception);
            // Keep headers such as Allow (405) or Retry-After (503).
            exception.getResponse().getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type")) {
                    values.forEach(value -> problem.getHeaders().add(name, value));
                }
            });
            return problem;
        }

        @Override
        protected Problem problem(WebApplicationException exception, String instance) {
            Response.StatusType status = exception.getResponse().getStatusInfo();
            String detail = exception.getMessage() == null ? status.getReasonPhrase() : exception.getMessage();
            return Problem.of(status, slug(status), detail, instance, List.of());
        }
    }

    /**
     * Anything else is the hub's fault: log it with a reference the caller can quote — except a change
     * that met another one to the same thing at the same moment (an operator's transition and the rule
     * engine joining an alert to the incident): 409, and the same request again will do.
     */
    @Provider
    public static class UnexpectedMapper extends ProblemMapper<Throwable> {
        private static final Logger LOG = Logger.getLogger(UnexpectedMapper.class.getName());

        @Override
        protected Problem problem(Throwable exception, String instance) {
            if (TransientFailures.isTransient(exception)) {
                LOG.log(Level.INFO, "A concurrent change met {0}: {1}", new Object[] {instance,
                        org.hutong.shared.application.Failures.rootMessage(exception)});
                return Problem.of(Response.Status.CONFLICT, "concurrent-change", "Something else changed the same"
                        + " data at the same moment; send the request again.", instance, List.of());
            }
            String reference = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, exception, () -> "Unexpected failure, reference " + reference);
            return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal-error",
                    "The hub could not complete the request; quote reference " + reference + " to its administrator.",
                    instance, List.of());
        }
    }
}
