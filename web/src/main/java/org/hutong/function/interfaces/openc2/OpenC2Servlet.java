package org.hutong.function.interfaces.openc2;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.hutong.function.application.openc2.OpenC2Answer;
import org.hutong.function.application.openc2.OpenC2Gateway;

/**
 * OpenC2 over HTTPS: POST a request message ({@code application/openc2+json;version=1.0}) and
 * get the response message. A servlet rather than a JAX-RS resource: the path is fixed by the
 * transfer specification, outside the {@code /api/v1} application.
 */
@WebServlet(urlPatterns = "/.well-known/openc2")
public class OpenC2Servlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int MAX_BYTES = 64 * 1024;

    @Inject
    transient OpenC2Gateway gateway;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/openc2+json") && !type.startsWith("application/openc2-cmd+json")) {
            response.sendError(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
                    "OpenC2 commands are application/openc2+json;version=1.0");
            return;
        }
        if (request.getContentLengthLong() > MAX_BYTES) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "an OpenC2 message is at most 64 KiB");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "an OpenC2 message is at most 64 KiB");
            return;
        }
        Map<String, String> headers = new HashMap<>();
        put(headers, "request_id", firstOf(request, "request_id", "X-Request-ID"));
        put(headers, "created", firstOf(request, "created"));
        put(headers, "from", firstOf(request, "from"));
        put(headers, "to", firstOf(request, "to"));
        OpenC2Answer answer = gateway.handle(new String(body, StandardCharsets.UTF_8), headers);
        response.setStatus(answer.httpStatus());
        response.setContentType(OpenC2Gateway.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(answer.message().toString());
    }

    private static String firstOf(HttpServletRequest request, String... names) {
        for (String name : names) {
            String value = request.getHeader(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static void put(Map<String, String> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }
}
