package org.hutong.shared.interfaces.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Exception mappers that turn every failure into {@code application/problem+json}. */
public final class ProblemMappers {

    private ProblemMappers() {
    }

    static String slug(Response.StatusType status) {
        return status.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /** The request path relative to the API root, for a problem's {@code instance}. */
    public static String path(UriInfo uriInfo) {
        if (uriInfo == null) {
            return null;
        }
        String path = uriInfo.getPath();
        return path.startsWith("/") ? path : "/" + path;
    }

    /** Invalid query or path parameters. */
    @Provider
    public static class InvalidRequestMapper implements ExceptionMapper<InvalidRequestException> {
        @Context
        UriInfo uriInfo;

        @Override
        public Response toResponse(InvalidRequestException exception) {
            return Problem.of(Response.Status.BAD_REQUEST, "invalid-request", exception.getMessage(),
                    path(uriInfo), exception.violations()).toResponse();
        }
    }

    /** What JAX-RS itself refuses: unknown path (404), wrong method (405), media types (406, 415), ... */
    @Provider
    public static class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
        @Context
        UriInfo uriInfo;

        @Override
        public Response toResponse(WebApplicationException exception) {
            Response original = exception.getResponse();
            Response.StatusType status = original.getStatusInfo();
            String detail = exception.getMessage() == null ? status.getReasonPhrase() : exception.getMessage();
            Response problem = Problem.of(status, slug(status), detail, path(uriInfo), List.of()).toResponse();
            // Keep headers such as Allow (405) or Retry-After (503).
            original.getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type")) {
                    values.forEach(value -> problem.getHeaders().add(name, value));
                }
            });
            return problem;
        }
    }

    /** Anything else is the hub's fault: log it with a reference the caller can quote. */
    @Provider
    public static class UnexpectedMapper implements ExceptionMapper<Throwable> {
        private static final Logger LOG = Logger.getLogger(UnexpectedMapper.class.getName());

        @Context
        UriInfo uriInfo;

        @Override
        public Response toResponse(Throwable exception) {
            String reference = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, exception, () -> "Unexpected failure, reference " + reference);
            return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal-error",
                    "The hub could not complete the request; quote reference " + reference + " to its administrator.",
                    path(uriInfo), List.of()).toResponse();
        }
    }
}
