package org.hutong.information.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceivePositionTest {

    @Test
    void ordersByTheWritingTransactionFirstThenBySequence() {
        // Server B's transaction 900 took sequences 101..102 and committed; server A's 901 holds 5: A comes after.
        List<ReceivePosition> positions = new ArrayList<>(List.of(new ReceivePosition(901, 5),
                new ReceivePosition(900, 102), new ReceivePosition(0, 7000), new ReceivePosition(900, 101)));
        positions.sort(null);
        assertThat(positions).containsExactly(new ReceivePosition(0, 7000), new ReceivePosition(900, 101),
                new ReceivePosition(900, 102), new ReceivePosition(901, 5));
        assertThat(new ReceivePosition(901, 5).isAfter(new ReceivePosition(900, 102))).isTrue();
        assertThat(new ReceivePosition(900, 102).isAfter(new ReceivePosition(900, 102))).isFalse();
        assertThat(ReceivePosition.START.isAfter(new ReceivePosition(0, 1))).isFalse();
    }

    @Test
    void isNeverNegative() {
        assertThatThrownBy(() -> new ReceivePosition(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReceivePosition(0, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
