package org.hutong.audit.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hutong.audit.application.AuditLog;
import org.hutong.audit.application.AuditView;
import org.hutong.audit.application.ChainVerification;
import org.hutong.shared.interfaces.rest.InvalidRequestException;
import org.hutong.shared.interfaces.rest.PageParameters;
import org.hutong.shared.interfaces.rest.Problem;
import org.hutong.shared.domain.Roles;

/** The tamper-evident audit trail. */
@Path("/audit")
@Tag(name = "audit")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
public class AuditResource {

    @EJB
    AuditLog log;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(summary = "Read the audit trail in chain order, with filters",
            description = "Every sealed record carries its number, the hash of its predecessor and its own; follow"
                    + " 'next' for more. After the last sealed record come the entries the sealer has not chained yet"
                    + " (sealed: false, no number), usually for less than a second.")
    public AuditPage list(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("since") @Parameter(description = "RFC 3339") String since,
            @QueryParam("until") @Parameter(description = "RFC 3339") String until,
            @QueryParam("after") @Parameter(description = "Records numbered above this one") @DefaultValue("0") long after,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        List<Problem.ProblemViolation> violations = new ArrayList<>();
        Instant from = time(since, "since", violations);
        Instant to = time(until, "until", violations);
        PageParameters.check(after, limit, violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        List<AuditView> items = log.find(blankToNull(actor), blankToNull(action), from, to, after, limit);
        // Only sealed records have a place in the chain to continue from; unsealed entries end the trail.
        AuditView last = items.isEmpty() ? null : items.get(items.size() - 1);
        String next = items.size() < limit || !last.sealed() ? null : uriInfo.getRequestUriBuilder()
                .replaceQueryParam("after", last.number()).build().toString();
        return new AuditPage(items, next);
    }

    @GET
    @Path("verify")
    @Operation(summary = "Check the whole trail", description = "intact, how many sealed records and unsealed entries"
            + " were checked, or the number of the first sealed record (edited, missing, out of order) or the id of the"
            + " first unsealed entry (edited or written without the audit key) that does not hold, and why.")
    public ChainVerification verify() {
        return log.verify();
    }

    private static Instant time(String value, String parameter, List<Problem.ProblemViolation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(Problem.ProblemViolation.atParameter(parameter, "must be an RFC 3339 date-time"));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
