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
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
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

    private volatile Boolean derby;

    @Override
    public void store(InformationRecord record) {
        storeAll(List.of(record));
    }

    /** Flushes so that the identity column assigns the receive sequences callers hand out. */
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
        if (isDerby()) {
            return findWithoutWaitingForWriters(producer, envelopeIds);
        }
        return entityManager.createNamedQuery("InformationRecord.byProducerAndIds", InformationRecord.class)
                .setParameter("producer", producer)
                .setParameter("envelopeIds", envelopeIds)
                .getResultList();
    }

    /**
     * Derby locks rows for a committed read, so a look-up would wait for every concurrent batch of
     * the same producer. Find candidates with an uncommitted read first (it sees in-flight rows
     * too, so nothing is missed), then read only those committed: only real duplicates can wait.
     * PostgreSQL reads committed rows without waiting for writers and needs no such detour.
     */
    private List<InformationRecord> findWithoutWaitingForWriters(String producer, Collection<String> envelopeIds) {
        // Forced onto the envelope_id index (V6): left to itself Derby scans all of the producer's rows.
        StringBuilder sql = new StringBuilder("SELECT sequence_no FROM information_item"
                + " --DERBY-PROPERTIES index=IX_INFORMATION_ENVELOPE\n WHERE producer = ?1 AND envelope_id IN (");
        for (int i = 0; i < envelopeIds.size(); i++) {
            sql.append(i == 0 ? "" : ",").append('?').append(i + 2);
        }
        sql.append(") WITH UR");
        Query candidates = entityManager.createNativeQuery(sql.toString()).setParameter(1, producer);
        int position = 2;
        for (String id : envelopeIds) {
            candidates.setParameter(position++, id);
        }
        List<Long> sequences = ((List<?>) candidates.getResultList()).stream()
                .map(value -> ((Number) value).longValue()).toList();
        if (sequences.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery("SELECT r FROM InformationRecord r WHERE r.sequence IN :sequences",
                InformationRecord.class).setParameter("sequences", sequences).getResultList();
    }

    private boolean isDerby() {
        Boolean known = derby;
        if (known == null) {
            try {
                known = entityManager.unwrap(Connection.class).getMetaData().getDatabaseProductName()
                        .toLowerCase(Locale.ROOT).contains("derby");
            } catch (SQLException e) {
                throw new PersistenceException("cannot tell which database this is", e);
            }
            derby = known;
        }
        return known;
    }

    @Override
    public Optional<InformationRecord> findByHubId(String hubId) {
        return entityManager.createNamedQuery("InformationRecord.byHubId", InformationRecord.class)
                .setParameter("hubId", hubId)
                .getResultStream()
                .findFirst();
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
