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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hutong.information.application.InformationIngestion;
import org.hutong.information.application.InformationQueries;
import org.hutong.information.application.InformationSubmission;
import org.hutong.information.application.InformationText;
import org.hutong.information.application.InformationView;
import org.hutong.information.application.StatefulRecords;
import org.hutong.information.application.correlation.CorrelationStore;
import org.hutong.information.application.IngestionReceipt;
import org.hutong.information.domain.InformationCriteria;
import org.hutong.information.domain.ReceivePosition;
import org.hutong.shared.domain.InformationType;
import org.hutong.shared.interfaces.rest.InvalidRequestException;
import org.hutong.shared.interfaces.rest.LargeBody;
import org.hutong.shared.interfaces.rest.Problem;
import org.hutong.shared.domain.Roles;

/** The information interface: products submit envelopes, consumers read them back. */
@Path("/information")
@Tag(name = "information")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR, Roles.PRODUCT})
public class InformationResource {

    static final int DEFAULT_LIMIT = 100;

    @EJB
    InformationSubmission submission;

    @EJB
    InformationQueries queries;

    @EJB
    StatefulRecords records;

    @Context
    UriInfo uriInfo;



    @RolesAllowed(Roles.PRODUCT)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit one piece of information, or a batch of them",
            description = "One envelope (a JSON object) or a batch (a JSON array of up to 1000 envelopes). "
                    + "Stored and published on hutong.information.<type> before the answer is sent. "
                    + "Idempotent on (producer, id): a repeat gets 200 with the stored information. "
                    + "A batch is answered 200 with the outcome of every envelope: accepted, duplicate or rejected.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(oneOf = {EnvelopeDocument.class, EnvelopeDocument[].class})))
    @APIResponse(responseCode = "201", description = "Accepted and stored; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InformationDocument.class)))
    @APIResponse(responseCode = "200", description = "Already stored with the same content (duplicate), "
            + "or the outcome of every envelope of a batch",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(oneOf = {InformationDocument.class, BatchDocument.class})))
    @APIResponse(responseCode = "400", description = "Not a valid envelope; every violation is listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The producer used this id before for other content",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Over the size limits (an envelope over 1 MiB, a batch over 1000"
            + " envelopes, a body over 32 MiB)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The body is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @LargeBody
    public Response submit(String body) {
        if (InformationIngestion.isBatch(body)) {
            return Response.ok(submission.submitBatch(body), MediaType.APPLICATION_JSON).build();
        }
        IngestionReceipt receipt = submission.submit(body);
        URI location = uriInfo.getBaseUriBuilder().path(InformationResource.class)
                .path(receipt.information().hub().id()).build();
        Response.ResponseBuilder response = receipt.created()
                ? Response.created(location)
                : Response.ok().location(location);
        return response.type(MediaType.APPLICATION_JSON).entity(receipt.information()).build();
    }

    @GET
    @Path("{id}/incidents")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "The incidents an alert was correlated into (links made by correlating linkage rules)")
    @APIResponse(responseCode = "200", description = "The links, oldest first")
    @APIResponse(responseCode = "404", description = "No information has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<CorrelationStore.Link> incidents(@PathParam("id") @Parameter(description = "hub.id of the alert") String id) {
        queries.byHubId(id).orElseThrow(() -> new NotFoundException("No information has the hub id " + id));
        return records.incidentsOf(id);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read one piece of information by the id the hub gave it (hub.id)")
    @APIResponse(responseCode = "200", description = "The information",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InformationDocument.class)))
    @APIResponse(responseCode = "404", description = "No information has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public InformationView byId(@PathParam("id") @Parameter(description = "hub.id of the information") String id) {
        return queries.byHubId(id).orElseThrow(() -> new NotFoundException("No information has the hub id " + id));
    }

