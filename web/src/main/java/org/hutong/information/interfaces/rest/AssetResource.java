package org.hutong.information.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hutong.information.application.RecordView;
import org.hutong.information.application.StatefulRecords;
import org.hutong.information.domain.state.RecordKind;
import org.hutong.shared.interfaces.rest.Problem;
import org.hutong.shared.domain.Roles;

/** Assets as the hub knows them, merged from the asset information of every product. */
@Path("/assets")
@Tag(name = "records")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
public class AssetResource {

    @EJB
    StatefulRecords records;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(summary = "List assets, with filters and a cursor",
            description = "An asset seen again (same assetId, or same IP together with the same MAC) is one record. "
                    + "Filters combine; the cursor carries them, as for /information.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordPageDocument.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid, or the cursor does not fit the filters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RecordPageDocument list(
            @QueryParam("ip") @Parameter(description = "Has had this IP address (any spelling of it)") String ip,
            @QueryParam("mac") @Parameter(description = "Has had this MAC address (colons or dashes)") String mac,
            @QueryParam("name") @Parameter(description = "Name contains this, ignoring case") String name,
            @QueryParam("kind") @Parameter(description = "Of this kind (code list asset-kind)") String kind,
            @QueryParam("cursor") @Parameter(description = "From the previous page's cursor") String cursor,
            @QueryParam("limit") @DefaultValue("" + RecordPaging.DEFAULT_LIMIT) @Parameter(description = "Page size, 1 to 1000")
            int limit) {
        return RecordPaging.page(records, RecordKind.ASSET,
                RecordPaging.filters("ip", ip, "mac", mac, "name", name, "kind", kind), cursor, limit,
                uriInfo.getBaseUriBuilder().path(AssetResource.class));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read one asset with its history")
    @APIResponse(responseCode = "200", description = "The asset",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordDocument.class)))
    @APIResponse(responseCode = "404", description = "No asset has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RecordView byId(@PathParam("id") String id) {
        return records.byId(RecordKind.ASSET, id).orElseThrow(() -> new NotFoundException("No asset has the id " + id));
    }
}
