package org.hutong.shared.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    @Test
    void writesRfc9457MembersAndOmitsAbsentOnes() throws Exception {
        Problem problem = Problem.of(Response.Status.BAD_REQUEST, "invalid-request", "limit is too large",
                "/information", List.of(Problem.ProblemViolation.atParameter("limit", "must be at most 1000")));

        try (var jsonb = JsonbBuilder.create()) {
            assertThat(jsonb.toJson(problem)).isEqualTo("{\"type\":\"https://hutong.org/problems/invalid-request\","
                    + "\"title\":\"Bad Request\",\"status\":400,\"detail\":\"limit is too large\","
                    + "\"instance\":\"/information\","
                    + "\"violations\":[{\"parameter\":\"limit\",\"message\":\"must be at most 1000\"}]}");
        }
    }

    @Test
    void aConcurrentChangeIsAConflictToRetryNotTheHubsFault() {
        Response conflict = new ProblemMappers.UnexpectedMapper().toResponse(new jakarta.ejb.EJBException(
                new jakarta.persistence.OptimisticLockException("incident changed")));
        Response fault = new ProblemMappers.UnexpectedMapper().toResponse(new IllegalStateException("bug"));

        assertThat(conflict.getStatus()).isEqualTo(409);
        assertThat(((Problem) conflict.getEntity()).type()).isEqualTo("https://hutong.org/problems/concurrent-change");
        assertThat(fault.getStatus()).isEqualTo(500);
    }

    @Test
    void keepsTheStatusAndHeadersOfWhatJaxRsRefuses() {
        Response response = new ProblemMappers.WebApplicationMapper()
                .toResponse(new NotAllowedException("GET", new String[] {"POST"}));

        assertThat(response.getStatus()).isEqualTo(405);
        assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(response.getHeaderString("Allow")).contains("GET");
        assertThat(((Problem) response.getEntity()).type()).isEqualTo("https://hutong.org/problems/method-not-allowed");
    }
}