    @GET
    @Operation(summary = "List information in receive order, with filters and a cursor",
            description = "Pages follow each other through 'next' until it is absent; 'cursor' is always there "
                    + "and resumes after the last item handed out, so a consumer can poll with it for newer "
                    + "information without missing any. The cursor "
                    + "carries the filters: send it alone, or with the same filters; other filters are a 400. "
                    + "since/until select by the time the hub received the information.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InformationPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid, or the cursor does not fit the filters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(
            @QueryParam("type") @Parameter(description = "Only this information type") String type,
            @QueryParam("producer") @Parameter(description = "Only from this product") String producer,
            @QueryParam("since") @Parameter(description = "Only received at or after this time (RFC 3339)") String since,
            @QueryParam("until") @Parameter(description = "Only received before this time (RFC 3339)") String until,
            @QueryParam("severity") @Parameter(description = "Only this severity, 1 (lowest) to 4 (highest)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "4")) Integer severity,
            @QueryParam("category") @Parameter(description = "Only this category or below it (code lists "
                    + "incident-category, vulnerability-class)") String category,
            @QueryParam("cursor") @Parameter(description = "From the previous page's cursor") String cursor,
            @QueryParam("limit") @DefaultValue("" + DEFAULT_LIMIT)
            @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "" + InformationCriteria.MAX_LIMIT)) int limit) {
        InformationCursor.Filters filters = new InformationCursor.Filters(type, producer, since, until, severity, category);
        ReceivePosition after = ReceivePosition.START;
        if (cursor != null) {
            InformationCursor position = InformationCursor.decode(cursor).orElseThrow(() -> new InvalidRequestException(
                    List.of(Problem.ProblemViolation.atParameter("cursor", "is not a cursor this hub issued"))));
            if (!filters.isEmpty() && !filters.equals(position.filters())) {
                throw new InvalidRequestException(List.of(Problem.ProblemViolation.atParameter("cursor",
                        "was issued for other filters; send it alone or with the filters it was issued for")));
            }
            filters = position.filters();
            after = position.after();
        }
        List<InformationText> items = queries.findText(criteria(filters, after, limit));
        // The cursor is where to resume, also after the last page: a consumer polls with it for
        // what arrives later. 'next' is there only while more is already waiting.
        ReceivePosition last = items.isEmpty() ? after : items.get(items.size() - 1).position();
        String nextCursor = new InformationCursor(last, filters).encode();
        String next = items.size() < limit ? null : uriInfo.getBaseUriBuilder().path(InformationResource.class)
                .queryParam("cursor", nextCursor).queryParam("limit", limit).build().toString();
        return Response.ok(InformationPage.json(items, nextCursor, next), MediaType.APPLICATION_JSON).build();
    }

    static InformationCriteria criteria(InformationCursor.Filters filters, ReceivePosition after, int limit) {
        List<Problem.ProblemViolation> violations = new ArrayList<>();
        Optional<InformationType> informationType = Optional.ofNullable(filters.type()).flatMap(InformationType::fromWireName);
        if (filters.type() != null && informationType.isEmpty()) {
            violations.add(Problem.ProblemViolation.atParameter("type", "unknown information type '" + filters.type() + "'"));
        }
        Optional<Instant> since = time(filters.since(), "since", violations);
        Optional<Instant> until = time(filters.until(), "until", violations);
        if (filters.severity() != null && (filters.severity() < 1 || filters.severity() > 4)) {
            violations.add(Problem.ProblemViolation.atParameter("severity", "must be between 1 and 4"));
        }
        if (limit < 1 || limit > InformationCriteria.MAX_LIMIT) {
            violations.add(Problem.ProblemViolation.atParameter("limit",
                    "must be between 1 and " + InformationCriteria.MAX_LIMIT));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new InformationCriteria(informationType, Optional.ofNullable(filters.producer()), since, until,
                Optional.ofNullable(filters.severity()), Optional.ofNullable(filters.category()), after, limit);
    }

    private static Optional<Instant> time(String value, String parameter, List<Problem.ProblemViolation> violations) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            violations.add(Problem.ProblemViolation.atParameter(parameter,
                    "must be an RFC 3339 date-time with an offset, e.g. 2026-11-29T08:00:00Z"));
            return Optional.empty();
        }
    }
}
