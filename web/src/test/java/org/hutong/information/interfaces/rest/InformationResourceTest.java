package org.hutong.information.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hutong.information.application.InformationQueries;
import org.hutong.information.application.InformationView;
import org.hutong.information.domain.InformationCriteria;
import org.hutong.information.domain.InformationType;
import org.hutong.shared.interfaces.rest.InvalidRequestException;
import org.hutong.shared.interfaces.rest.Problem;
import org.junit.jupiter.api.Test;

class InformationResourceTest {

    private final List<InformationCriteria> asked = new ArrayList<>();
    private final InformationResource resource = new InformationResource();

    {
        resource.queries = new InformationQueries() {
            @Override
            public Optional<InformationView> byHubId(String hubId) {
                return Optional.empty();
            }

            @Override
            public List<InformationView> find(InformationCriteria criteria) {
                asked.add(criteria);
                return List.of();
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
    void passesFiltersToTheQueryAndEndsOnAShortPage() {
        String cursor = new InformationCursor(5, new InformationCursor.Filters("alert", "ids-01", null, null, 3, "malware"))
                .encode();

        InformationPage page = resource.list(null, null, null, null, null, null, cursor, 10);

        assertThat(page.items()).isEmpty();
        assertThat(page.next()).isNull();
        assertThat(asked).singleElement().isEqualTo(new InformationCriteria(Optional.of(InformationType.ALERT),
                Optional.of("ids-01"), Optional.empty(), Optional.empty(), Optional.of(3), Optional.of("malware"), 5, 10));
    }

    @Test
    void refusesACursorWithOtherFiltersOrForged() {
        String cursor = new InformationCursor(5, new InformationCursor.Filters("alert", null, null, null, null, null)).encode();

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
