package org.hutong.shared.interfaces.rest;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The one error contract of the REST interface: RFC 9457 problem details, with the list of
 * violations when the request was invalid.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details")
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "violations"})
public record Problem(
        @Schema(description = "URI identifying the kind of problem") String type,
        @Schema(description = "Short summary of the kind of problem") String title,
        @Schema(description = "HTTP status code") int status,
        @Schema(description = "What went wrong with this request") String detail,
        @Schema(description = "The request path") String instance,
        @Schema(description = "Every violation found, when the request was invalid") List<ProblemViolation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);
    private static final String TYPE_BASE = "https://hutong.org/problems/";

    /**
     * One reason a request was refused.
     *
     * @param pointer JSON Pointer into the request body, when the body is at fault
     * @param parameter name of the query or path parameter, when a parameter is at fault
     * @param message what is wrong
     */
    @Schema(name = "ProblemViolation")
    @JsonbPropertyOrder({"pointer", "parameter", "message"})
    public record ProblemViolation(String pointer, String parameter, String message) {

        public static ProblemViolation atPointer(String pointer, String message) {
            return new ProblemViolation(pointer, null, message);
        }

        public static ProblemViolation atParameter(String parameter, String message) {
            return new ProblemViolation(null, parameter, message);
        }
    }

    public static Problem of(Response.StatusType status, String slug, String detail, String instance,
            List<ProblemViolation> violations) {
        return new Problem(TYPE_BASE + slug, status.getReasonPhrase(), status.getStatusCode(), detail, instance,
                violations.isEmpty() ? null : List.copyOf(violations));
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA).entity(this).build();
    }
}
