package org.hutong.information.infrastructure.persistence;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The highest receive sequence below which every write of this server has ended, so that paging
 * by sequence never skips information.
 *
 * <p>The database hands out sequences when rows are inserted, but transactions commit in any
 * order: a reader that saw sequence 12 committed may not yet see 11, and a cursor after 12 would
 * skip 11 for good. So a reader only goes up to the horizon: below the first sequence of every
 * write still in flight, and never past the highest sequence handed out when it asked. A write
 * announces itself before it inserts ({@link #beginWrite}), notes its sequences after the insert
 * and ends, committed or not, when its transaction completes.
 *
 * <p>The horizon covers the writes of this server; several servers writing one database need
 * the database's own snapshot information instead (see README).
 */
final class ReceiveHorizon {

    /** A write in flight. {@code bound}: every sequence it gets is above it. */
    static final class Write {
        private final long bound;
        private volatile long first = -1;

        private Write(long bound) {
            this.bound = bound;
        }

        /** The highest sequence a reader may see while this write is in flight. */
        long ceiling() {
            long known = first;
            return known < 0 ? bound : known - 1;
        }
    }

    private final Set<Write> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicLong highest = new AtomicLong(-1);
    private final LongSupplier storedMaximum;

    /** @param storedMaximum the highest sequence stored, read once, before the first write or read */
    ReceiveHorizon(LongSupplier storedMaximum) {
        this.storedMaximum = storedMaximum;
    }

    /** Announces a write before it inserts anything. */
    Write beginWrite() {
        Write write = new Write(highest());
        inFlight.add(write);
        return write;
    }

    /** The write's rows got sequences {@code first} to {@code last}. */
    void allocated(Write write, long first, long last) {
        write.first = first;
        highest.accumulateAndGet(last, Math::max);
    }

    /** The write's transaction completed, committed or rolled back. */
    void ended(Write write) {
        inFlight.remove(write);
    }

    /** Every sequence up to this one is committed or will never be. */
    long horizon() {
        // Read the highest sequence before the writes in flight: a write that starts after this
        // read gets only sequences above it.
        long horizon = highest();
        for (Write write : inFlight) {
            horizon = Math.min(horizon, write.ceiling());
        }
        return horizon;
    }

    private long highest() {
        long known = highest.get();
        if (known >= 0) {
            return known;
        }
        synchronized (this) {
            if (highest.get() < 0) {
                highest.accumulateAndGet(storedMaximum.getAsLong(), Math::max);
            }
            return highest.get();
        }
    }
}
