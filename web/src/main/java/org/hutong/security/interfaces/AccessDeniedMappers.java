package org.hutong.security.interfaces;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.hutong.audit.application.AuditLog;
import org.hutong.audit.domain.AuditEntry;
import org.hutong.shared.domain.AccessRefusedException;
import org.hutong.shared.interfaces.rest.Problem;
import org.hutong.shared.interfaces.rest.ProblemMapper;

/** Every refusal of an authenticated caller: 403 problem+json, and a record in the audit trail. */
public final class AccessDeniedMappers {

    private AccessDeniedMappers() {
    }

    abstract static class DenialMapper<E extends Throwable> extends ProblemMapper<E> {

        @Context
        HttpServletRequest request;

        @EJB
        AuditLog audit;

        @Override
        protected Problem problem(E exception, String instance) {
            String detail = detail(exception);
            String actor = request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
            audit.recordSecurityEvent(AuditEntry.refused(actor, "authorization", request.getMethod() + " "
                    + request.getRequestURI(), detail));
            return Problem.of(Response.Status.FORBIDDEN, "forbidden", detail, instance, List.of());
        }

        abstract String detail(E exception);
    }

    /** A role check of a resource method failed. */
    @Provider
    public static class ForbiddenMapper extends DenialMapper<ForbiddenException> {
        @Override
        String detail(ForbiddenException exception) {
            return "the caller's roles do not allow this request";
        }
    }

    /** A role check of an application service failed. */
    @Provider
    public static class EjbAccessMapper extends DenialMapper<EJBAccessException> {
        @Override
        String detail(EJBAccessException exception) {
            return "the caller's roles do not allow this request";
        }
    }

    /** The caller's identity does not allow what it asked for. */
    @Provider
    public static class AccessRefusedMapper extends DenialMapper<AccessRefusedException> {
        @Override
        String detail(AccessRefusedException exception) {
            return exception.getMessage();
        }
    }
}
