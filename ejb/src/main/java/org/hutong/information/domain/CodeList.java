package org.hutong.information.domain;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A list of codes borrowed from a national standard (or defined by Hutong), with the Chinese
 * name of every entry. Information refers to entries by {@code code}.
 *
 * @param name the list's name in {@code /api/v1/codelists/{name}}
 * @param title what the list is
 * @param source the standard it comes from, e.g. GB/T 20986-2023
 * @param description how the list is used
 * @param entries the entries, parents before their children
 */
@JsonbPropertyOrder({"name", "title", "source", "description", "entries"})
public record CodeList(String name, String title, String source, String description, List<CodeListEntry> entries) {

    public static final String INCIDENT_CATEGORY = "incident-category";
    public static final String INCIDENT_GRADE = "incident-grade";
    public static final String INCIDENT_STATUS = "incident-status";
    public static final String VULNERABILITY_GRADE = "vulnerability-grade";
    public static final String VULNERABILITY_CLASS = "vulnerability-class";
    public static final String PRODUCT_CATEGORY = "product-category";
    public static final String ALERT_SEVERITY = "alert-severity";
    public static final String ASSET_KIND = "asset-kind";

    public CodeList {
        Objects.requireNonNull(name, "name");
        entries = List.copyOf(entries);
    }

    public Optional<CodeListEntry> entry(String code) {
        return entries.stream().filter(entry -> entry.code().equals(code)).findFirst();
    }

    public boolean contains(String code) {
        return entry(code).isPresent();
    }
}
