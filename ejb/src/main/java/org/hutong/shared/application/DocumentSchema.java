package org.hutong.shared.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.ArrayList;
import java.util.List;
import org.hutong.shared.domain.Violation;

/**
 * One self-contained JSON Schema (draft 2020-12) read from the class path — nothing is fetched over the
 * network — that checks documents people write (linkage rules, playbooks) and says what is wrong by JSON
 * Pointer, every violation at once.
 */
public final class DocumentSchema {

    private final Schema schema;
    private final ObjectMapper mapper = new ObjectMapper();
    private final String kind;

    /**
     * @param id the schema's {@code $id}
     * @param resource where it is on the class path
     * @param kind what a document is, for messages ("a linkage rule")
     */
    public DocumentSchema(String id, String resource, String kind) {
        this.kind = kind;
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> {
            builder.schemaRegistryConfig(config);
            builder.resourceLoaders(loaders -> loaders.add(iri -> id.equals(iri.toString())
                    ? () -> DocumentSchema.class.getClassLoader().getResourceAsStream(resource)
                    : null));
        });
        schema = registry.getSchema(SchemaLocation.of(id));
        schema.initializeValidators();
    }

    /** The violations of {@code document}; a missing or unknown member is named in its pointer. */
    public List<Violation> violations(String document) {
        List<Violation> violations = new ArrayList<>();
        JsonNode node;
        try {
            node = mapper.readTree(document == null ? "" : document);
        } catch (JsonProcessingException e) {
            violations.add(new Violation("", kind + " is a JSON object"));
            return violations;
        }
        if (node == null || !node.isObject()) {
            violations.add(new Violation("", kind + " is a JSON object"));
            return violations;
        }
        for (Error error : schema.validate(node)) {
            String at = error.getInstanceLocation().toString();
            if ("required".equals(error.getKeyword()) || "additionalProperties".equals(error.getKeyword())) {
                violations.add(new Violation(at + "/" + error.getProperty(), "required".equals(error.getKeyword())
                        ? "is required" : "is not a member of " + kind + " here"));
            } else {
                violations.add(new Violation(at, error.getMessage()));
            }
        }
        return violations;
    }
}
