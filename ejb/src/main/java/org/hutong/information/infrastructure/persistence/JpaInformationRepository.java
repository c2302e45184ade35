package org.hutong.information.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
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

    private volatile Boolean derby;

    @Override
    public void store(InformationRecord record) {
        entityManager.persist(record);
        // The identity column assigns the receive sequence: flush so callers can hand it out.
        entityManager.flush();
    }

    @Override
    public void storeAll(List<InformationRecord> records) {
        records.forEach(entityManager::persist);
        entityManager.flush();
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
        StringBuilder sql = new StringBuilder("SELECT sequence_no FROM information_item WHERE producer = ?1 AND envelope_id IN (");
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
        StringBuilder jpql = new StringBuilder("SELECT r FROM InformationRecord r WHERE r.sequence > :after");
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
