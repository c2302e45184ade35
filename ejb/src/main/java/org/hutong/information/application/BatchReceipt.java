package org.hutong.information.application;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.hutong.shared.domain.Violation;

/**
 * The answer to a batch: one outcome per envelope, in the order sent.
 *
 * @param accepted how many envelopes were stored now
 * @param duplicates how many were already stored with the same content
 * @param rejected how many were refused, each with its reasons
 * @param items the outcome of every envelope
 */
@JsonbPropertyOrder({"accepted", "duplicates", "rejected", "items"})
public record BatchReceipt(int accepted, int duplicates, int rejected, List<ItemOutcome> items) {

    public static final String ACCEPTED = "accepted";
    public static final String DUPLICATE = "duplicate";
    public static final String REJECTED = "rejected";

    public static BatchReceipt of(List<ItemOutcome> items) {
        return new BatchReceipt(count(items, ACCEPTED), count(items, DUPLICATE), count(items, REJECTED), List.copyOf(items));
    }

    private static int count(List<ItemOutcome> items, String status) {
        return (int) items.stream().filter(item -> item.status().equals(status)).count();
    }

    /**
     * The outcome of one envelope of a batch.
     *
     * @param index its position in the batch, from 0
     * @param status {@code accepted}, {@code duplicate} or {@code rejected}
     * @param information the stored information, unless rejected
     * @param reason why it was rejected
     * @param violations every violation, when rejected
     */
    @JsonbPropertyOrder({"index", "status", "information", "reason", "violations"})
    public record ItemOutcome(int index, String status, InformationView information, String reason,
            List<Violation> violations) {

        static ItemOutcome stored(int index, IngestionReceipt receipt) {
            return new ItemOutcome(index, receipt.created() ? ACCEPTED : DUPLICATE, receipt.information(), null, null);
        }

        static ItemOutcome rejected(int index, String reason, List<Violation> violations) {
            return new ItemOutcome(index, REJECTED, null, reason, List.copyOf(violations));
        }
    }
}
