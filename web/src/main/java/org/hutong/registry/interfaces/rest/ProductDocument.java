package org.hutong.registry.interfaces.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A product's registration as it is sent: {@code POST /products} (with {@code id}) and
 * {@code PUT /products/{id}} (optionally with {@code status}).
 */
@Schema(name = "ProductRegistration")
public record ProductDocument(
        @Schema(description = "The product's id: lower-case letters, digits, dashes; its queue is hutong.function.<id>",
                pattern = "^[a-z0-9][a-z0-9-]{0,62}$") String id,
        @Schema(required = true, maxLength = 256) String vendor,
        @Schema(required = true, maxLength = 256) String name,
        @Schema(required = true, maxLength = 64) String version,
        @Schema(required = true, description = "GB/T 25066-2020 category (code list product-category)") String category,
        @Schema(description = "Catalog functions it provides, e.g. protect.block-ip") List<String> functions,
        @Schema(description = "Information types it publishes") List<String> publishes,
        @Schema(description = "Information types it subscribes to") List<String> subscribes,
        @Schema(required = true) Commands commands,
        @Schema(description = "PUT only: active or suspended", enumeration = {"active", "suspended"}) String status,
        @Schema(description = "Its signing key; with required=true its unsigned envelopes are refused") Signing signing,
        @Schema(description = "HTTP requests per second it may make (default: the server's "
                + "hutong.security.rate.limit)", minimum = "1") Integer rateLimit) {

    /** How the product signs envelopes: detached JWS over the canonical envelope without 'signature'. */
    @Schema(name = "ProductSigning")
    public record Signing(
            @Schema(required = true, enumeration = {"ES256", "RS256", "SM2"}) String algorithm,
            @Schema(required = true, description = "PEM public key or X.509 certificate") String publicKey,
            @Schema(description = "Refuse its unsigned envelopes") boolean required) {
    }

    /**
     * How the product takes commands.
     *
     * @param channel jms: its queue hutong.function.&lt;id&gt;; https: POSTs to {@code url}
     * @param url its callback for commands, for https
     */
    @Schema(name = "ProductCommands")
    public record Commands(
            @Schema(required = true, enumeration = {"jms", "https"}) String channel,
            @Schema(description = "Callback URL for the https channel") String url) {
    }
}
