package org.hutong.information.domain;

import java.util.Comparator;

/**
 * A place in the hub's commit order of stored information, which paging and the rule engine follow.
 *
 * <p>Receive sequences are handed out in blocks per server and transactions commit in any order, so the
 * sequence alone is not an order a cursor can follow: another server's item with a lower sequence may
 * commit after a reader passed it. Each item also records the PostgreSQL transaction that wrote it
 * ({@code information_item.write_txid}, V14), and readers only go as far as the oldest transaction still
 * running ({@code pg_snapshot_xmin}): every transaction below it has ended, every one at or above it
 * commits after the reader's position. Ordered by transaction, then sequence.
 *
 * @param transaction the writing transaction's id (0 for items stored before V14)
 * @param sequence the item's receive sequence
 */
public record ReceivePosition(long transaction, long sequence) implements Comparable<ReceivePosition> {

    /** Before everything stored. */
    public static final ReceivePosition START = new ReceivePosition(0, 0);

    private static final Comparator<ReceivePosition> ORDER = Comparator.comparingLong(ReceivePosition::transaction)
            .thenComparingLong(ReceivePosition::sequence);

    public ReceivePosition {
        if (transaction < 0 || sequence < 0) {
            throw new IllegalArgumentException("a receive position is not negative");
        }
    }

    @Override
    public int compareTo(ReceivePosition other) {
        return ORDER.compare(this, other);
    }

    public boolean isAfter(ReceivePosition other) {
        return compareTo(other) > 0;
    }
}
