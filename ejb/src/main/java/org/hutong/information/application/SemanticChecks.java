package org.hutong.information.application;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hutong.information.domain.CodeList;
import org.hutong.shared.domain.InformationType;
import org.hutong.shared.domain.Violation;

/**
 * What a JSON Schema cannot say about a body that already matches its schema: references to
 * code-list entries, the order of times, identity rules and indicator formats.
 */
final class SemanticChecks {

    private static final Pattern IPV4 = Pattern.compile(
            "^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f:.]+$");
    private static final Pattern DOMAIN = Pattern.compile(
            "^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}\\.?$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,255}$");
    private static final Pattern CNNVD = Pattern.compile("^CNNVD-\\d{4}(\\d{2})-\\d+$");

    private final DescriptionCatalog catalog;

    SemanticChecks(DescriptionCatalog catalog) {
        this.catalog = catalog;
    }

    List<Violation> check(InformationType type, JsonObject body) {
        List<Violation> violations = new ArrayList<>();
        switch (type) {
            case ALERT -> {
                code(body, "category", CodeList.INCIDENT_CATEGORY, violations);
                ordered(body, "firstSeen", "lastSeen", violations);
                ids(body.getJsonArray("relatedVulnerabilities"), "/body/relatedVulnerabilities", violations);
            }
            case ASSET -> {
                code(body, "kind", CodeList.ASSET_KIND, violations);
                identity(body, violations);
                ordered(body, "firstDiscovered", "lastDiscovered", violations);
            }
            case VULNERABILITY -> {
                code(body, "class", CodeList.VULNERABILITY_CLASS, violations);
                code(body, "grade", CodeList.VULNERABILITY_GRADE, violations);
                ids(body.getJsonArray("ids"), "/body/ids", violations);
            }
            case THREAT -> {
                indicators(body.getJsonArray("indicators"), violations);
                ordered(body, "validFrom", "validUntil", violations);
            }
            case INCIDENT -> {
                incidentCategory(body, violations);
                code(body, "status", CodeList.INCIDENT_STATUS, violations);
                ordered(body, "startTime", "endTime", violations);
            }
            case BEHAVIOR -> {
                // The schema says everything a behaviour needs.
            }
        }
        return violations;
    }

    private void code(JsonObject body, String member, String list, List<Violation> violations) {
        string(body, member).filter(code -> !catalog.required(list).contains(code)).ifPresent(code ->
                violations.add(new Violation("/body/" + member,
                        "'" + code + "' is not in the code list " + list + " (GET /api/v1/codelists/" + list + ")")));
    }

    private void incidentCategory(JsonObject body, List<Violation> violations) {
        CodeList categories = catalog.required(CodeList.INCIDENT_CATEGORY);
        Optional<String> category = string(body, "category");
        category.ifPresent(code -> {
            if (categories.entry(code).filter(entry -> entry.parent() == null).isEmpty()) {
                violations.add(new Violation("/body/category", "'" + code
                        + "' is not a top-level category of the code list incident-category"));
            }
        });
        string(body, "subCategory").ifPresent(code -> {
            var entry = categories.entry(code);
            if (entry.isEmpty() || entry.get().parent() == null) {
                violations.add(new Violation("/body/subCategory",
                        "'" + code + "' is not a sub-category of the code list incident-category"));
            } else if (category.isPresent() && !entry.get().parent().equals(category.get())) {
                violations.add(new Violation("/body/subCategory",
                        "'" + code + "' is not a sub-category of '" + category.get() + "'"));
            }
        });
    }

    private static void identity(JsonObject body, List<Violation> violations) {
        if (body.containsKey("assetId")) {
            return;
        }
        JsonObject network = body.getJsonObject("network");
        boolean hasIp = network != null && network.containsKey("ips") && !network.getJsonArray("ips").isEmpty();
        boolean hasMac = network != null && network.containsKey("macs") && !network.getJsonArray("macs").isEmpty();
        if (!hasIp || !hasMac) {
            violations.add(new Violation("/body",
                    "an asset is identified by assetId, or by network.ips and network.macs together"));
        }
    }

    private static void ordered(JsonObject body, String earlier, String later, List<Violation> violations) {
        Optional<OffsetDateTime> from = string(body, earlier).flatMap(SemanticChecks::time);
        Optional<OffsetDateTime> to = string(body, later).flatMap(SemanticChecks::time);
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            violations.add(new Violation("/body/" + later, "must not be before " + earlier));
        }
    }

    private static void ids(JsonArray ids, String pointer, List<Violation> violations) {
        if (ids == null) {
            return;
        }
        for (int i = 0; i < ids.size(); i++) {
            var cnnvd = CNNVD.matcher(ids.getString(i, ""));
            if (cnnvd.matches()) {
                int month = Integer.parseInt(cnnvd.group(1));
                if (month < 1 || month > 12) {
                    violations.add(new Violation(pointer + "/" + i, "a CNNVD id is CNNVD-YYYYMM-NNNN with a month 01-12"));
                }
            }
        }
    }

    private static void indicators(JsonArray indicators, List<Violation> violations) {
        if (indicators == null) {
            return;
        }
        for (int i = 0; i < indicators.size(); i++) {
            JsonObject indicator = indicators.getJsonObject(i);
            String value = indicator.getString("value", "");
            String type = indicator.getString("type", "");
            boolean valid = switch (type) {
                case "ipv4" -> IPV4.matcher(value).matches();
                case "ipv6" -> value.contains(":") && IPV6.matcher(value).matches();
                case "domain" -> DOMAIN.matcher(value).matches();
                case "url" -> absoluteUri(value);
                case "md5" -> value.matches("^[0-9A-Fa-f]{32}$");
                case "sha1" -> value.matches("^[0-9A-Fa-f]{40}$");
                case "sha256" -> value.matches("^[0-9A-Fa-f]{64}$");
                case "email" -> EMAIL.matcher(value).matches();
                default -> true;
            };
            if (!valid) {
                violations.add(new Violation("/body/indicators/" + i + "/value", "is not a valid " + type));
            }
        }
    }

    private static boolean absoluteUri(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Optional<String> string(JsonObject body, String member) {
        JsonValue value = body.get(member);
        return value instanceof JsonString text ? Optional.of(text.getString()) : Optional.empty();
    }

    private static Optional<OffsetDateTime> time(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
