package org.hutong.information.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hutong.information.application.InformationDescriptions;
import org.hutong.information.domain.CodeList;
import org.hutong.shared.interfaces.rest.Problem;
import org.hutong.shared.domain.Roles;

/** The information description: JSON Schemas and code lists, as every channel validates against them. */
@Path("/")
@Tag(name = "information description")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR, Roles.PRODUCT})
public class DescriptionResource {

    static final String SCHEMA_JSON = "application/schema+json";

    /** One published schema or code list, with where to read it. */
    @Schema(name = "DescriptionLink")
    public record Link(String name, String title, String href) {
    }

    @EJB
    InformationDescriptions descriptions;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("schemas")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List the JSON Schemas (draft 2020-12) of the envelope and the six information types")
    public List<Link> schemas() {
        return descriptions.schemaNames().stream()
                .map(name -> new Link(name, name + " schema",
                        uriInfo.getBaseUriBuilder().path("schemas").path(name).build().toString()))
                .toList();
    }

    @GET
    @Path("schemas/{name}")
    @Produces({SCHEMA_JSON, MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "One JSON Schema: envelope, behavior, alert, asset, vulnerability, threat, incident or common")
    @APIResponse(responseCode = "200", description = "The schema", content = @Content(mediaType = SCHEMA_JSON))
    @APIResponse(responseCode = "404", description = "No such schema",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response schema(@PathParam("name") String name) {
        String schema = descriptions.schema(name)
                .orElseThrow(() -> new NotFoundException("No schema is named " + name));
        return Response.ok(schema, SCHEMA_JSON).build();
    }

    @GET
    @Path("codelists")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List the code lists (GB/T 20986, 30279, 25066 and Hutong's own)")
    public List<Link> codeLists() {
        return descriptions.codeLists().stream()
                .map(list -> new Link(list.name(), list.title() + " (" + list.source() + ")",
                        uriInfo.getBaseUriBuilder().path("codelists").path(list.name()).build().toString()))
                .toList();
    }

    @GET
    @Path("codelists/{name}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "One code list: every entry's code, Chinese name and English label")
    @APIResponse(responseCode = "200", description = "The code list",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CodeListDocument.class)))
    @APIResponse(responseCode = "404", description = "No such code list",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CodeList codeList(@PathParam("name") String name) {
        return descriptions.codeList(name).orElseThrow(() -> new NotFoundException("No code list is named " + name));
    }
}
