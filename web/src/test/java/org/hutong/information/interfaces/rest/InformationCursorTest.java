package org.hutong.information.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.hutong.information.domain.ReceivePosition;
import org.junit.jupiter.api.Test;

class InformationCursorTest {

    @Test
    void survivesTheRoundTripWithEveryFilter() {
        var cursor = new InformationCursor(new ReceivePosition(9001, 42), new InformationCursor.Filters("alert", "ids-01",
                "2026-11-29T00:00:00Z", "2026-11-30T00:00:00Z", 3, "network-attack"));

        String token = cursor.encode();

        assertThat(token).doesNotContain("=", "+", "/");
        assertThat(InformationCursor.decode(token)).contains(cursor);
    }

    @Test
    void readsAVersionOneCursorAsAPlaceAmongTheItemsStoredBeforeTransactionsWereRecorded() {
        String versionOne = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"v\":1,\"after\":42,\"type\":\"alert\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(InformationCursor.decode(versionOne)).contains(new InformationCursor(new ReceivePosition(0, 42),
                new InformationCursor.Filters("alert", null, null, null, null, null)));
    }

    @Test
    void treatsBlankFiltersAsAbsent() {
        assertThat(new InformationCursor.Filters(" ", "", null, null, null, "").isEmpty()).isTrue();
    }

    @Test
    void refusesTokensItDidNotIssue() {
        String wrongVersion = Base64.getUrlEncoder().encodeToString("{\"v\":3,\"tx\":1,\"after\":1}".getBytes(StandardCharsets.UTF_8));
        String noTransaction = Base64.getUrlEncoder().encodeToString("{\"v\":2,\"after\":1}".getBytes(StandardCharsets.UTF_8));
        String negativeTransaction = Base64.getUrlEncoder().encodeToString("{\"v\":2,\"tx\":-1,\"after\":1}".getBytes(StandardCharsets.UTF_8));
        String negative = Base64.getUrlEncoder().encodeToString("{\"v\":1,\"after\":-5}".getBytes(StandardCharsets.UTF_8));

        assertThat(InformationCursor.decode("%%%")).isEmpty();
        assertThat(InformationCursor.decode(Base64.getUrlEncoder().encodeToString("[]".getBytes(StandardCharsets.UTF_8)))).isEmpty();
        assertThat(InformationCursor.decode(wrongVersion)).isEmpty();
        assertThat(InformationCursor.decode(negative)).isEmpty();
        assertThat(InformationCursor.decode(noTransaction)).isEmpty();
        assertThat(InformationCursor.decode(negativeTransaction)).isEmpty();
    }
}
