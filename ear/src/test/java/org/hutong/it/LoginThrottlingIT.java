package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hutong.it.TestIdentities.Person;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Password guessing: a loop of wrong passwords for one user is slowed down (429 with Retry-After,
 * the password not even checked) and leaves a bounded number of audit records, not one per try.
 * The user {@code tess} is in the test directory for this test alone: her lock-out hurts no other test.
 */
@ExtendWith(HubReady.class)
class LoginThrottlingIT {

    private static final int GUESSES = 30;

    @Test
    void wrongPasswordsInARowAreThrottledWithRetryAfterAndAuditedInAggregate() {
        Instant start = Instant.now().minusSeconds(1);
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> throttled = null;
        for (int i = 0; i < GUESSES; i++) {
            HttpResponse<String> response = new Person("tess", "guess-" + i).get(Hub.HTTP + "/api/v1/functions");
            statuses.add(response.statusCode());
            if (response.statusCode() == 429 && throttled == null) {
                throttled = response;
            }
        }

        assertThat(statuses.subList(0, 5)).as("the first guesses are checked").containsOnly(401);
        assertThat(statuses).as("then they are refused unchecked").contains(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(Hub.json(throttled.body()).getString("type")).endsWith("/too-many-requests");
        List<JsonObject> records = Hub.json(TestIdentities.AUDITOR.get("/audit?action=authentication&actor=tess&since="
                + start + "&limit=1000")).getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(records).as("audit records of %s guesses", GUESSES).isNotEmpty().hasSizeLessThanOrEqualTo(10);
    }
}
