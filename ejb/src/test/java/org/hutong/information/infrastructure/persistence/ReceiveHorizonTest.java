package org.hutong.information.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReceiveHorizonTest {

    private final AtomicInteger maximumReads = new AtomicInteger();
    private final ReceiveHorizon horizon = new ReceiveHorizon(() -> {
        maximumReads.incrementAndGet();
        return 10;
    });

    @Test
    void startsAtTheHighestStoredSequenceReadOnce() {
        assertThat(horizon.horizon()).isEqualTo(10);
        assertThat(horizon.horizon()).isEqualTo(10);
        assertThat(maximumReads).hasValue(1);
    }

    @Test
    void staysBelowAWriteThatCommitsAfterALaterOne() {
        ReceiveHorizon.Write slow = horizon.beginWrite();
        horizon.allocated(slow, 11, 11);
        ReceiveHorizon.Write fast = horizon.beginWrite();
        horizon.allocated(fast, 12, 14);
        horizon.ended(fast);

        // 12..14 are committed, 11 is not: a page must stop at 10 or it would skip 11.
        assertThat(horizon.horizon()).isEqualTo(10);

        horizon.ended(slow);
        assertThat(horizon.horizon()).isEqualTo(14);
    }

    @Test
    void staysBelowAWriteThatHasNotInsertedYet() {
        ReceiveHorizon.Write announced = horizon.beginWrite();
        ReceiveHorizon.Write other = horizon.beginWrite();
        horizon.allocated(other, 11, 12);
        horizon.ended(other);

        assertThat(horizon.horizon()).isEqualTo(10);

        horizon.allocated(announced, 13, 13);
        assertThat(horizon.horizon()).isEqualTo(12);
        horizon.ended(announced);
        assertThat(horizon.horizon()).isEqualTo(13);
    }

    @Test
    void aRolledBackWriteLeavesAGapButNoWait() {
        ReceiveHorizon.Write rolledBack = horizon.beginWrite();
        horizon.allocated(rolledBack, 11, 15);
        horizon.ended(rolledBack);

        assertThat(horizon.horizon()).isEqualTo(15);
    }
}
