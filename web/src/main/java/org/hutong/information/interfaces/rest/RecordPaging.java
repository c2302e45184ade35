package org.hutong.information.interfaces.rest;

import jakarta.ws.rs.core.UriBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hutong.information.application.RecordPage;
import org.hutong.information.application.StatefulRecords;
import org.hutong.information.domain.state.RecordCriteria;
import org.hutong.information.domain.state.RecordKind;
import org.hutong.shared.interfaces.rest.InvalidRequestException;
import org.hutong.shared.interfaces.rest.Problem;

/** Paging through assets, vulnerabilities or incidents: the same cursor rules as for information. */
final class RecordPaging {

    static final int DEFAULT_LIMIT = 100;

    private RecordPaging() {
    }

    /** Filters as given, blanks and absent ones dropped, in the order the resource names them. */
    static Map<String, String> filters(String... namesAndValues) {
        Map<String, String> filters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            if (value != null && !value.isBlank()) {
                filters.put(namesAndValues[i], value.trim());
            }
        }
        return filters;
    }

    static RecordPageDocument page(StatefulRecords records, RecordKind kind, Map<String, String> filters,
            String cursor, int limit, UriBuilder base) {
        String kindName = kind.name().toLowerCase(Locale.ROOT);
        long after = 0;
        if (cursor != null) {
            RecordCursor position = RecordCursor.decode(cursor, kindName).orElseThrow(() -> new InvalidRequestException(
                    List.of(Problem.ProblemViolation.atParameter("cursor", "is not a cursor this hub issued for "
                            + kindName + " records"))));
            if (!filters.isEmpty() && !filters.equals(position.filters())) {
                throw new InvalidRequestException(List.of(Problem.ProblemViolation.atParameter("cursor",
                        "was issued for other filters; send it alone or with the filters it was issued for")));
            }
            filters = position.filters();
            after = position.after();
        }
        List<Problem.ProblemViolation> violations = new ArrayList<>();
        if (limit < 1 || limit > RecordCriteria.MAX_LIMIT) {
            violations.add(Problem.ProblemViolation.atParameter("limit", "must be between 1 and " + RecordCriteria.MAX_LIMIT));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        RecordPage page = records.find(new RecordCriteria(kind, filters, after, limit));
        if (page.items().size() < limit) {
            return new RecordPageDocument(page.items(), null, null);
        }
        String nextCursor = new RecordCursor(kindName, page.last(), filters).encode();
        String next = base.queryParam("cursor", nextCursor).queryParam("limit", limit).build().toString();
        return new RecordPageDocument(page.items(), nextCursor, next);
    }
}
