package org.hutong.information.application;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
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
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hutong.shared.domain.Violation;

/**
 * Validates envelope text against the published JSON Schemas (draft 2020-12): the envelope
 * schema selects the body schema of the envelope's type. Built once; safe to share.
 */
final class InformationValidator {

    /** Deeper than any information body needs; each level costs the validator and the canonical form. */
    static final int MAX_NESTING_DEPTH = 32;
    /** One string of an envelope; the envelope itself is at most 1 MiB. */
    static final int MAX_STRING_LENGTH = 256 * 1024;
    /** Digits and signs of one number: a double needs 25 at most, exponents included. */
    static final int MAX_NUMBER_LENGTH = 100;
    static final int MAX_NAME_LENGTH = 1024;

    // Exact decimals (content hashes depend on them), no silently ignored trailing text, and input
    // that costs the parser far more than its size refused while it is read.
    private final ObjectMapper mapper = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxNameLength(MAX_NAME_LENGTH)
                    .build())
            .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final Schema envelope;

    InformationValidator(DescriptionCatalog catalog) {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> {
            builder.schemaRegistryConfig(config);
            // Schemas come from the catalog, never from the network.
            builder.resourceLoaders(loaders -> loaders.add(iri -> {
                String uri = iri.toString();
                if (!uri.startsWith(DescriptionCatalog.SCHEMA_BASE_URI) || !uri.endsWith(".schema.json")) {
                    return null;
                }
                String name = uri.substring(DescriptionCatalog.SCHEMA_BASE_URI.length(),
                        uri.length() - ".schema.json".length());
                return catalog.schema(name)
                        .map(text -> (InputStreamSource) () -> new ByteArrayInputStream(
                                text.getBytes(StandardCharsets.UTF_8)))
                        .orElse(null);
            }));
        });
        envelope = registry.getSchema(SchemaLocation.of(DescriptionCatalog.SCHEMA_BASE_URI + "envelope.schema.json"));
        envelope.initializeValidators();
    }

    /** Parses {@code text} as JSON, or reports why it is not. */
    JsonNode read(String text) throws JsonProcessingException {
        return mapper.readTree(text);
    }

    /** Every schema violation, each with a JSON Pointer to the offending member. */
    List<Violation> validate(JsonNode document) {
        List<Violation> violations = new ArrayList<>();
        for (Error error : envelope.validate(document)) {
            String at = error.getInstanceLocation().toString();
            String keyword = error.getKeyword();
            if ("required".equals(keyword)) {
                violations.add(new Violation(at + "/" + escape(error.getProperty()), "is required"));
            } else if ("additionalProperties".equals(keyword)) {
                violations.add(new Violation(at + "/" + escape(error.getProperty()),
                        "is not a member the information description defines here"));
            } else {
                violations.add(new Violation(at, error.getMessage()));
            }
        }
        return violations;
    }

    private static String escape(String member) {
        return member.replace("~", "~0").replace("/", "~1");
    }
}
