package org.hutong.function.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hutong.function.application.rule.DryRun;
import org.hutong.function.application.rule.LinkageRules;
import org.hutong.function.application.rule.RuleFiring;
import org.hutong.function.application.rule.RuleView;
import org.hutong.shared.domain.Roles;
import org.hutong.shared.interfaces.rest.InvalidRequestException;
import org.hutong.shared.interfaces.rest.PageParameters;
import org.hutong.shared.interfaces.rest.Problem;

/** Linkage rules: stored information that matches a rule's trigger makes the hub invoke a function. */
@Path("/rules")
@Tag(name = "rules")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
public class RuleResource {

    @EJB
    LinkageRules rules;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(summary = "Every rule, its current version")
    public List<RuleView> all() {
        return rules.all();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A rule's current version and whether it is enabled")
    public RuleView byId(@PathParam("id") String id) {
        return rules.find(id).orElseThrow(() -> noRule(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Create a rule, or store its next version",
            description = "The document follows /schemas/linkage-rule.schema.json: name, trigger {type, producers,"
                    + " producerCategories, minSeverity, categories, where [{pointer, exists|equals|in|matches}]}, action"
                    + " {function, target (product id, all, category:<product category>), arguments with ${/json/pointer}"
                    + " placeholders, timeout}, dedupe {key, window}, maxFiringsPerMinute (60), actOnProducer (false),"
                    + " enabled (true). 201 when new, 200 for a new version; 400 lists every violation.")
    public Response save(@PathParam("id") String id, String document) {
        LinkageRules.Saved saved = rules.save(id, document);
        return (saved.created() ? Response.created(uriInfo.getAbsolutePath()) : Response.ok())
                .type(MediaType.APPLICATION_JSON).entity(saved.rule()).build();
    }

    @GET
    @Path("{id}/versions")
    @Operation(summary = "Every version of a rule, newest first")
    public List<RuleView> versions(@PathParam("id") String id) {
        List<RuleView> versions = rules.versions(id);
        if (versions.isEmpty()) {
            throw noRule(id);
        }
        return versions;
    }

    @POST
    @Path("{id}/enable")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Turn a rule on: it acts on information received from now on")
    public RuleView enable(@PathParam("id") String id) {
        return rules.enable(id, true).orElseThrow(() -> noRule(id));
    }

    @POST
    @Path("{id}/disable")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Turn a rule off")
    public RuleView disable(@PathParam("id") String id) {
        return rules.enable(id, false).orElseThrow(() -> noRule(id));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Delete a rule; its versions and firings stay for the audit")
    public Response delete(@PathParam("id") String id) {
        if (!rules.delete(id)) {
            throw noRule(id);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/dry-run")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "What the rule would do with this information, without doing it",
            description = "The body is an information envelope (or an item as GET /information serves it). The answer"
                    + " says whether the trigger matches, the outcome it would have now, the arguments and the targets.")
    public DryRun dryRun(@PathParam("id") String id, String information) {
        return rules.dryRun(id, information).orElseThrow(() -> noRule(id));
    }

    @GET
    @Path("{id}/firings")
    @Operation(summary = "Each time the rule matched, newest first, with its outcome and invocation")
    public FiringPage firings(@PathParam("id") String id,
            @QueryParam("before") @Parameter(description = "Firings numbered below this one") @DefaultValue("0") long before,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        List<Problem.ProblemViolation> violations = new ArrayList<>();
        PageParameters.check(before, limit, violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        List<RuleFiring> firings = rules.firings(id, before, limit).orElseThrow(() -> noRule(id));
        String next = firings.size() < limit ? null : uriInfo.getRequestUriBuilder()
                .replaceQueryParam("before", firings.get(firings.size() - 1).number()).build().toString();
        return new FiringPage(firings, next);
    }

    @POST
    @Path("{id}/firings/{firing}/approve")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Start the invocation a firing awaits (rules in approval mode)",
            description = "409 when it awaits no decision: decided already, or expired.")
    public RuleFiring approve(@PathParam("id") String id, @PathParam("firing") long firing) {
        return rules.decide(id, firing, true).orElseThrow(() -> noFiring(id, firing));
    }

    @POST
    @Path("{id}/firings/{firing}/reject")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Refuse the invocation a firing awaits", description = "409 when it awaits no decision.")
    public RuleFiring reject(@PathParam("id") String id, @PathParam("firing") long firing) {
        return rules.decide(id, firing, false).orElseThrow(() -> noFiring(id, firing));
    }

    private static NotFoundException noFiring(String id, long firing) {
        return new NotFoundException("Linkage rule " + id + " has no firing " + firing);
    }

    /** A page of firings and the link to the older ones. */
    public record FiringPage(List<RuleFiring> items, String next) {
    }

    private static NotFoundException noRule(String id) {
        return new NotFoundException("No linkage rule has the id " + id);
    }
}
