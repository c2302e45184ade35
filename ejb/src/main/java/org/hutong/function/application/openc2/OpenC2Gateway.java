package org.hutong.function.application.openc2;

import static org.hutong.shared.domain.JsonApi.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import com.networknt.schema.resource.InputStreamSource;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hutong.function.application.InvocationRefusedException;
import org.hutong.function.application.InvocationRequest;
import org.hutong.function.application.InvocationView;
import org.hutong.function.application.Invocations;
import org.hutong.function.domain.Invocation;
import org.hutong.registry.application.Providers;
import org.hutong.shared.application.TransientFailures;

/**
 * The OpenC2 consumer the hub presents at {@code /.well-known/openc2}: validates a request message
 * (or a bare command), translates it, invokes the catalog function on the actuator named in
 * {@code to} (else on every active provider; an actuator that is not registered is a 404), and answers
 * with an OpenC2 response. The invocation is the authenticated caller's; {@code from} is recorded as a claim.
 */
@ApplicationScoped
public class OpenC2Gateway {

    public static final String MEDIA_TYPE = "application/openc2+json;version=1.0";
    private static final Logger LOG = Logger.getLogger(OpenC2Gateway.class.getName());
    private static final String BASE = "https://hutong.org/schemas/openc2/1.0/";

    @EJB
    Invocations invocations;

