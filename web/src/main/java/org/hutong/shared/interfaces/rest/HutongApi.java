package org.hutong.shared.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The hub's REST interface, version 1. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
        info = @Info(
                title = "Hutong interoperability hub",
                version = "1",
                description = "Exchange of interoperability information and invocation of interoperability "
                        + "functions between cybersecurity products (GB/T 44886.1-2024). Errors are "
                        + "application/problem+json (RFC 9457).",
                license = @License(name = "Proprietary")),
        tags = @Tag(name = "information", description = "Behaviour, alert, asset, vulnerability, threat and incident information"))
public class HutongApi extends Application {
}
