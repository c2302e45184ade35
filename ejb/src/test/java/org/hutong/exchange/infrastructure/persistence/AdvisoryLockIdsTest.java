package org.hutong.exchange.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every worker that works alone across servers holds its own PostgreSQL advisory lock: two sharing an
 * id would wait for each other (the Kafka relay and the audit sealer once did).
 */
class AdvisoryLockIdsTest {

    @Test
    void everyWorkerHasALockOfItsOwn() throws Exception {
        List<Long> ids = List.of(
                lock("org.hutong.exchange.infrastructure.persistence.OutboxTable", "RELAY_LOCK"),
                lock("org.hutong.exchange.infrastructure.kafka.KafkaOutboxTable", "RELAY_LOCK"),
                lock("org.hutong.audit.infrastructure.persistence.JpaAuditRepository", "SEALER_LOCK"),
                lock("org.hutong.function.infrastructure.rule.RuleTables", "ENGINE_LOCK"));

        assertThat(ids).doesNotHaveDuplicates();
    }

    private static long lock(String type, String name) throws ReflectiveOperationException {
        Field field = Class.forName(type).getDeclaredField(name);
        field.setAccessible(true);
        return field.getLong(null);
    }
}
