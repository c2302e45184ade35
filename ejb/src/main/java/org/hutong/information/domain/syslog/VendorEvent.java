package org.hutong.information.domain.syslog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A security event as a product wrote it in CEF or LEEF: the header fields every event has and the
 * key-value extension, unescaped, in the order written.
 *
 * @param format CEF or LEEF
 * @param formatVersion the format's version as written ({@code 0}, {@code 1.0}, {@code 2.0} …)
 * @param vendor the device vendor
 * @param product the device product
 * @param productVersion the device version
 * @param eventClassId CEF Signature ID / Device Event Class ID, LEEF EventID: what kind of event it is
 * @param name CEF Name; LEEF has none in its header
 * @param severity CEF Severity as written (0..10 or a word); LEEF's {@code sev} attribute
 * @param fields the extension (CEF) or attributes (LEEF)
 */
public record VendorEvent(Format format, String formatVersion, String vendor, String product, String productVersion,
        String eventClassId, Optional<String> name, Optional<String> severity, Map<String, String> fields) {

    /** The event formats Hutong maps. */
    public enum Format {
        CEF, LEEF
    }

    public VendorEvent {
        Objects.requireNonNull(format, "format");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public Optional<String> field(String key) {
        return Optional.ofNullable(fields.get(key)).filter(value -> !value.isBlank());
    }
}
