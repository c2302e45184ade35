package org.hutong.information.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hutong.information.domain.InformationCriteria;
import org.hutong.information.domain.InformationRecord;
import org.hutong.information.domain.InformationRepository;

@ApplicationScoped
public class JpaInformationRepository implements InformationRepository {

    @PersistenceContext(unitName = "hutong")
    EntityManager entityManager;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    private final ReceiveHorizon horizon = new ReceiveHorizon(this::storedMaximum);

    @Override
    public void store(InformationRecord record) {
        storeAll(List.of(record));
    }

    /**
     * Persists the records as one batched insert. Their receive sequences come from blocks of the
     * database sequence, handed out in increasing order (V4), and are noted for the horizon once
     * assigned; the flush sends the insert now, so that a conflict surfaces inside this call.
     */
    @Override
    public void storeAll(List<InformationRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        ReceiveHorizon.Write write = horizon.beginWrite();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                horizon.ended(write);
            }
        });
        records.forEach(entityManager::persist);
        entityManager.flush();
        long first = Long.MAX_VALUE;
        long last = 0;
        for (InformationRecord record : records) {
            long sequence = record.sequence().orElseThrow();
            first = Math.min(first, sequence);
            last = Math.max(last, sequence);
        }
        horizon.allocated(write, first, last);
    }

    private long storedMaximum() {
        Long maximum = entityManager.createQuery("SELECT MAX(r.sequence) FROM InformationRecord r", Long.class)
                .getSingleResult();
        return maximum == null ? 0 : maximum;
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
    public long readableUpTo() {
        return horizon.horizon();
    }

    @Override
    public List<InformationRecord> find(InformationCriteria criteria) {
        // Only up to the horizon: a page must not run ahead of a write that commits later.
        StringBuilder jpql = new StringBuilder("SELECT r FROM InformationRecord r WHERE r.sequence > :after"
                + " AND r.sequence <= :horizon");
        criteria.type().ifPresent(type -> jpql.append(" AND r.type = :type"));
        criteria.producer().ifPresent(producer -> jpql.append(" AND r.producer = :producer"));
        criteria.since().ifPresent(since -> jpql.append(" AND r.receivedAt >= :since"));
        criteria.until().ifPresent(until -> jpql.append(" AND r.receivedAt < :until"));
        criteria.severity().ifPresent(severity -> jpql.append(" AND r.severity = :severity"));
        // A category matches itself and everything below it in its tree (malware, malware/ransomware).
        criteria.category().ifPresent(category -> jpql.append(" AND (r.category = :category OR r.category LIKE :below)"));
        jpql.append(" ORDER BY r.sequence");
        TypedQuery<InformationRecord> query = entityManager.createQuery(jpql.toString(), InformationRecord.class)
                .setParameter("after", criteria.afterSequence())
                .setParameter("horizon", horizon.horizon())
                .setMaxResults(criteria.limit());
        criteria.type().ifPresent(type -> query.setParameter("type", type));
        criteria.producer().ifPresent(producer -> query.setParameter("producer", producer));
        criteria.since().ifPresent(since -> query.setParameter("since", LocalDateTime.ofInstant(since, ZoneOffset.UTC)));
        criteria.until().ifPresent(until -> query.setParameter("until", LocalDateTime.ofInstant(until, ZoneOffset.UTC)));
        criteria.severity().ifPresent(severity -> query.setParameter("severity", severity));
        criteria.category().ifPresent(category -> query.setParameter("category", category)
                .setParameter("below", category.replace("%", "").replace("_", "") + "/%"));
        return query.getResultList();
    }
}
