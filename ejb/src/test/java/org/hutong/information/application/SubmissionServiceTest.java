package org.hutong.information.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.List;
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
        String answer = SubmissionService.retryingTransientFailures(() -> {
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

        assertThatThrownBy(() -> SubmissionService.retryingTransientFailures(() -> {
            attempts.incrementAndGet();
            throw databaseDown;
        })).isSameAs(databaseDown);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void retriesDeadlocksLockTimeoutsAndConcurrentUpdates() {
        List<RuntimeException> failures = List.of(
                wrapped(new SQLTransactionRollbackException("A lock could not be obtained", "40XL1")),
                new EJBException(new OptimisticLockException("changed by another transaction")));
        String answer = SubmissionService.retryingTransientFailures(() -> {
            int attempt = attempts.incrementAndGet();
            if (attempt <= failures.size()) {
                throw failures.get(attempt - 1);
            }
            return "stored";
        });

        assertThat(answer).isEqualTo("stored");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void givesUpAfterThreeAttempts() {
        assertThatThrownBy(() -> SubmissionService.retryingTransientFailures(() -> {
            attempts.incrementAndGet();
            throw wrapped(new SQLIntegrityConstraintViolationException("duplicate key", "23505"));
        })).isInstanceOf(EJBException.class);
        assertThat(attempts).hasValue(SubmissionService.ATTEMPTS);
    }
}
