package org.hutong.function.interfaces.rest;

import jakarta.json.JsonObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An invocation as a caller asks for it.
 *
 * @param function the catalog function, e.g. protect.block-ip
 * @param target a product id, or all: every active product that provides the function
 * @param arguments the function's arguments (its schema is at GET /functions/{id})
 * @param timeout ISO 8601 duration the products have to report, PT1S to PT24H; default PT30S
 * @param callback a URL the hub POSTs the invocation to once it has ended
 */
@Schema(name = "InvocationRequest")
public record InvocationDocument(
        @Schema(required = true, example = "protect.block-ip") String function,
        @Schema(required = true, example = "all", description = "A product id, or all") String target,
        @Schema(required = true, description = "Follows the function's argument schema") JsonObject arguments,
        @Schema(example = "PT30S", description = "PT1S to PT24H; default PT30S") String timeout,
        @Schema(format = "uri", description = "POSTed the invocation once it has ended") String callback) {
}
