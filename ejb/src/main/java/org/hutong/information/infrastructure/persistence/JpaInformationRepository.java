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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.hutong.information.domain.InformationCriteria;
import org.hutong.information.domain.InformationRecord;
import org.hutong.information.domain.InformationRepository;

@ApplicationScoped
public class JpaInformationRepository implements InformationRepository {

    /** {@code information_item_seq}'s {@code INCREMENT BY} (V4): one {@code nextval} numbers this many items. */
    static final int SEQUENCE_BLOCK = 100;

    private static final String NEXT_BLOCKS = "SELECT nextval('information_item_seq') FROM generate_series(1, ?)";
    private static final String INSERT = "INSERT INTO information_item (sequence_no, hub_id, producer, envelope_id,"
            + " info_type, spec_version, produced_at, received_at, content_hash, body_json, signature, severity, category)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

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
     * Inserts the records with plain JDBC in the persistence context's transaction: rows that are
     * never updated need none of the unit of work's bookkeeping. Receive sequences come in blocks
     * of {@value #SEQUENCE_BLOCK} (one {@code nextval} each, handed out in increasing order: V4);
     * the write is announced to the horizon before it takes them and noted once it has.
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
        // The persistence context's own connection: one transaction with what else it writes; never closed here.
        Connection connection = entityManager.unwrap(Connection.class);
        try {
            long first = Long.MAX_VALUE;
            long last = 0;
            Iterator<InformationRecord> unnumbered = records.iterator();
            for (long block : blocks(connection, (records.size() + SEQUENCE_BLOCK - 1) / SEQUENCE_BLOCK)) {
                first = Math.min(first, block);
                for (long sequence = block; sequence < block + SEQUENCE_BLOCK && unnumbered.hasNext(); sequence++) {
                    unnumbered.next().numbered(sequence);
                    last = Math.max(last, sequence);
                }
            }
            horizon.allocated(write, first, last);
            insert(connection, records);
        } catch (SQLException e) {
            throw new PersistenceException("cannot store information: " + e.getMessage(), e);
        }
    }

    private static List<Long> blocks(Connection connection, int count) throws SQLException {
        List<Long> blocks = new ArrayList<>(count);
        try (PreparedStatement next = connection.prepareStatement(NEXT_BLOCKS)) {
            next.setInt(1, count);
            try (ResultSet rows = next.executeQuery()) {
                while (rows.next()) {
                    blocks.add(rows.getLong(1));
                }
            }
        }
        return blocks;
    }

    private static void insert(Connection connection, List<InformationRecord> records) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (InformationRecord record : records) {
                insert.setLong(1, record.sequence().orElseThrow());
                insert.setString(2, record.hubId());
                insert.setString(3, record.producer());
                insert.setString(4, record.envelopeId());
                // As the entity maps it: @Enumerated(STRING), UTC wall-clock times.
                insert.setString(5, record.type().name());
                insert.setString(6, record.specVersion());
                insert.setObject(7, LocalDateTime.ofInstant(record.producedAt(), ZoneOffset.UTC));
                insert.setObject(8, LocalDateTime.ofInstant(record.receivedAt(), ZoneOffset.UTC));
                insert.setString(9, record.contentHash());
                insert.setString(10, record.bodyJson());
                insert.setString(11, record.signature().orElse(null));
                if (record.severity().isPresent()) {
                    insert.setShort(12, (short) record.severity().getAsInt());
                } else {
                    insert.setNull(12, Types.SMALLINT);
                }
                insert.setString(13, record.category().orElse(null));
                insert.addBatch();
            }
            insert.executeBatch();
        }
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
