package org.hutong.information.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.EJBException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SubmissionServiceTest {

    private final AtomicInteger attempts = new AtomicInteger();

    private static EJBException wrapped(SQLException sql) {
        RuntimeException persistence = new IllegalStateException("insert failed", sql);
        return new EJBException("See nested exception", persistence);
    }

    @Test
    void triesOnceMoreWhenAConcurrentSubmissionStoredTheSameKeyFirst() {
        String answer = SubmissionService.onceMoreAfterARace(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw wrapped(new SQLIntegrityConstraintViolationException("duplicate key", "23505"));
            }
            return "duplicate";
        });

        assertThat(answer).isEqualTo("duplicate");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void letsEveryOtherFailureThrough() {
        EJBException databaseDown = wrapped(new SQLException("connection refused", "08001"));

        assertThatThrownBy(() -> SubmissionService.onceMoreAfterARace(() -> {
            attempts.incrementAndGet();
            throw databaseDown;
        })).isSameAs(databaseDown);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void retriesOnlyOnce() {
        assertThatThrownBy(() -> SubmissionService.onceMoreAfterARace(() -> {
            attempts.incrementAndGet();
            throw wrapped(new SQLIntegrityConstraintViolationException("duplicate key", "23505"));
        })).isInstanceOf(EJBException.class);
        assertThat(attempts).hasValue(2);
    }
}
