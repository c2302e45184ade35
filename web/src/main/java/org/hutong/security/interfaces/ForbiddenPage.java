package org.hutong.security.interfaces;

import jakarta.ejb.EJB;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.hutong.audit.application.AuditLog;
import org.hutong.audit.domain.AuditEntry;

/**
 * The error page of the container's own role checks (web.xml constraints): the same problem+json
 * as everywhere else, and an audit record of the denial.
 */
@WebServlet(urlPatterns = "/problems/forbidden")
public class ForbiddenPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    transient AuditLog audit;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Only the container's error dispatch comes here; called directly it is not a page at all
        // (otherwise every GET would append a record to the audit chain).
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            SecurityProblems.write(response, Response.Status.NOT_FOUND, "not-found", "no such resource",
                    request.getRequestURI());
            return;
        }
        Object uri = request.getAttribute("jakarta.servlet.error.request_uri");
        String actor = request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
        String detail = "the caller's roles do not allow this request";
        audit.recordSecurityEvent(AuditEntry.refused(actor, "authorization", request.getMethod() + " " + uri, detail));
        SecurityProblems.write(response, Response.Status.FORBIDDEN, "forbidden", detail, uri == null ? null : uri.toString());
    }
}
