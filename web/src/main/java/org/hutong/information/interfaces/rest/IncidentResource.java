package org.hutong.information.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hutong.information.application.RecordView;
import org.hutong.information.application.StatefulRecords;
import org.hutong.information.application.correlation.CorrelationStore;
import org.hutong.information.domain.state.IncidentStatus;
import org.hutong.information.domain.state.RecordKind;
import org.hutong.shared.interfaces.rest.InvalidRequestException;
import org.hutong.shared.interfaces.rest.Problem;
import org.hutong.shared.domain.Roles;

/** Incidents and their lifecycle: new → investigating → contained → resolved → closed, and reopen. */
@Path("/incidents")
@Tag(name = "records")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
public class IncidentResource {

    private static final List<String> GRADES = List.of("I", "II", "III", "IV");
    private static final int MAX_COMMENT = 2000;
    private static final int MAX_LINKS = 10_000;

    @EJB
    StatefulRecords records;

    @Context
    UriInfo uriInfo;


    /**
     * A requested status change.
     *
     * @param status the status to move to (code list incident-status)
     * @param comment why, for the history
     */
    @Schema(name = "IncidentTransition")
    public record Transition(
            @Schema(required = true, enumeration = {"new", "investigating", "contained", "resolved", "closed"}) String status,
            @Schema(maxLength = MAX_COMMENT) String comment) {
    }

    @GET
    @Operation(summary = "List incidents, with filters and a cursor",
            description = "Envelopes of one producer with the same body.incidentId update one incident. "
                    + "Filters combine; the cursor carries them, as for /information.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordPageDocument.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid, or the cursor does not fit the filters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RecordPageDocument list(
            @QueryParam("category") @Parameter(description = "In this GB/T 20986 category or sub-category") String category,
            @QueryParam("grade") @Parameter(description = "Of this grade: I, II, III or IV") String grade,
            @QueryParam("status") @Parameter(description = "In this status (code list incident-status)") String status,
            @QueryParam("cursor") @Parameter(description = "From the previous page's cursor") String cursor,
            @QueryParam("limit") @DefaultValue("" + RecordPaging.DEFAULT_LIMIT) @Parameter(description = "Page size, 1 to 1000")
            int limit) {
        List<Problem.ProblemViolation> violations = new ArrayList<>();
        if (grade != null && !grade.isBlank() && !GRADES.contains(grade.trim())) {
            violations.add(Problem.ProblemViolation.atParameter("grade", "must be one of " + GRADES));
        }
        if (status != null && !status.isBlank() && IncidentStatus.fromCode(status.trim()).isEmpty()) {
            violations.add(Problem.ProblemViolation.atParameter("status", "must be one of " + statusCodes()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return RecordPaging.page(records, RecordKind.INCIDENT,
                RecordPaging.filters("category", category, "grade", grade, "status", status), cursor, limit,
                uriInfo.getBaseUriBuilder().path(IncidentResource.class));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read one incident with its history")
    @APIResponse(responseCode = "200", description = "The incident",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordDocument.class)))
    @APIResponse(responseCode = "404", description = "No incident has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RecordView byId(@PathParam("id") String id) {
        return records.byId(RecordKind.INCIDENT, id).orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("{id}/alerts")
    @Operation(summary = "The alerts correlated into an incident, in the order they joined",
            description = "Links made by linkage rules whose action is correlate; the incident's relatedAlerts lists "
                    + "the first 1000 too. Each link names the alert (hub.id), when it joined and the rule.")
    @APIResponse(responseCode = "200", description = "The links, oldest first")
    @APIResponse(responseCode = "404", description = "No incident has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<CorrelationStore.Link> alerts(@PathParam("id") String id,
            @QueryParam("limit") @DefaultValue("1000") @Parameter(description = "At most this many, 1 to 10000") int limit) {
        if (limit < 1 || limit > MAX_LINKS) {
            throw new InvalidRequestException(List.of(Problem.ProblemViolation.atParameter("limit",
                    "must be from 1 to " + MAX_LINKS)));
        }
        records.byId(RecordKind.INCIDENT, id).orElseThrow(() -> notFound(id));
        return records.alertsOf(id, limit);
    }

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Path("{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move an incident on in its lifecycle",
            description = "new → investigating → contained → resolved → closed, one step at a time; a resolved or closed "
                    + "incident may be reopened (→ investigating). Asking for the status it has changes nothing.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = Transition.class)))
    @APIResponse(responseCode = "200", description = "The incident after the change, with its history",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordDocument.class)))
    @APIResponse(responseCode = "400", description = "Not a status of the lifecycle",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No incident has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The lifecycle does not allow this change from the current status",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RecordView transition(@PathParam("id") String id, Transition transition) {
        List<Problem.ProblemViolation> violations = new ArrayList<>();
        Optional<IncidentStatus> status = Optional.ofNullable(transition).map(Transition::status)
                .flatMap(IncidentStatus::fromCode);
        if (status.isEmpty()) {
            violations.add(Problem.ProblemViolation.atPointer("/status", "must be one of " + statusCodes()));
        }
        String comment = transition == null ? null : transition.comment();
        if (comment != null && comment.length() > MAX_COMMENT) {
            violations.add(Problem.ProblemViolation.atPointer("/comment", "must be at most " + MAX_COMMENT + " characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return records.changeIncidentStatus(id, status.get(), comment).orElseThrow(() -> notFound(id));
    }

    private static List<String> statusCodes() {
        return Arrays.stream(IncidentStatus.values()).map(IncidentStatus::code).toList();
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("No incident has the id " + id);
    }
}
