package org.hutong.function.application;

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
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hutong.function.domain.FunctionDefinition;
import org.hutong.function.domain.FunctionType;
import org.hutong.information.application.DescriptionCatalog;
import org.hutong.shared.domain.Violation;

/**
 * The function catalog ({@code functions/catalog.json}) with a compiled validator for every
 * function's arguments. Argument schemas may refer to the information description's common
 * definitions (IP addresses, asset references), resolved locally, never over the network.
 */
public final class FunctionCatalog {

    public static final String ARGUMENTS_BASE_URI = "https://hutong.org/schemas/1.0/functions/";
    private static final String RESOURCE = "functions/catalog.json";

    private final Map<String, FunctionDefinition> functions;
    private final Map<String, Schema> validators = new LinkedHashMap<>();
    private final ObjectMapper mapper = new ObjectMapper();

    private FunctionCatalog(Map<String, FunctionDefinition> functions, DescriptionCatalog descriptions) {
        this.functions = functions;
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER).formatAssertionsEnabled(true).build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> {
            builder.schemaRegistryConfig(config);
            builder.resourceLoaders(loaders -> loaders.add(iri -> source(iri.toString(), descriptions)));
        });
        functions.keySet().forEach(id -> {
            Schema schema = registry.getSchema(SchemaLocation.of(argumentsUri(id)));
            schema.initializeValidators();
            validators.put(id, schema);
        });
    }

    public static FunctionCatalog load(ClassLoader resources, DescriptionCatalog descriptions) {
        try (InputStream in = resources.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the function catalog " + RESOURCE + " is missing");
            }
            try (JsonReader reader = JSON.createReader(in)) {
                Map<String, FunctionDefinition> functions = new LinkedHashMap<>();
                for (JsonObject json : reader.readObject().getJsonArray("functions").getValuesAs(JsonObject.class)) {
                    FunctionDefinition function = new FunctionDefinition(json.getString("id"),
                            FunctionType.fromWireName(json.getString("type")).orElseThrow(
                                    () -> new IllegalStateException("unknown function type in " + json.getString("id"))),
                            json.getString("title"), json.getString("description"),
                            strings(json, "consumes"), strings(json, "produces"), json.getJsonObject("arguments"));
                    if (functions.put(function.id(), function) != null) {
                        throw new IllegalStateException("function " + function.id() + " is in the catalog twice");
                    }
                }
                return new FunctionCatalog(Map.copyOf(functions), descriptions);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<FunctionDefinition> all() {
        return functions.values().stream().sorted(Comparator.comparing(FunctionDefinition::id)).toList();
    }

    public Optional<FunctionDefinition> find(String id) {
        return Optional.ofNullable(functions.get(id));
    }

    /** The schema violations of {@code arguments} for function {@code id}, each with a JSON Pointer. */
    public List<Violation> validateArguments(String id, JsonObject arguments) {
        Schema schema = validators.get(id);
        if (schema == null) {
            throw new IllegalArgumentException("no function " + id);
        }
        JsonNode node;
        try {
            node = mapper.readTree(arguments.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Violation> violations = new ArrayList<>();
        for (Error error : schema.validate(node)) {
            String at = error.getInstanceLocation().toString();
            if ("required".equals(error.getKeyword())) {
                violations.add(new Violation(at + "/" + error.getProperty(), "is required"));
            } else if ("additionalProperties".equals(error.getKeyword())) {
                violations.add(new Violation(at + "/" + error.getProperty(), "is not an argument of " + id));
            } else {
                violations.add(new Violation(at, error.getMessage()));
            }
        }
        return violations;
    }

    public static String argumentsUri(String functionId) {
        return ARGUMENTS_BASE_URI + functionId + ".arguments.schema.json";
    }

    private InputStreamSource source(String uri, DescriptionCatalog descriptions) {
        if (uri.startsWith(ARGUMENTS_BASE_URI)) {
            String id = uri.substring(ARGUMENTS_BASE_URI.length()).replace(".arguments.schema.json", "");
            FunctionDefinition function = functions.get(id);
            if (function == null) {
                return null;
            }
            JsonObject schema = JSON.createObjectBuilder(function.arguments())
                    .add("$schema", "https://json-schema.org/draft/2020-12/schema")
                    .add("$id", uri).build();
            return bytes(schema.toString());
        }
        if (uri.startsWith(DescriptionCatalog.SCHEMA_BASE_URI) && uri.endsWith(".schema.json")) {
            String name = uri.substring(DescriptionCatalog.SCHEMA_BASE_URI.length(), uri.length() - ".schema.json".length());
            return descriptions.schema(name).map(FunctionCatalog::bytes).orElse(null);
        }
        return null;
    }

    private static InputStreamSource bytes(String text) {
        return () -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> strings(JsonObject json, String member) {
        return json.getJsonArray(member).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    /** The catalog entry as JSON, with the arguments schema's id filled in. */
    public static JsonObject toJson(FunctionDefinition function) {
        return JSON.createObjectBuilder()
                .add("id", function.id()).add("type", function.type().wireName())
                .add("title", function.title()).add("description", function.description())
                .add("consumes", JSON.createArrayBuilder(function.consumes()))
                .add("produces", JSON.createArrayBuilder(function.produces()))
                .add("arguments", JSON.createObjectBuilder(function.arguments())
                        .add("$schema", "https://json-schema.org/draft/2020-12/schema")
                        .add("$id", argumentsUri(function.id())))
                .build();
    }
}
