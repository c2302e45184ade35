package org.hutong.registry.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
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
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hutong.registry.application.ProductRegistry;
import org.hutong.registry.application.ProductView;
import org.hutong.registry.application.Registration;
import org.hutong.registry.domain.CommandChannel;
import org.hutong.registry.domain.ProductDescription;
import org.hutong.registry.domain.ProductStatus;
import org.hutong.security.domain.SigningPolicy;
import org.hutong.shared.application.TransientFailures;
import org.hutong.shared.interfaces.rest.InvalidRequestException;
import org.hutong.shared.interfaces.rest.Problem;
import org.hutong.shared.domain.Roles;

/** The product registry. */
@Path("/products")
@Tag(name = "registry")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
public class ProductResource {

    private static final Jsonb JSON = JsonbBuilder.create();

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    @EJB
    ProductRegistry registry;

    @Context
    UriInfo uriInfo;

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a product", description = "Creates its command queue hutong.function.<id> "
            + "when it takes commands over JMS. The product starts active.")
    @APIResponse(responseCode = "201", description = "Registered; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "400", description = "Invalid: every violation is listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The id is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(ProductDocument document) {
        ProductDescription description = description(document);
        Registration registration = TransientFailures.retrying(() -> registry.register(document.id(), description));
        ProductView product = registration.product();
        // The broker password is shown once, in this answer; the hub keeps no copy.
        JsonObject body = Json.createObjectBuilder(JSON.fromJson(JSON.toJson(product), JsonObject.class))
                .add("broker", JSON.fromJson(JSON.toJson(registration.broker()), JsonObject.class)).build();
        return Response.created(uriInfo.getBaseUriBuilder().path(ProductResource.class).path(product.id()).build())
                .type(MediaType.APPLICATION_JSON).entity(body.toString()).build();
    }

    @GET
    @Operation(summary = "List products by id, with filters", description = "Follow 'next' for the following page.")
    public ProductPage list(
            @QueryParam("function") @Parameter(description = "Provides this catalog function") String function,
            @QueryParam("category") @Parameter(description = "Of this GB/T 25066 category") String category,
            @QueryParam("status") @Parameter(description = "active, suspended or deregistered") String status,
            @QueryParam("after") @Parameter(description = "Only ids after this one (from 'next')") String after,
            @QueryParam("limit") @DefaultValue("" + DEFAULT_LIMIT) int limit) {
        List<Problem.ProblemViolation> violations = new ArrayList<>();
        Optional<ProductStatus> wanted = Optional.ofNullable(status).filter(s -> !s.isBlank())
                .map(s -> ProductStatus.fromWireName(s).orElse(null));
        if (status != null && !status.isBlank() && wanted.isEmpty()) {
            violations.add(Problem.ProblemViolation.atParameter("status", "must be active, suspended or deregistered"));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            violations.add(Problem.ProblemViolation.atParameter("limit", "must be between 1 and " + MAX_LIMIT));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        List<ProductView> items = registry.find(blankToNull(function), blankToNull(category), wanted.orElse(null),
                after, limit);
        String next = items.size() < limit ? null : uriInfo.getRequestUriBuilder()
                .replaceQueryParam("after", items.get(items.size() - 1).id()).build().toString();
        return new ProductPage(items, next);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a product")
    @APIResponse(responseCode = "404", description = "No such product",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProductView byId(@PathParam("id") String id) {
        return registry.find(id).orElseThrow(() -> notFound(id));
    }

    @RolesAllowed(Roles.ADMIN)
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a product's registration; 'status' active or suspended changes its status")
    @APIResponse(responseCode = "409", description = "The product is deregistered",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProductView update(@PathParam("id") String id, ProductDocument document) {
        ProductStatus status = null;
        if (document != null && document.status() != null) {
            status = ProductStatus.fromWireName(document.status()).filter(s -> s != ProductStatus.DEREGISTERED)
                    .orElseThrow(() -> new InvalidRequestException(List.of(Problem.ProblemViolation.atPointer("/status",
                            "must be active or suspended (DELETE deregisters)"))));
        }
        if (document != null && document.id() != null && !document.id().equals(id)) {
            throw new InvalidRequestException(List.of(Problem.ProblemViolation.atPointer("/id",
                    "must be the id in the path, or absent")));
        }
        return registry.update(id, description(document), status).orElseThrow(() -> notFound(id));
    }

    @RolesAllowed(Roles.ADMIN)
    @DELETE
    @Path("{id}")
    @Operation(summary = "Deregister a product: it gets no more commands and stays on record")
    public ProductView deregister(@PathParam("id") String id) {
        return registry.deregister(id).orElseThrow(() -> notFound(id));
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("{id}/broker-credentials")
    @Operation(summary = "Replace the product's broker password", description = "The new password is in this answer "
            + "only; the old one stops working at once.")
    public Registration.BrokerCredentials renewBrokerCredentials(@PathParam("id") String id) {
        return registry.renewBrokerCredentials(id).orElseThrow(() -> notFound(id));
    }

    @RolesAllowed(Roles.PRODUCT)
    @POST
    @Path("{id}/heartbeat")
    @Operation(summary = "Record that the product is alive",
            description = "A product silent for longer than hutong.registry.unreachable.after (default PT5M) is "
                    + "reported unreachable.")
    public ProductView heartbeat(@PathParam("id") String id) {
        return registry.heartbeat(id).orElseThrow(() -> notFound(id));
    }

    /** The description in {@code document}, or a 400 listing everything missing. */
    static ProductDescription description(ProductDocument document) {
        List<Problem.ProblemViolation> violations = new ArrayList<>();
        if (document == null) {
            throw new InvalidRequestException(List.of(Problem.ProblemViolation.atPointer("", "a registration is required")));
        }
        required(document.vendor(), "/vendor", 256, violations);
        required(document.name(), "/name", 256, violations);
        required(document.version(), "/version", 64, violations);
        required(document.category(), "/category", 100, violations);
        CommandChannel channel = null;
        if (document.commands() == null || document.commands().channel() == null) {
            violations.add(Problem.ProblemViolation.atPointer("/commands/channel", "is required: jms or https"));
        } else {
            try {
                channel = CommandChannel.valueOf(document.commands().channel().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                violations.add(Problem.ProblemViolation.atPointer("/commands/channel", "must be jms or https"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new ProductDescription(document.vendor(), document.name(), document.version(), document.category(),
                listOf(document.functions()), listOf(document.publishes()), listOf(document.subscribes()), channel,
                document.commands().url(), signing(document.signing()), document.rateLimit());
    }

    private static SigningPolicy signing(ProductDocument.Signing signing) {
        if (signing == null) {
            return null;
        }
        if (signing.algorithm() == null || signing.publicKey() == null) {
            throw new InvalidRequestException(List.of(Problem.ProblemViolation.atPointer("/signing",
                    "algorithm and publicKey are required")));
        }
        return new SigningPolicy(signing.algorithm(), signing.publicKey(), signing.required());
    }

    private static void required(String value, String pointer, int maxLength, List<Problem.ProblemViolation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(Problem.ProblemViolation.atPointer(pointer, "is required"));
        } else if (value.length() > maxLength) {
            violations.add(Problem.ProblemViolation.atPointer(pointer, "must be at most " + maxLength + " characters"));
        }
    }

    private static List<String> listOf(List<String> values) {
        return values == null ? List.of() : values;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("No product has the id " + id);
    }
}
