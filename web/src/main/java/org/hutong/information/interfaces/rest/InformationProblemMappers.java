package org.hutong.information.interfaces.rest;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.hutong.information.application.InformationTooLargeException;
import org.hutong.information.domain.ConflictingInformationException;
import org.hutong.information.domain.InvalidInformationException;
import org.hutong.shared.interfaces.rest.Problem;
import org.hutong.shared.interfaces.rest.ProblemMappers;

/** Maps the information context's refusals onto the problem contract. */
public final class InformationProblemMappers {

    private InformationProblemMappers() {
    }

    /** 400 with every violation and its JSON Pointer. */
    @Provider
    public static class InvalidInformationMapper implements ExceptionMapper<InvalidInformationException> {
        @Context
        UriInfo uriInfo;

        @Override
        public Response toResponse(InvalidInformationException exception) {
            return Problem.of(Response.Status.BAD_REQUEST, "invalid-information",
                    "The envelope breaks the information description: " + exception.getMessage(),
                    ProblemMappers.path(uriInfo),
                    exception.violations().stream()
                            .map(v -> Problem.ProblemViolation.atPointer(v.pointer(), v.message()))
                            .toList())
                    .toResponse();
        }
    }

    /** 413: over the configured size limits. */
    @Provider
    public static class TooLargeMapper implements ExceptionMapper<InformationTooLargeException> {
        @Context
        UriInfo uriInfo;

        @Override
        public Response toResponse(InformationTooLargeException exception) {
            return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "information-too-large",
                    exception.getMessage(), ProblemMappers.path(uriInfo), List.of()).toResponse();
        }
    }

    /** 409: the id was used before for other content. */
    @Provider
    public static class ConflictingInformationMapper implements ExceptionMapper<ConflictingInformationException> {
        @Context
        UriInfo uriInfo;

        @Override
        public Response toResponse(ConflictingInformationException exception) {
            return Problem.of(Response.Status.CONFLICT, "information-id-conflict", exception.getMessage(),
                    ProblemMappers.path(uriInfo),
                    List.of(Problem.ProblemViolation.atPointer("/id", exception.getMessage())))
                    .toResponse();
        }
    }
}
