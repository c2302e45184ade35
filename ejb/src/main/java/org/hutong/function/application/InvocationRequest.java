package org.hutong.function.application;

import jakarta.json.JsonObject;
import java.time.Duration;

/**
 * What a caller asks for.
 *
 * @param function the catalog function's id
 * @param target a product id, or {@code all}
 * @param arguments the function's arguments, checked against its schema
 * @param timeout how long the products have to report an outcome
 * @param callbackUrl where to POST the invocation once it has ended, if the caller wants that
 * @param onBehalfOf whom the message says it comes from (OpenC2 {@code from}), or {@code null}: a claim kept in
 *        the audit record, never the actor, who is always the authenticated caller
 */
public record InvocationRequest(String function, String target, JsonObject arguments, Duration timeout,
        String callbackUrl, String onBehalfOf) {
}
