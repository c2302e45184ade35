package org.hutong.function.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hutong.function.application.playbook.PlaybookViews;
import org.hutong.function.application.playbook.Playbooks;
import org.hutong.shared.domain.Roles;
import org.hutong.shared.interfaces.rest.InvalidRequestException;
import org.hutong.shared.interfaces.rest.Problem;

/** Playbook runs: each step's status, and the decisions of the steps that wait for a person. */
@Path("/playbook-runs")
@Tag(name = "playbooks")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
public class PlaybookRunResource {

    private static final int MAX_LIMIT = 1000;
    private static final int MAX_COMMENT = 2000;

    @EJB
    Playbooks playbooks;

    @GET
    @Operation(summary = "Runs, newest first, by playbook and status (ongoing, successfully_executed, failed)")
    public List<PlaybookViews.RunView> list(@QueryParam("playbook") String playbook, @QueryParam("status") String status,
            @QueryParam("limit") @DefaultValue("100") @Parameter(description = "1 to 1000") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException(List.of(Problem.ProblemViolation.atParameter("limit",
                    "must be from 1 to " + MAX_LIMIT)));
        }
        return playbooks.runs(Optional.ofNullable(playbook).filter(s -> !s.isBlank()),
                Optional.ofNullable(status).filter(s -> !s.isBlank()), limit);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A run: its status, variables and every step it reached with its status")
    public PlaybookViews.RunView byId(@PathParam("id") String id) {
        return playbooks.run(id).orElseThrow(() -> noRun(id));
    }

    @POST
    @Path("{id}/steps/{step}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Complete a step that waits for a person (a manual command, such as an approval)",
            description = "Body: {\"outcome\": \"success\" | \"failure\", \"comment\": \"…\", \"outArgs\": {\"__name__\":"
                    + " \"value\"}}. The run goes on along on_success or on_failure; 409 if the step is not waiting.")
    public PlaybookViews.RunView complete(@PathParam("id") String id, @PathParam("step") String step, JsonObject request) {
        String outcome = request == null ? null : request.getString("outcome", null);
        if (!"success".equals(outcome) && !"failure".equals(outcome)) {
            throw new InvalidRequestException(List.of(Problem.ProblemViolation.atPointer("/outcome",
                    "must be success or failure")));
        }
        String comment = request.getString("comment", null);
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new InvalidRequestException(List.of(Problem.ProblemViolation.atPointer("/comment",
                    "must be at most " + MAX_COMMENT + " characters")));
        }
        return playbooks.complete(id, step, "success".equals(outcome), PlaybookResource.strings(request, "outArgs"),
                comment).orElseThrow(() -> noRun(id));
    }

    private static NotFoundException noRun(String id) {
        return new NotFoundException("No playbook run has the id " + id);
    }
}
