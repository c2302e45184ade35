package org.hutong.function.application;

import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.hutong.function.domain.Invocation;
import org.hutong.function.domain.InvocationEvent;
import org.hutong.function.domain.InvocationTarget;

/**
 * An invocation as the function interface hands it out.
 *
 * @param id the hub's id of the invocation: {@code GET /api/v1/invocations/{id}}
 * @param function the catalog function
 * @param target {@code all} or the product asked for
 * @param status running, succeeded, partially_succeeded, failed or timed_out
 * @param targets one entry per product the command went to
 * @param events what happened, oldest first; only when one invocation is read
 */
@JsonbPropertyOrder({"id", "function", "target", "arguments", "status", "requestedBy", "createdAt", "deadline",
        "completedAt", "targets", "events"})
public record InvocationView(String id, String function, String target, JsonObject arguments, String status,
        String requestedBy, Instant createdAt, Instant deadline, Instant completedAt, List<Target> targets,
        List<Event> events) {

    /**
     * One product's part.
     *
     * @param requestId correlates the command with the product's result
     * @param status pending, dispatched, accepted, succeeded, failed or timed_out
     * @param result what the product reported, when it did
     */
    @JsonbPropertyOrder({"product", "requestId", "status", "updatedAt", "result", "error"})
    public record Target(String product, String requestId, String status, Instant updatedAt, JsonObject result,
            String error) {
    }

    /** One event of the invocation. */
    @JsonbPropertyOrder({"at", "kind", "product", "requestId", "detail"})
    public record Event(Instant at, String kind, String product, String requestId, String detail) {
    }

    public boolean isFinal() {
        return !"running".equals(status);
    }

    static InvocationView of(Invocation invocation, List<InvocationEvent> events) {
        return new InvocationView(invocation.invocationId(), invocation.functionId(), invocation.target(),
                parse(invocation.argumentsJson()), invocation.status().wireName(), invocation.requestedBy(),
                invocation.createdAt(), invocation.deadline(), invocation.completedAt().orElse(null),
                invocation.targets().stream().map(InvocationView::target).toList(),
                events == null ? null : events.stream().map(event -> new Event(event.occurredAt(), event.kind(),
                        event.productId().orElse(null), event.requestId().orElse(null), event.detail().orElse(null)))
                        .toList());
    }

    private static Target target(InvocationTarget target) {
        return new Target(target.productId(), target.requestId(), target.status().wireName(), target.updatedAt(),
                target.resultJson().map(InvocationView::parse).orElse(null), target.error().orElse(null));
    }

    static JsonObject parse(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
