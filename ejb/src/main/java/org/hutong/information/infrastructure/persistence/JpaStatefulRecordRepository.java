package org.hutong.information.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hutong.information.domain.state.AssetIdentity;
import org.hutong.information.domain.state.AssetRecord;
import org.hutong.information.domain.state.IncidentRecord;
import org.hutong.information.domain.state.RecordChange;
import org.hutong.information.domain.state.RecordCriteria;
import org.hutong.information.domain.state.RecordKind;
import org.hutong.information.domain.state.StatefulRecord;
import org.hutong.information.domain.state.StatefulRecordRepository;
import org.hutong.information.domain.state.VulnerabilityRecord;

@ApplicationScoped
public class JpaStatefulRecordRepository implements StatefulRecordRepository {

    @PersistenceContext(unitName = "hutong")
    EntityManager entityManager;

    @Override
    public List<AssetRecord> findAssetsByIdentity(Collection<String> identityKeys) {
        return entityManager.createQuery("SELECT a FROM AssetRecord a WHERE a.number IN"
                        + " (SELECT x.number FROM AssetRecord x JOIN x.identities i WHERE i IN :keys)",
                AssetRecord.class).setParameter("keys", identityKeys).getResultList();
    }

    @Override
    public List<AssetRecord> findAssetsByAddress(Collection<String> addressKeys) {
        if (addressKeys.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery("SELECT a FROM AssetRecord a WHERE a.number IN"
                        + " (SELECT x.number FROM AssetRecord x JOIN x.addresses i WHERE i IN :keys)",
                AssetRecord.class).setParameter("keys", addressKeys).getResultList();
    }

    @Override
    public List<VulnerabilityRecord> findVulnerabilitiesByIdentifier(Collection<String> identifiers) {
        if (identifiers.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery(
                        "SELECT v FROM VulnerabilityRecord v WHERE v.number IN"
                                + " (SELECT x.number FROM VulnerabilityRecord x JOIN x.identifiers i WHERE i IN :identifiers)",
                        VulnerabilityRecord.class)
                .setParameter("identifiers", identifiers).getResultList();
    }

    @Override
    public Optional<IncidentRecord> findIncidentByIdentity(String identityKey) {
        return entityManager.createQuery("SELECT i FROM IncidentRecord i WHERE i.identityKey = :key", IncidentRecord.class)
                .setParameter("key", identityKey).getResultStream().findFirst();
    }

    @Override
    public void add(StatefulRecord record) {
        entityManager.persist(record);
    }

    @Override
    public void append(RecordChange change) {
        entityManager.persist(change);
    }

    @Override
    public <T extends StatefulRecord> Optional<T> findByRecordId(Class<T> type, String recordId) {
        return entityManager.createQuery("SELECT r FROM " + type.getSimpleName() + " r WHERE r.recordId = :id", type)
                .setParameter("id", recordId).getResultStream().findFirst();
    }

    @Override
    public List<? extends StatefulRecord> find(RecordCriteria criteria) {
        Class<? extends StatefulRecord> entity = criteria.kind().entity();
        StringBuilder jpql = new StringBuilder("SELECT r FROM ").append(entity.getSimpleName())
                .append(" r WHERE r.number > :after");
        switch (criteria.kind()) {
            case ASSET -> {
                criteria.filter("ip").ifPresent(ip -> jpql.append(" AND r.number IN (SELECT x.number FROM AssetRecord x JOIN x.addresses a WHERE a = :ip)"));
                criteria.filter("mac").ifPresent(mac -> jpql.append(" AND r.number IN (SELECT y.number FROM AssetRecord y JOIN y.addresses b WHERE b = :mac)"));
                criteria.filter("name").ifPresent(name -> jpql.append(" AND LOWER(r.name) LIKE :name"));
                criteria.filter("kind").ifPresent(kind -> jpql.append(" AND r.kind = :kind"));
            }
            case VULNERABILITY -> {
                criteria.filter("grade").ifPresent(grade -> jpql.append(" AND r.grade = :grade"));
                criteria.filter("asset").ifPresent(asset -> jpql.append(" AND r.number IN (SELECT x.number FROM VulnerabilityRecord x JOIN x.assets a WHERE a = :asset)"));
                criteria.filter("id").ifPresent(id -> jpql.append(" AND r.number IN (SELECT y.number FROM VulnerabilityRecord y JOIN y.identifiers i WHERE i = :id)"));
            }
            case INCIDENT -> {
                // A category matches itself and the sub-categories below it.
                criteria.filter("category").ifPresent(category -> jpql.append(" AND (r.category = :category"
                        + " OR r.subCategory = :category)"));
                criteria.filter("grade").ifPresent(grade -> jpql.append(" AND r.grade = :grade"));
                criteria.filter("status").ifPresent(status -> jpql.append(" AND r.status = :status"));
            }
        }
        // Element collections are matched in sub-queries: a join would repeat a record per match.
        jpql.append(" ORDER BY r.number");
        TypedQuery<? extends StatefulRecord> query = entityManager.createQuery(jpql.toString(), entity)
                .setParameter("after", criteria.after())
                .setMaxResults(criteria.limit());
        criteria.filters().forEach((name, value) -> query.setParameter(name, parameter(name, value)));
        return query.getResultList();
    }

    private static Object parameter(String filter, String value) {
        return switch (filter) {
            case "ip" -> AssetIdentity.ipKey(value);
            case "mac" -> AssetIdentity.macKey(value);
            case "name" -> "%" + value.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
            case "id" -> VulnerabilityRecord.normalIdentifier(value);
            default -> value;
        };
    }

    @Override
    public List<RecordChange> history(RecordKind kind, String recordId) {
        return entityManager.createQuery("SELECT c FROM RecordChange c WHERE c.kind = :kind AND c.recordId = :id"
                        + " ORDER BY c.number", RecordChange.class)
                .setParameter("kind", kind).setParameter("id", recordId).getResultList();
    }
}
