package org.hutong.function.interfaces.rest;

import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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
import org.hutong.function.application.FunctionCatalog;
import org.hutong.function.domain.FunctionType;
import org.hutong.shared.interfaces.rest.InvalidRequestException;
import org.hutong.shared.interfaces.rest.Problem;
import org.hutong.shared.domain.Roles;

/** The function catalog: identify, protect, monitor and dispose functions with their argument schemas. */
@Path("/functions")
@Tag(name = "functions")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR, Roles.PRODUCT})
public class FunctionResource {

    @Inject
    FunctionCatalog catalog;

    @GET
    @Operation(summary = "List the catalog's functions", description = "Each with its type, the information types "
            + "it consumes and produces, and the JSON Schema (2020-12) its arguments must follow.")
    public JsonObject list(@QueryParam("type") @Parameter(description = "identify, protect, monitor or dispose") String type) {
        Optional<FunctionType> wanted = Optional.ofNullable(type).filter(t -> !t.isBlank())
                .map(t -> FunctionType.fromWireName(t).orElseThrow(() -> new InvalidRequestException(List.of(
                        Problem.ProblemViolation.atParameter("type", "must be identify, protect, monitor or dispose")))));
        JsonArrayBuilder items = JSON.createArrayBuilder();
        catalog.all().stream().filter(function -> wanted.map(t -> t == function.type()).orElse(true))
                .map(FunctionCatalog::toJson).forEach(items::add);
        return JSON.createObjectBuilder().add("items", items).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read one function of the catalog")
    public JsonObject byId(@PathParam("id") String id) {
        return catalog.find(id).map(FunctionCatalog::toJson)
                .orElseThrow(() -> new NotFoundException("No function " + id + " in the catalog"));
    }
}
