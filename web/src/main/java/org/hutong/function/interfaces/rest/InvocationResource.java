package org.hutong.function.interfaces.rest;

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
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hutong.function.application.InvocationPage;
import org.hutong.function.application.InvocationRequest;
import org.hutong.function.application.InvocationView;
import org.hutong.function.application.Invocations;
import org.hutong.function.application.ResultReport;
import org.hutong.function.application.ResultReports;
import org.hutong.function.domain.InvocationStatus;
import org.hutong.function.domain.ResultRefusedException;
import org.hutong.shared.application.TransientFailures;
import org.hutong.shared.interfaces.rest.InvalidRequestException;
import org.hutong.shared.interfaces.rest.LargeBody;
import org.hutong.shared.interfaces.rest.Problem;
import org.hutong.shared.domain.Roles;

/**
 * Invoking functions: asynchronous with polling (202 and Location), synchronous ({@code wait}),
 * or asynchronous with the caller's callback URL. Products may report results here too.
 */
@Path("/invocations")
@Tag(name = "functions")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
public class InvocationResource {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    static final Duration MAX_WAIT = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 50;

    @EJB
    Invocations invocations;

    @Context
    UriInfo uriInfo;


    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Invoke a function on one product or on all that provide it",
            description = "Answers 202 with a Location at once; with wait=PT5S (at most PT60S) it answers 200 with the "
                    + "final state if every target reports in time, else 202 with the state so far.")
    @APIResponse(responseCode = "202", description = "Started; follow Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvocationView.class)))
    @APIResponse(responseCode = "200", description = "Ended within wait",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvocationView.class)))
    @APIResponse(responseCode = "400", description = "Unknown function or target, or arguments that break its schema",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No active product can take it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response invoke(InvocationDocument document,
            @QueryParam("wait") @Parameter(description = "ISO 8601 duration to wait for the end, up to PT60S") String wait) {
        Duration waitFor = duration(wait, "wait", Duration.ZERO, MAX_WAIT);
        if (document == null) {
            throw new InvalidRequestException(List.of(Problem.ProblemViolation.atPointer("", "an invocation is required")));
        }
        Duration timeout = document.timeout() == null ? DEFAULT_TIMEOUT
                : durationMember(document.timeout(), "/timeout");
        InvocationRequest request = new InvocationRequest(document.function(), document.target(),
                document.arguments(), timeout, document.callback(), null);
        InvocationView started = TransientFailures.retrying(() -> invocations.invoke(request));
        URI location = uriInfo.getBaseUriBuilder().path(InvocationResource.class).path(started.id()).build();
        InvocationView current = awaitEnd(started, waitFor);
        return Response.status(current.isFinal() ? Response.Status.OK : Response.Status.ACCEPTED).location(location)
                .type(MediaType.APPLICATION_JSON).entity(current).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read an invocation: its status, every target's status and result, and its events",
            description = "With wait, answers as soon as it has ended or when wait has passed.")
    public InvocationView byId(@PathParam("id") String id,
            @QueryParam("wait") @Parameter(description = "ISO 8601 duration to wait for the end, up to PT60S") String wait) {
        Duration waitFor = duration(wait, "wait", Duration.ZERO, MAX_WAIT);
        InvocationView current = invocations.find(id).orElseThrow(() -> notFound(id));
        return awaitEnd(current, waitFor);
    }

    @GET
    @Operation(summary = "List invocations, newest first", description = "Follow 'next' for older ones.")
    public InvocationList list(@QueryParam("function") String function,
            @QueryParam("status") @Parameter(description = "running, succeeded, partially_succeeded, failed, timed_out")
            String status,
            @QueryParam("before") @Parameter(description = "From 'next'") @DefaultValue("0") long before,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (status != null && InvocationStatus.fromWireName(status).isEmpty()) {
            throw new InvalidRequestException(List.of(Problem.ProblemViolation.atParameter("status",
                    "must be running, succeeded, partially_succeeded, failed or timed_out")));
        }
        if (limit < 1 || limit > 1000) {
            throw new InvalidRequestException(List.of(Problem.ProblemViolation.atParameter("limit",
                    "must be between 1 and 1000")));
        }
        InvocationPage page = invocations.find(function, status, before, limit);
        String next = page.items().size() < limit ? null
                : uriInfo.getRequestUriBuilder().replaceQueryParam("before", page.last()).build().toString();
        return new InvocationList(page.items(), next);
    }

    @RolesAllowed(Roles.PRODUCT)
    @POST
    @Path("{id}/results")
    @Consumes(MediaType.APPLICATION_JSON)
    @LargeBody
    @Operation(summary = "Report a product's result for one command of this invocation",
            description = "The same members as a message on hutong.function.results.")
    @APIResponse(responseCode = "200", description = "Applied; the invocation as it stands now")
    @APIResponse(responseCode = "404", description = "No command of this invocation has the request_id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Late: the command already has its outcome (recorded, not applied)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ResultDocument.class)))
    public InvocationView report(@PathParam("id") String id, String body) {
        // Read as text, like a result message: a signature covers the message as sent.
        ResultReport document;
        try {
            document = ResultReports.parse(body);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(List.of(Problem.ProblemViolation.atPointer("", e.getMessage())));
        }
        InvocationView invocation = invocations.find(id).orElseThrow(() -> notFound(id));
        if (invocation.targets().stream().noneMatch(target -> target.requestId().equals(document.requestId()))) {
            throw new ResultRefusedException("unknown-request", "invocation " + id + " has no command with the request_id "
                    + document.requestId());
        }
        // The service reports as the authenticated product and refuses commands not addressed to it.
        return invocations.reportAsCaller(document);
    }

    private InvocationView awaitEnd(InvocationView current, Duration wait) {
        Instant until = Instant.now().plus(wait);
        InvocationView latest = current;
        while (!latest.isFinal() && Instant.now().isBefore(until)) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            latest = invocations.find(current.id()).orElse(latest);
        }
        return latest;
    }

    private static Duration duration(String text, String parameter, Duration fallback, Duration max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        Optional<Duration> parsed = parse(text);
        if (parsed.isEmpty() || parsed.get().isNegative() || parsed.get().compareTo(max) > 0) {
            throw new InvalidRequestException(List.of(Problem.ProblemViolation.atParameter(parameter,
                    "must be an ISO 8601 duration up to " + max)));
        }
        return parsed.get();
    }

    private static Duration durationMember(String text, String pointer) {
        return parse(text).orElseThrow(() -> new InvalidRequestException(List.of(Problem.ProblemViolation.atPointer(
                pointer, "must be an ISO 8601 duration such as PT30S"))));
    }

    private static Optional<Duration> parse(String text) {
        try {
            return Optional.of(Duration.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("No invocation has the id " + id);
    }
}
