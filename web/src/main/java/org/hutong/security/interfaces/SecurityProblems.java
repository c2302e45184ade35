package org.hutong.security.interfaces;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import org.hutong.shared.interfaces.rest.Problem;

/**
 * The one problem contract ({@link Problem}) where JAX-RS does not answer: authentication, the
 * container's own role checks, rate limits.
 */
final class SecurityProblems {

    private static final Jsonb JSON = JsonbBuilder.create();

    private SecurityProblems() {
    }

    static void write(HttpServletResponse response, Response.Status status, String slug, String detail, String instance)
            throws IOException {
        response.setStatus(status.getStatusCode());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.toJson(Problem.of(status, slug, detail, instance, List.of())));
    }
}
