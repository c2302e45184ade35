package org.hutong.security.interfaces;

import jakarta.json.Json;

/** The problem+json bodies of 401 and 403, written outside JAX-RS (authentication happens before it). */
final class SecurityProblems {

    private SecurityProblems() {
    }

    static String unauthorized(String detail) {
        return Json.createObjectBuilder()
                .add("type", "https://hutong.org/problems/unauthorized")
                .add("title", "Unauthorized")
                .add("status", 401)
                .add("detail", detail)
                .build().toString();
    }
}
