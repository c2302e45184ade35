package org.hutong.information.application;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hutong.information.domain.CodeList;

/**
 * The information description as data: the JSON Schemas ({@code schemas/<name>.schema.json})
 * and the code lists ({@code codelists/<name>.json}) shipped with the hub. Loaded once; immutable.
 */
public final class DescriptionCatalog {

    /** The schemas, in the order they are listed: the envelope, the six bodies, shared definitions. */
    public static final List<String> SCHEMAS = List.of("envelope", "behavior", "alert", "asset", "vulnerability",
            "threat", "incident", "common");
    public static final String SCHEMA_BASE_URI = "https://hutong.org/schemas/1.0/";

    private static final List<String> CODE_LISTS = List.of(CodeList.INCIDENT_CATEGORY, CodeList.INCIDENT_GRADE,
            CodeList.INCIDENT_STATUS, CodeList.VULNERABILITY_GRADE, CodeList.VULNERABILITY_CLASS,
            CodeList.PRODUCT_CATEGORY, CodeList.ALERT_SEVERITY, CodeList.ASSET_KIND);

    private final Map<String, String> schemas;
    private final Map<String, CodeList> codeLists;

    private DescriptionCatalog(Map<String, String> schemas, Map<String, CodeList> codeLists) {
        this.schemas = schemas;
        this.codeLists = codeLists;
    }

    public static DescriptionCatalog load(ClassLoader resources) {
        Map<String, String> schemas = new LinkedHashMap<>();
        for (String name : SCHEMAS) {
            schemas.put(name, read(resources, "schemas/" + name + ".schema.json"));
        }
        Map<String, CodeList> codeLists = new LinkedHashMap<>();
        try (Jsonb jsonb = JsonbBuilder.create()) {
            for (String name : CODE_LISTS) {
                CodeList list = jsonb.fromJson(read(resources, "codelists/" + name + ".json"), CodeList.class);
                if (!name.equals(list.name())) {
                    throw new IllegalStateException("codelists/" + name + ".json names itself " + list.name());
                }
                codeLists.put(name, list);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the code lists", e);
        }
        return new DescriptionCatalog(Map.copyOf(schemas), Map.copyOf(codeLists));
    }

    /** The JSON text of a schema: {@code envelope}, a type's wire name, or {@code common}. */
    public Optional<String> schema(String name) {
        return Optional.ofNullable(schemas.get(name));
    }

    public Optional<CodeList> codeList(String name) {
        return Optional.ofNullable(codeLists.get(name));
    }

    public List<CodeList> codeLists() {
        return CODE_LISTS.stream().map(codeLists::get).toList();
    }

    /** A code list that must exist: the ones the hub validates against. */
    public CodeList required(String name) {
        return codeList(name).orElseThrow(() -> new IllegalStateException("no code list " + name));
    }

    private static String read(ClassLoader resources, String path) {
        try (InputStream in = resources.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
