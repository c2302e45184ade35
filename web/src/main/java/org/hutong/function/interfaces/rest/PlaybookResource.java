package org.hutong.function.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hutong.function.application.playbook.PlaybookViews;
import org.hutong.function.application.playbook.Playbooks;
import org.hutong.shared.domain.Roles;
import org.hutong.shared.interfaces.rest.InvalidRequestException;
import org.hutong.shared.interfaces.rest.Problem;

/** CACAO 2.0 playbooks: stored, versioned, and started by operators or by linkage rules. */
@Path("/playbooks")
@Tag(name = "playbooks")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
public class PlaybookResource {

    @EJB
    Playbooks playbooks;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(summary = "Every playbook, its current version")
    public List<PlaybookViews.PlaybookView> all() {
        return playbooks.all();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A playbook's current version with its CACAO document")
    public PlaybookViews.PlaybookView byId(@PathParam("id") String id) {
        return playbooks.find(id).orElseThrow(() -> noPlaybook(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Create a playbook, or store its next version",
            description = "A CACAO 2.0 playbook (spec_version cacao-2.0) whose id is the path's id, within the subset"
                    + " of /schemas/cacao-2.0-playbook.schema.json: start, end, action, parallel and if-condition steps;"
                    + " action steps with one command, hutong-function {function, target, arguments} or manual"
                    + " {command}; playbook_variables referenced as __name__:value. 201 when new, 200 for a new version;"
                    + " 400 lists every violation, with the reason for anything outside the subset.")
    public Response save(@PathParam("id") String id, String document) {
        boolean created = playbooks.find(id).isEmpty();
        PlaybookViews.PlaybookView saved = playbooks.save(id, document);
        return (created ? Response.created(uriInfo.getAbsolutePath()) : Response.ok())
                .type(MediaType.APPLICATION_JSON).entity(saved).build();
    }

    @GET
    @Path("{id}/versions")
    @Operation(summary = "Every version of a playbook, newest first")
    public List<PlaybookViews.VersionView> versions(@PathParam("id") String id) {
        List<PlaybookViews.VersionView> versions = playbooks.versions(id);
        if (versions.isEmpty()) {
            throw noPlaybook(id);
        }
        return versions;
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Delete a playbook (its runs, and the versions they ran, stay)")
    public Response delete(@PathParam("id") String id) {
        if (!playbooks.delete(id)) {
            throw noPlaybook(id);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/runs")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Start a run of the playbook's current version",
            description = "Body: {\"variables\": {\"__name__\": \"value\"}} for the playbook's external variables"
                    + " (optional). 201 with the run; follow it at /playbook-runs/{runId}.")
    public Response start(@PathParam("id") String id, JsonObject request) {
        PlaybookViews.RunView run = playbooks.start(id, strings(request, "variables")).orElseThrow(() -> noPlaybook(id));
        return Response.created(uriInfo.getBaseUriBuilder().path(PlaybookRunResource.class).path(run.id()).build())
                .type(MediaType.APPLICATION_JSON).entity(run).build();
    }

    /** A JSON object of strings in {@code request}'s member {@code name}; 400 otherwise. */
    static Map<String, String> strings(JsonObject request, String name) {
        Map<String, String> values = new LinkedHashMap<>();
        if (request == null || !request.containsKey(name) || request.get(name) == JsonValue.NULL) {
            return values;
        }
        if (!(request.get(name) instanceof JsonObject object)) {
            throw new InvalidRequestException(List.of(Problem.ProblemViolation.atPointer("/" + name,
                    "must be an object of strings")));
        }
        object.forEach((key, value) -> {
            if (!(value instanceof JsonString text)) {
                throw new InvalidRequestException(List.of(Problem.ProblemViolation.atPointer("/" + name + "/" + key,
                        "must be a string (CACAO variable values are strings)")));
            }
            values.put(key, text.getString());
        });
        return values;
    }

    private static NotFoundException noPlaybook(String id) {
        return new NotFoundException("No playbook has the id " + id);
    }
}
