package org.hutong.security.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hutong.security.application.HubSigningKey;
import org.hutong.shared.domain.Roles;

/** The public key of the hub's signatures on the commands and callbacks it POSTs, as a JWK Set. */
@Path("/hub/keys")
@Tag(name = "hub")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR, Roles.PRODUCT})
public class HubKeyResource {

    static final String JWK_SET = "application/jwk-set+json";

    @Inject
    HubSigningKey signingKey;

    @GET
    @Produces({JWK_SET, "application/json"})
    @Operation(summary = "The hub's signing key (ES256): verify X-Hutong-Signature on commands and callbacks with it")
    public JsonObject keys() {
        return signingKey.jwkSet();
    }
}
