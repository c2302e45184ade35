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

    static String tooManyRequests(String detail, String instance) {
        return Json.createObjectBuilder()
                .add("type", "https://hutong.org/problems/too-many-requests")
                .add("title", "Too Many Requests")
                .add("status", 429)
                .add("detail", detail)
                .add("instance", instance)
                .build().toString();
    }

    static String forbidden(String detail, String instance) {
        var problem = Json.createObjectBuilder()
                .add("type", "https://hutong.org/problems/forbidden")
                .add("title", "Forbidden")
                .add("status", 403)
                .add("detail", detail);
        if (instance != null) {
            problem.add("instance", instance);
        }
        return problem.build().toString();
    }
}
