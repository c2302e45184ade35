package org.hutong.information.application;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.time.Instant;
import org.hutong.information.domain.InformationRecord;
import org.hutong.information.domain.ReceivePosition;
import org.junit.jupiter.api.Test;

/** The view is the wire format on REST and on the distribution addresses. */
class InformationViewJsonTest {

    @Test
    void writesTheEnvelopeMembersFirstAndOmitsAnAbsentSignature() throws Exception {
        var view = new InformationView("0b6a1f8e-5f0e-4b8e-8f43-6c1b8f0d2a77", "alert", "1.0", "ids-01",
                Instant.parse("2026-11-29T00:00:00Z"), Json.createObjectBuilder().add("name", "scan").build(), null,
                new InformationView.HubReceipt("f0e1d2c3-0000-4000-8000-000000000001", 7,
                        Instant.parse("2026-11-29T00:00:01Z")));

        try (var jsonb = JsonbBuilder.create()) {
            assertThat(jsonb.toJson(view)).isEqualTo("{\"id\":\"0b6a1f8e-5f0e-4b8e-8f43-6c1b8f0d2a77\","
                    + "\"type\":\"alert\",\"specVersion\":\"1.0\",\"producer\":\"ids-01\","
                    + "\"time\":\"2026-11-29T00:00:00Z\",\"body\":{\"name\":\"scan\"},"
                    + "\"hub\":{\"id\":\"f0e1d2c3-0000-4000-8000-000000000001\",\"sequence\":7,"
                    + "\"receivedAt\":\"2026-11-29T00:00:01Z\"}}");
        }
    }

    @Test
    void theTextOfStoredInformationIsWhatJsonbWritesForItsView() throws Exception {
        InformationRecord record = InformationRecord.receive(Parsers.PARSER.parse(EnvelopeParserTest.alert(
                "0b6a1f8e-5f0e-4b8e-8f43-6c1b8f0d2a77")), Instant.parse("2026-11-29T00:00:01.123456Z"));
        Field sequence = InformationRecord.class.getDeclaredField("sequence");
        sequence.setAccessible(true);
        sequence.set(record, 42L);
        Field transaction = InformationRecord.class.getDeclaredField("writeTransaction");
        transaction.setAccessible(true);
        transaction.set(record, 7L);

        InformationText text = InformationText.of(record);

        try (var jsonb = JsonbBuilder.create()) {
            assertThat(parse(text.json())).isEqualTo(parse(jsonb.toJson(InformationView.of(record))));
        }
        assertThat(text.position()).isEqualTo(new ReceivePosition(7, 42));
    }

    @Test
    void equalViewsHashAlikeAndTheHashIsTheHubIds() {
        InformationRecord record = InformationRecord.receive(Parsers.PARSER.parse(EnvelopeParserTest.alert(
                "0b6a1f8e-5f0e-4b8e-8f43-6c1b8f0d2a77")), Instant.parse("2026-11-29T00:00:01Z"));
        var receipt = new InformationView.HubReceipt(record.hubId(), 42, record.receivedAt());
        var envelope = record.envelope();
        var first = new InformationView(envelope.id(), "alert", "1.0", envelope.producer(), envelope.time(),
                envelope.body(), null, receipt);
        var second = new InformationView(envelope.id(), "alert", "1.0", envelope.producer(), envelope.time(),
                record.envelope().body(), null, receipt);

        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
        assertThat(first.hashCode()).isEqualTo(record.hubId().hashCode());
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
