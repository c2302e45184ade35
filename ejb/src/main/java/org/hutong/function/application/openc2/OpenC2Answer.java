package org.hutong.function.application.openc2;

import jakarta.json.JsonObject;

/**
 * What goes back to an OpenC2 producer.
 *
 * @param httpStatus the HTTP status of the answer (the OpenC2 status, or 202 for 102 Processing)
 * @param message the OpenC2 response message: headers and the response body
 */
public record OpenC2Answer(int httpStatus, JsonObject message) {
}
