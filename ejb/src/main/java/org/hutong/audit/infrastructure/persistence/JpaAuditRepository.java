package org.hutong.audit.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.hutong.audit.domain.AuditHead;
import org.hutong.audit.domain.AuditRecord;
import org.hutong.audit.domain.AuditRepository;

@ApplicationScoped
public class JpaAuditRepository implements AuditRepository {

    private static final int HEAD = 1;

    @PersistenceContext(unitName = "hutong")
    EntityManager entityManager;

    @Override
    public AuditHead lockHead() {
        return entityManager.find(AuditHead.class, HEAD, LockModeType.PESSIMISTIC_WRITE);
    }

    @Override
    public AuditHead head() {
        return entityManager.find(AuditHead.class, HEAD);
    }

    @Override
    public void append(AuditRecord record) {
        entityManager.persist(record);
    }

    @Override
    public List<AuditRecord> find(String actor, String action, Instant since, Instant until, long after, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT a FROM AuditRecord a WHERE a.number > :after");
        if (actor != null) {
            jpql.append(" AND a.actor = :actor");
        }
        if (action != null) {
            jpql.append(" AND a.action = :action");
        }
        if (since != null) {
            jpql.append(" AND a.occurredAt >= :since");
        }
        if (until != null) {
            jpql.append(" AND a.occurredAt < :until");
        }
        TypedQuery<AuditRecord> query = entityManager.createQuery(jpql.append(" ORDER BY a.number").toString(),
                AuditRecord.class).setParameter("after", after).setMaxResults(limit);
        if (actor != null) {
            query.setParameter("actor", actor);
        }
        if (action != null) {
            query.setParameter("action", action);
        }
        if (since != null) {
            query.setParameter("since", LocalDateTime.ofInstant(since, ZoneOffset.UTC));
        }
        if (until != null) {
            query.setParameter("until", LocalDateTime.ofInstant(until, ZoneOffset.UTC));
        }
        return query.getResultList();
    }
}
