package org.hutong.information.domain.state;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A page of stateful records: the filters (each a member of {@code filters}, all must match),
 * the record number paging resumes after, and the page size.
 *
 * @param kind which records
 * @param filters filter name to value; the names each kind accepts are in {@link #FILTERS}
 * @param after the record number of the last record of the previous page, 0 for the first
 * @param limit the page size, 1 to {@link #MAX_LIMIT}
 */
public record RecordCriteria(RecordKind kind, Map<String, String> filters, long after, int limit) {

    public static final int MAX_LIMIT = 1000;

    /** The filters each kind of record accepts. */
    public static final Map<RecordKind, List<String>> FILTERS = Map.of(
            RecordKind.ASSET, List.of("ip", "mac", "name", "kind"),
            RecordKind.VULNERABILITY, List.of("grade", "asset", "id"),
            RecordKind.INCIDENT, List.of("category", "grade", "status"));

    public RecordCriteria {
        Objects.requireNonNull(kind, "kind");
        filters = Map.copyOf(filters);
        if (!FILTERS.get(kind).containsAll(filters.keySet())) {
            throw new IllegalArgumentException(kind + " records have no filter among " + filters.keySet());
        }
        if (after < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("after must be >= 0 and limit between 1 and " + MAX_LIMIT);
        }
    }

    public Optional<String> filter(String name) {
        return Optional.ofNullable(filters.get(name));
    }
}
