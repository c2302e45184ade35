package org.hutong.information.application;

import static org.hutong.shared.domain.JsonApi.JSON;

import java.time.Instant;
import org.hutong.information.domain.InformationRecord;
import org.hutong.information.domain.ReceivePosition;

/**
 * Stored information already written as the JSON of {@link InformationView}, its body copied as
 * stored rather than parsed and written again: pages of a thousand items are served without
 * building a thousand JSON trees.
 *
 * @param position where the item stands in commit order, for the cursor
 * @param receivedAt when the hub received it
 * @param json the item, exactly as JSON-B writes the {@link InformationView} of the same record
 */
public record InformationText(ReceivePosition position, Instant receivedAt, String json) {

    /** A record read back from the store, which knows its place in commit order. */
    public static InformationText of(InformationRecord record) {
        return new InformationText(record.position().orElseThrow(), record.receivedAt(), json(record));
    }

    /** The item's JSON; also for a record just stored, whose writing transaction is not known yet. */
    public static String json(InformationRecord record) {
        String body = record.bodyJson();
        StringBuilder json = new StringBuilder(body.length() + 320)
                .append("{\"id\":").append(quoted(record.envelopeId()))
                .append(",\"type\":").append(quoted(record.type().wireName()))
                .append(",\"specVersion\":").append(quoted(record.specVersion()))
                .append(",\"producer\":").append(quoted(record.producer()))
                .append(",\"time\":").append(quoted(record.producedAt().toString()))
                .append(",\"body\":").append(body);
        record.signature().ifPresent(signature -> json.append(",\"signature\":").append(quoted(signature)));
        json.append(",\"hub\":{\"id\":").append(quoted(record.hubId()))
                .append(",\"sequence\":").append(record.sequence().orElseThrow())
                .append(",\"receivedAt\":").append(quoted(record.receivedAt().toString()))
                .append("}}");
        return json.toString();
    }

    static String quoted(String value) {
        return JSON.createValue(value).toString();
    }
}
