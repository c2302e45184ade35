package org.hutong.information.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hutong.information.application.InformationQueries;
import org.hutong.information.application.InformationText;
import org.hutong.information.application.InformationView;
import org.hutong.information.domain.InformationCriteria;
import org.hutong.information.domain.ReceivePosition;
import org.hutong.shared.domain.InformationType;
import org.hutong.shared.interfaces.rest.InvalidRequestException;
import org.hutong.shared.interfaces.rest.Problem;
import org.junit.jupiter.api.Test;

class InformationResourceTest {

    private final List<InformationCriteria> asked = new ArrayList<>();
    private List<InformationText> stored = List.of();
    private final InformationResource resource = new InformationResource();

    {
        resource.queries = new InformationQueries() {
            @Override
            public Optional<InformationView> byHubId(String hubId) {
                return Optional.empty();
            }

            @Override
            public List<InformationView> find(InformationCriteria criteria) {
                throw new UnsupportedOperationException("pages are served as text");
            }

            @Override
            public List<InformationText> findText(InformationCriteria criteria) {
                asked.add(criteria);
                return stored;
            }

            @Override
            public ReceivePosition readableUpTo() {
                throw new UnsupportedOperationException("the resource pages by what findText gives");
            }
        };
    }

    @Test
    void reportsEveryInvalidParameter() {
        var error = catchThrowableOfType(InvalidRequestException.class,
                () -> resource.list("weather", null, "yesterday", null, 5, null, null, 1001));

        assertThat(error.violations()).extracting(Problem.ProblemViolation::parameter)
                .containsExactly("type", "since", "severity", "limit");
    }

    @Test
    void passesFiltersToTheQueryAndEndsOnAShortPageWithACursorToPollWith() {
        InformationCursor.Filters filters = new InformationCursor.Filters("alert", "ids-01", null, null, 3, "malware");
        String cursor = new InformationCursor(new ReceivePosition(3, 5), filters).encode();

        JsonObject page = page(resource.list(null, null, null, null, null, null, cursor, 10));

        assertThat(page.getJsonArray("items")).isEmpty();
        assertThat(page.containsKey("next")).isFalse();
        assertThat(InformationCursor.decode(page.getString("cursor"))).contains(new InformationCursor(new ReceivePosition(3, 5), filters));
        assertThat(asked).singleElement().isEqualTo(new InformationCriteria(Optional.of(InformationType.ALERT),
                Optional.of("ids-01"), Optional.empty(), Optional.empty(), Optional.of(3), Optional.of("malware"), new ReceivePosition(3, 5), 10));
    }

    @Test
    void writesTheItemsAsStoredWithTheirReceiveTimesAndResumesAfterTheLast() {
        stored = List.of(new InformationText(new ReceivePosition(11, 7), Instant.parse("2026-11-29T00:00:01Z"), "{\"id\":\"a\",\"body\":{\"x\":1}}"),
                new InformationText(new ReceivePosition(12, 2), Instant.parse("2026-11-29T00:00:02Z"), "{\"id\":\"b\",\"body\":{}}"));

        JsonObject page = page(resource.list("alert", null, null, null, null, null, null, 10));

        assertThat(page.getJsonArray("items").getValuesAs(JsonObject.class)).extracting(item -> item.getString("id"))
                .containsExactly("a", "b");
        assertThat(page.getString("firstReceivedAt")).isEqualTo("2026-11-29T00:00:01Z");
        assertThat(page.getString("lastReceivedAt")).isEqualTo("2026-11-29T00:00:02Z");
        assertThat(InformationCursor.decode(page.getString("cursor")).orElseThrow().after())
                .isEqualTo(new ReceivePosition(12, 2));
    }

    private static JsonObject page(Response response) {
        assertThat(response.getStatus()).isEqualTo(200);
        return Json.createReader(new StringReader((String) response.getEntity())).readObject();
    }

    @Test
    void refusesACursorWithOtherFiltersOrForged() {
        String cursor = new InformationCursor(new ReceivePosition(3, 5), new InformationCursor.Filters("alert", null, null, null, null, null)).encode();

        assertThat(catchThrowableOfType(InvalidRequestException.class,
                () -> resource.list("threat", null, null, null, null, null, cursor, 10)).violations())
                .extracting(Problem.ProblemViolation::parameter).containsExactly("cursor");
        assertThat(catchThrowableOfType(InvalidRequestException.class,
                () -> resource.list(null, null, null, null, null, null, "not-a-cursor", 10)).violations())
                .extracting(Problem.ProblemViolation::parameter).containsExactly("cursor");
        // The same filters as the cursor's are fine.
        resource.list("alert", null, null, null, null, null, cursor, 10);
        assertThat(asked).hasSize(1);
    }
}
