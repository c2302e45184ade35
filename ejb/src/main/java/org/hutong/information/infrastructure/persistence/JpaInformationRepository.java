package org.hutong.information.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
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
    public Optional<InformationRecord> findByProducerAndId(String producer, String envelopeId) {
        return entityManager.createNamedQuery("InformationRecord.byProducerAndId", InformationRecord.class)
                .setParameter("producer", producer)
                .setParameter("envelopeId", envelopeId)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<InformationRecord> find(InformationCriteria criteria) {
        StringBuilder jpql = new StringBuilder("SELECT r FROM InformationRecord r WHERE r.sequence > :after");
        criteria.type().ifPresent(type -> jpql.append(" AND r.type = :type"));
        criteria.producer().ifPresent(producer -> jpql.append(" AND r.producer = :producer"));
        jpql.append(" ORDER BY r.sequence");
        TypedQuery<InformationRecord> query = entityManager.createQuery(jpql.toString(), InformationRecord.class)
                .setParameter("after", criteria.afterSequence())
                .setMaxResults(criteria.limit());
        criteria.type().ifPresent(type -> query.setParameter("type", type));
        criteria.producer().ifPresent(producer -> query.setParameter("producer", producer));
        return query.getResultList();
    }
}
