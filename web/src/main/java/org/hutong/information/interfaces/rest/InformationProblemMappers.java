package org.hutong.information.interfaces.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.hutong.information.application.InformationTooLargeException;
import org.hutong.information.application.syslog.SyslogMapping;
import org.hutong.information.domain.ConflictingInformationException;
import org.hutong.information.domain.InvalidInformationException;
import org.hutong.information.domain.state.IllegalTransitionException;
import org.hutong.shared.interfaces.rest.Problem;
import org.hutong.shared.interfaces.rest.ProblemMapper;

/** Maps the information context's refusals onto the problem contract. */
public final class InformationProblemMappers {

    private InformationProblemMappers() {
    }

    /** 400 with every violation and its JSON Pointer. */
    @Provider
    public static class InvalidInformationMapper extends ProblemMapper<InvalidInformationException> {
        @Override
        protected Problem problem(InvalidInformationException exception, String instance) {
            return Problem.of(Response.Status.BAD_REQUEST, "invalid-information",
                    "The envelope breaks the information description: " + exception.getMessage(), instance,
                    exception.violations().stream()
                            .map(v -> Problem.ProblemViolation.atPointer(v.pointer(), v.message()))
                            .toList());
        }
    }

    /** 400: a syslog mapping document with every violation. */
    @Provider
    public static class InvalidSyslogMappingMapper extends ProblemMapper<SyslogMapping.InvalidMappingException> {
        @Override
        protected Problem problem(SyslogMapping.InvalidMappingException exception, String instance) {
            return Problem.of(Response.Status.BAD_REQUEST, "invalid-syslog-mapping", exception.getMessage(), instance,
                    exception.violations().stream()
                            .map(v -> Problem.ProblemViolation.atPointer(v.pointer(), v.message()))
                            .toList());
        }
    }

    /** 413: over the configured size limits. */
    @Provider
    public static class TooLargeMapper extends ProblemMapper<InformationTooLargeException> {
        @Override
        protected Problem problem(InformationTooLargeException exception, String instance) {
            return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "information-too-large",
                    exception.getMessage(), instance, List.of());
        }
    }

    /** 409: the id was used before for other content. */
    @Provider
    public static class ConflictingInformationMapper extends ProblemMapper<ConflictingInformationException> {
        @Override
        protected Problem problem(ConflictingInformationException exception, String instance) {
            return Problem.of(Response.Status.CONFLICT, "information-id-conflict", exception.getMessage(), instance,
                    List.of(Problem.ProblemViolation.atPointer(exception.pointer(), exception.getMessage())));
        }
    }

    /** 409: an incident status change its lifecycle does not allow. */
    @Provider
    public static class IllegalTransitionMapper extends ProblemMapper<IllegalTransitionException> {
        @Override
        protected Problem problem(IllegalTransitionException exception, String instance) {
            // The status is /body/status in an incident envelope, /status in a transition request.
            String pointer = instance != null && instance.endsWith("/transitions") ? "/status" : exception.pointer();
            return Problem.of(Response.Status.CONFLICT, "illegal-incident-transition", exception.getMessage(), instance,
                    List.of(Problem.ProblemViolation.atPointer(pointer, exception.getMessage())));
        }
    }
}
