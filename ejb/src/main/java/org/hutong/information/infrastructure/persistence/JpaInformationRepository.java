package org.hutong.information.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hutong.information.domain.InformationCriteria;
import org.hutong.information.domain.InformationRecord;
import org.hutong.information.domain.InformationRepository;
import org.hutong.information.domain.ReceivePosition;

@ApplicationScoped
public class JpaInformationRepository implements InformationRepository {

    @PersistenceContext(unitName = "hutong")
    EntityManager entityManager;

    @Override
    public void store(InformationRecord record) {
        storeAll(List.of(record));
    }

    /**
     * Persists the records as one batched insert. Their receive sequences come from blocks of the
     * database sequence (V4); the database notes the writing transaction (V14). The flush sends the
     * insert now, so that a conflict surfaces inside this call.
     */
    @Override
    public void storeAll(List<InformationRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        records.forEach(entityManager::persist);
        entityManager.flush();
    }

    @Override
    public List<InformationRecord> findByProducerAndIds(String producer, Collection<String> envelopeIds) {
        if (envelopeIds.isEmpty()) {
            return List.of();
        }
        return entityManager.createNamedQuery("InformationRecord.byProducerAndIds", InformationRecord.class)
                .setParameter("producer", producer)
                .setParameter("envelopeIds", envelopeIds)
                .getResultList();
    }

    @Override
    public Optional<InformationRecord> findByHubId(String hubId) {
        return entityManager.createNamedQuery("InformationRecord.byHubId", InformationRecord.class)
                .setParameter("hubId", hubId)
                .getResultStream()
                .findFirst();
    }

    @Override
    public ReceivePosition readableUpTo() {
        List<Object[]> last = entityManager.createQuery("SELECT r.writeTransaction, r.sequence FROM InformationRecord r"
                        + " WHERE r.writeTransaction < :oldestRunning"
                        + " ORDER BY r.writeTransaction DESC, r.sequence DESC", Object[].class)
                .setParameter("oldestRunning", oldestRunningTransaction())
                .setMaxResults(1)
                .getResultList();
        return last.isEmpty() ? ReceivePosition.START
                : new ReceivePosition(((Number) last.get(0)[0]).longValue(), ((Number) last.get(0)[1]).longValue());
    }

    /**
     * The oldest transaction still running in the database, on any server: every transaction below it has
     * committed or rolled back, and every one that commits from now on has this id or a higher one. Read
     * before the page, so the page's own (later) snapshot sees all of those below it.
     */
    private long oldestRunningTransaction() {
        Object xmin = entityManager.createNativeQuery("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
                .getSingleResult();
        return ((Number) xmin).longValue();
    }

    /**
     * In two index ranges rather than one condition with an OR, which an index can only filter: the rest of
     * the position's own transaction (by sequence), then the transactions after it, both below the oldest
     * one still running (read once, for both).
     */
    @Override
    public List<InformationRecord> find(InformationCriteria criteria) {
        long oldestRunning = oldestRunningTransaction();
        long afterTx = criteria.after().transaction();
        if (afterTx >= oldestRunning) {
            return List.of();
        }
        List<InformationRecord> page = new ArrayList<>(query(criteria, "r.writeTransaction = :afterTx"
                + " AND r.sequence > :afterSeq", oldestRunning, criteria.limit()).getResultList());
        if (page.size() < criteria.limit()) {
            page.addAll(query(criteria, "r.writeTransaction > :afterTx AND r.writeTransaction < :oldestRunning",
                    oldestRunning, criteria.limit() - page.size()).getResultList());
        }
        return page;
    }

    private TypedQuery<InformationRecord> query(InformationCriteria criteria, String range, long oldestRunning,
            int limit) {
        StringBuilder jpql = new StringBuilder("SELECT r FROM InformationRecord r WHERE ").append(range);
        criteria.type().ifPresent(type -> jpql.append(" AND r.type = :type"));
        criteria.producer().ifPresent(producer -> jpql.append(" AND r.producer = :producer"));
        criteria.since().ifPresent(since -> jpql.append(" AND r.receivedAt >= :since"));
        criteria.until().ifPresent(until -> jpql.append(" AND r.receivedAt < :until"));
        criteria.severity().ifPresent(severity -> jpql.append(" AND r.severity = :severity"));
        // A category matches itself and everything below it in its tree (malware, malware/ransomware).
        criteria.category().ifPresent(category -> jpql.append(" AND (r.category = :category OR r.category LIKE :below)"));
        jpql.append(" ORDER BY r.writeTransaction, r.sequence");
        TypedQuery<InformationRecord> query = entityManager.createQuery(jpql.toString(), InformationRecord.class)
                .setParameter("afterTx", criteria.after().transaction())
                .setMaxResults(limit);
        if (range.contains(":afterSeq")) {
            query.setParameter("afterSeq", criteria.after().sequence());
        }
        if (range.contains(":oldestRunning")) {
            query.setParameter("oldestRunning", oldestRunning);
        }
        criteria.type().ifPresent(type -> query.setParameter("type", type));
        criteria.producer().ifPresent(producer -> query.setParameter("producer", producer));
        criteria.since().ifPresent(since -> query.setParameter("since", LocalDateTime.ofInstant(since, ZoneOffset.UTC)));
        criteria.until().ifPresent(until -> query.setParameter("until", LocalDateTime.ofInstant(until, ZoneOffset.UTC)));
        criteria.severity().ifPresent(severity -> query.setParameter("severity", severity));
        criteria.category().ifPresent(category -> query.setParameter("category", category)
                .setParameter("below", category.replace("%", "").replace("_", "") + "/%"));
        return query;
    }
}