    @Inject
    Providers products;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "hutong.openc2.wait", defaultValue = "PT10S")
    Duration wait;

    @Inject
    @ConfigProperty(name = "hutong.openc2.timeout", defaultValue = "PT30S")
    Duration timeout;

    @Inject
    @ConfigProperty(name = "hutong.openc2.rate.limit", defaultValue = "600")
    int rateLimit;

    @Inject
    @ConfigProperty(name = "hutong.openc2.consumer.id", defaultValue = "hutong")
    String consumerId;

    private final ObjectMapper mapper = new ObjectMapper();
    private Schema messageSchema;
    private Schema commandSchema;

    @PostConstruct
    void compileSchemas() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true).build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> {
            builder.schemaRegistryConfig(config);
            builder.resourceLoaders(loaders -> loaders.add(iri -> {
                String uri = iri.toString();
                if (!uri.startsWith(BASE)) {
                    return null;
                }
                String resource = "openc2/" + uri.substring(BASE.length());
                return (InputStreamSource) () -> {
                    InputStream in = OpenC2Gateway.class.getClassLoader().getResourceAsStream(resource);
                    if (in == null) {
                        throw new IOException("no " + resource);
                    }
                    return in;
                };
            }));
        });
        messageSchema = registry.getSchema(SchemaLocation.of(BASE + "message.schema.json"));
        commandSchema = registry.getSchema(SchemaLocation.of(BASE + "command.schema.json"));
        messageSchema.initializeValidators();
        commandSchema.initializeValidators();
    }

    /**
     * Handles one request.
     *
     * @param text the HTTP body
     * @param httpHeaders request_id, created, from and to given as HTTP headers (used when the message has none)
     */
    public OpenC2Answer handle(String text, Map<String, String> httpHeaders) {
        JsonObject message;
        JsonNode tree;
        try (JsonReader reader = JSON.createReader(new StringReader(text == null ? "" : text))) {
            message = reader.readObject();
            tree = mapper.readTree(text);
        } catch (RuntimeException | IOException e) {
            return answer(400, "Bad Request: the body is not a JSON object", null, headers(null, httpHeaders));
        }
        boolean bare = message.containsKey("action");
        List<String> violations = violations(bare ? commandSchema : messageSchema, tree);
        Headers headers = headers(bare ? null : message.getJsonObject("headers"), httpHeaders);
        if (!violations.isEmpty()) {
            return answer(400, "Bad Request: " + String.join("; ", violations), null, headers);
        }
        JsonObject command = bare ? message : message.getJsonObject("body").getJsonObject("openc2").getJsonObject("request");
        Translation translation = CommandTranslator.translate(command);
        if (translation instanceof Translation.QueryFeatures query) {
            return answer(200, "OK", features(query.features()), headers);
        }
        if (translation instanceof Translation.NotImplemented notImplemented) {
            return answer(501, "Not Implemented: " + notImplemented.reason(), null, headers);
        }
        Translation.Invoke invoke = (Translation.Invoke) translation;
        return invoke(invoke, command, headers);
    }

    private OpenC2Answer invoke(Translation.Invoke invoke, JsonObject command, Headers headers) {
        String responseRequested = command.containsKey("args")
                ? command.getJsonObject("args").getString("response_requested", "complete") : "complete";
        // An actuator named in "to" must exist: a typo must never widen a command to every provider.
        List<String> unknown = headers.to().stream().filter(id -> products.find(id).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            return answer(404, "Not Found: no registered actuator " + String.join(", ", unknown), null, headers);
        }
        if (headers.to().size() > 1) {
            return answer(501, "Not Implemented: name one actuator in \"to\", or none for every provider", null,
                    headers);
        }
        String target = headers.to().isEmpty() ? Invocation.ALL : headers.to().get(0);
        InvocationView started;
        try {
            InvocationRequest request = new InvocationRequest(invoke.function(), target, invoke.arguments(), timeout,
                    null, headers.from().orElse(null));
            started = TransientFailures.retrying(() -> invocations.invoke(request));
        } catch (InvocationRefusedException e) {
            return e.invalid()
                    ? answer(400, "Bad Request: " + e.getMessage(), null, headers)
                    : answer(501, "Not Implemented: " + e.getMessage(), null, headers);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "OpenC2 command failed", e);
            return answer(500, "Internal Error", null, headers);
        }
        InvocationView current = started;
        if ("complete".equals(responseRequested) || "status".equals(responseRequested)) {
            Instant until = clock.instant().plus(wait);
            while (!current.isFinal() && clock.instant().isBefore(until)) {
                sleep();
                current = invocations.find(started.id()).orElse(current);
            }
        }
        JsonObject results = JSON.createObjectBuilder().add("x-hutong", JSON.createObjectBuilder()
                .add("invocation", current.id()).add("function", current.function()).add("status", current.status())
                .add("targets", targets(current))).build();
        return switch (current.status()) {
            case "succeeded" -> answer(200, "OK", results, headers);
            case "partially_succeeded" -> answer(200, "OK: not every actuator succeeded", results, headers);
            case "failed" -> answer(500, "Internal Error: the actuators reported failure", results, headers);
            case "timed_out" -> answer(503, "Service Unavailable: no actuator answered in time", results, headers);
            default -> answer(102, "Processing", results, headers);
        };
    }

    private static JsonArrayBuilder targets(InvocationView invocation) {
        JsonArrayBuilder targets = JSON.createArrayBuilder();
        invocation.targets().forEach(target -> targets.add(JSON.createObjectBuilder().add("actuator", target.product())
                .add("status", target.status())));
        return targets;
    }

    /** versions, profiles, pairs and rate_limit; pairs only where some active product can act. */
    private JsonObject features(List<String> requested) {
        JsonObjectBuilder results = JSON.createObjectBuilder();
        for (String feature : requested) {
            switch (feature) {
                case "versions" -> results.add("versions", JSON.createArrayBuilder().add("1.0"));
                case "profiles" -> results.add("profiles", JSON.createArrayBuilder().add("slpf").add("er"));
                case "rate_limit" -> results.add("rate_limit", rateLimit);
                case "pairs" -> results.add("pairs", pairs());
                default -> {
                    // the schema allows only the four features
                }
            }
        }
        return results.build();
    }

    private JsonObject pairs() {
        Set<String> provided = products.functionsProvided();
        JsonObjectBuilder pairs = JSON.createObjectBuilder();
        CommandTranslator.PAIRS.forEach((action, targets) -> {
            List<String> available = targets.entrySet().stream()
                    .filter(entry -> "-".equals(entry.getValue()) || provided.contains(entry.getValue()))
                    .map(Map.Entry::getKey).sorted().toList();
            if (!available.isEmpty()) {
                pairs.add(action, JSON.createArrayBuilder(available));
            }
        });
        return pairs.build();
    }

    private OpenC2Answer answer(int status, String text, JsonObject results, Headers headers) {
        JsonObjectBuilder response = JSON.createObjectBuilder().add("status", status).add("status_text", text);
        if (results != null) {
            response.add("results", results);
        }
        JsonObjectBuilder responseHeaders = JSON.createObjectBuilder()
                .add("created", clock.instant().toEpochMilli()).add("from", consumerId);
        headers.requestId().ifPresent(id -> responseHeaders.add("request_id", id));
        headers.from().ifPresent(from -> responseHeaders.add("to", JSON.createArrayBuilder().add(from)));
        JsonObject message = JSON.createObjectBuilder().add("headers", responseHeaders)
                .add("body", JSON.createObjectBuilder().add("openc2", JSON.createObjectBuilder().add("response", response)))
                .build();
        return new OpenC2Answer(status == 102 ? 202 : status, message);
    }

    private List<String> violations(Schema schema, JsonNode tree) {
        List<String> violations = new ArrayList<>();
        for (Error error : schema.validate(tree)) {
            String at = error.getInstanceLocation().toString();
            violations.add((at.isEmpty() ? "/" : at) + " " + error.getMessage());
        }
        return violations;
    }

    private record Headers(Optional<String> requestId, Optional<String> from, List<String> to) {
    }

    private static Headers headers(JsonObject inMessage, Map<String, String> http) {
        if (inMessage != null) {
            return new Headers(Optional.ofNullable(inMessage.getString("request_id", null)),
                    Optional.ofNullable(inMessage.getString("from", null)),
                    inMessage.containsKey("to") ? inMessage.getJsonArray("to").getValuesAs(JsonString.class)
                            .stream().map(JsonString::getString).toList() : List.of());
        }
        return new Headers(Optional.ofNullable(http.get("request_id")), Optional.ofNullable(http.get("from")),
                Optional.ofNullable(http.get("to")).map(to -> List.of(to.split("\\s*,\\s*"))).orElse(List.of()));
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
