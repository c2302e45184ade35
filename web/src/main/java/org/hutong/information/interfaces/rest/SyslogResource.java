package org.hutong.information.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hutong.information.application.syslog.DeadLetter;
import org.hutong.information.application.syslog.SyslogAdministration;
import org.hutong.shared.domain.Roles;
import org.hutong.shared.interfaces.rest.InvalidRequestException;
import org.hutong.shared.interfaces.rest.PageParameters;
import org.hutong.shared.interfaces.rest.Problem;

/** The syslog interface's mapping tables and dead letters. */
@Path("/syslog")
@Tag(name = "syslog")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
public class SyslogResource {

    @EJB
    SyslogAdministration syslog;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("dead-letters")
    @Operation(summary = "Syslog lines that could not be taken, with why",
            description = "Oldest first; follow 'next'. 'line' is the line as UTF-8 (bytes that are not UTF-8 shown"
                    + " as U+FFFD), 'lineBase64' the exact bytes received.")
    public DeadLetterPage deadLetters(@QueryParam("product") String product,
            @QueryParam("after") @Parameter(description = "Dead letters numbered above this one") @DefaultValue("0") long after,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        List<Problem.ProblemViolation> violations = new ArrayList<>();
        PageParameters.check(after, limit, violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        List<DeadLetter> letters = syslog.deadLetters(Optional.ofNullable(product).filter(p -> !p.isBlank()), after, limit);
        String next = letters.size() < limit ? null : uriInfo.getRequestUriBuilder()
                .replaceQueryParam("after", letters.get(letters.size() - 1).number()).build().toString();
        return new DeadLetterPage(letters.stream().map(DeadLetterPage.Item::of).toList(), next);
    }

    @GET
    @Path("mappings/{product}")
    @Operation(summary = "How a product's CEF and LEEF events become information (the default table if it set none)")
    public JsonObject mapping(@PathParam("product") String product) {
        return syslog.mapping(product).orElseThrow(() -> notRegistered(product)).toJson();
    }

    @PUT
    @Path("mappings/{product}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace a product's syslog mapping table",
            description = "{categories: {eventKey: category}, actions: {eventKey: behaviourAction}, defaultCategory,"
                    + " keywords (true), unknownSeverity (2), charset (UTF-8)}; an event key is a class id, a cat value"
                    + " or a name. 400 lists every violation.")
    public JsonObject replaceMapping(@PathParam("product") String product, String document) {
        return syslog.replaceMapping(product, document == null ? "" : document)
                .orElseThrow(() -> notRegistered(product)).toJson();
    }

    @DELETE
    @Path("mappings/{product}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Forget a product's syslog mapping table: the default applies again")
    public Response deleteMapping(@PathParam("product") String product) {
        if (!syslog.deleteMapping(product)) {
            throw new NotFoundException("Product " + product + " has no syslog mapping of its own");
        }
        return Response.noContent().build();
    }

    private static NotFoundException notRegistered(String product) {
        return new NotFoundException("No product is registered with the id " + product);
    }
}
