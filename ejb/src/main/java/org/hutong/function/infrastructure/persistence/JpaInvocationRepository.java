package org.hutong.function.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.hutong.function.domain.Invocation;
import org.hutong.function.domain.InvocationEvent;
import org.hutong.function.domain.InvocationRepository;
import org.hutong.function.domain.InvocationStatus;
import org.hutong.function.domain.InvocationTarget;
import org.hutong.function.domain.TargetStatus;

@ApplicationScoped
public class JpaInvocationRepository implements InvocationRepository {

    private static final List<TargetStatus> OPEN = List.of(TargetStatus.PENDING, TargetStatus.DISPATCHED,
            TargetStatus.ACCEPTED);

    @PersistenceContext(unitName = "hutong")
    EntityManager entityManager;

    @Override
    public void add(Invocation invocation) {
        // Numbered on persist (sequence blocks): its events can refer to it before anything is written.
        entityManager.persist(invocation);
    }

    @Override
    public Optional<Invocation> find(String invocationId) {
        return entityManager.createQuery("SELECT i FROM Invocation i WHERE i.invocationId = :id", Invocation.class)
                .setParameter("id", invocationId).getResultStream().findFirst();
    }

    @Override
    public Optional<InvocationTarget> findTarget(String requestId) {
        return entityManager.createQuery("SELECT t FROM InvocationTarget t WHERE t.requestId = :id", InvocationTarget.class)
                .setParameter("id", requestId).getResultStream().findFirst();
    }

    @Override
    public Optional<InvocationTarget> findTargetForUpdate(String requestId) {
        return findTarget(requestId).map(target -> {
            // SELECT ... FOR UPDATE on the invocation row, which every result of it updates anyway.
            entityManager.lock(target.invocation(), LockModeType.PESSIMISTIC_WRITE);
            entityManager.refresh(target);
            return target;
        });
    }

    @Override
    public List<InvocationTarget> overdue(Instant now, int limit) {
        return entityManager.createQuery("SELECT t FROM InvocationTarget t WHERE t.status IN :open"
                        + " AND t.deadline < :now ORDER BY t.deadline", InvocationTarget.class)
                .setParameter("open", OPEN)
                .setParameter("now", LocalDateTime.ofInstant(now, ZoneOffset.UTC))
                .setMaxResults(limit).getResultList();
    }

    @Override
    public List<Invocation> find(String function, InvocationStatus status, long before, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT i FROM Invocation i WHERE i.number < :before");
        if (function != null) {
            jpql.append(" AND i.functionId = :function");
        }
        if (status != null) {
            jpql.append(" AND i.status = :status");
        }
        TypedQuery<Invocation> query = entityManager.createQuery(jpql.append(" ORDER BY i.number DESC").toString(),
                Invocation.class).setParameter("before", before <= 0 ? Long.MAX_VALUE : before).setMaxResults(limit);
        if (function != null) {
            query.setParameter("function", function);
        }
        if (status != null) {
            query.setParameter("status", status);
        }
        return query.getResultList();
    }

    @Override
    public List<InvocationTarget> claimDueDeliveries(Instant now, Instant leasedUntil, int limit) {
        List<String> claimed = claim("UPDATE invocation_target SET next_attempt_at = ? WHERE target_no IN"
                + " (SELECT target_no FROM invocation_target WHERE status = 'PENDING' AND next_attempt_at <= ?"
                + " ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING request_id", now, leasedUntil, limit);
        if (claimed.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery("SELECT t FROM InvocationTarget t WHERE t.requestId IN :claimed"
                        + " ORDER BY t.nextAttemptAt", InvocationTarget.class)
                .setParameter("claimed", claimed).getResultList();
    }

    @Override
    public List<Invocation> claimDueCallbacks(Instant now, Instant leasedUntil, int limit) {
        List<String> claimed = claim("UPDATE invocation SET callback_due_at = ? WHERE invocation_no IN"
                + " (SELECT invocation_no FROM invocation WHERE callback_state = 'due' AND callback_due_at <= ?"
                + " ORDER BY callback_due_at LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING invocation_id", now, leasedUntil, limit);
        if (claimed.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery("SELECT i FROM Invocation i WHERE i.invocationId IN :claimed", Invocation.class)
                .setParameter("claimed", claimed).getResultList();
    }

    /** Runs a claiming {@code UPDATE ... RETURNING} with (leased until, now, limit); the ids it returns. */
    private List<String> claim(String sql, Instant now, Instant leasedUntil, int limit) {
        try (PreparedStatement update = entityManager.unwrap(Connection.class).prepareStatement(sql)) {
            update.setObject(1, LocalDateTime.ofInstant(leasedUntil, ZoneOffset.UTC));
            update.setObject(2, LocalDateTime.ofInstant(now, ZoneOffset.UTC));
            update.setInt(3, limit);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = update.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim due deliveries: " + e.getMessage(), e);
        }
    }

    @Override
    public void record(InvocationEvent event) {
        entityManager.persist(event);
    }

    @Override
    public List<InvocationEvent> events(Invocation invocation) {
        if (invocation.number().isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery("SELECT e FROM InvocationEvent e WHERE e.invocationNumber = :invocation"
                        + " ORDER BY e.number", InvocationEvent.class)
                .setParameter("invocation", invocation.number().get()).getResultList();
    }
}
