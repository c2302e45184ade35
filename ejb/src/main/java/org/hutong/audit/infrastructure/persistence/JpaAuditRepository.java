package org.hutong.audit.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hutong.audit.domain.AuditEntry;
import org.hutong.audit.domain.AuditHead;
import org.hutong.audit.domain.AuditRecord;
import org.hutong.audit.domain.AuditRepository;
import org.hutong.audit.domain.UnsealedEntry;

/**
 * Sealed records and the head through JPA; unsealed entries and the sealer's batch through plain JDBC
 * on the persistence context's own connection (one database transaction with the business rows).
 */
@ApplicationScoped
public class JpaAuditRepository implements AuditRepository {

    /** Makes one sealer at a time across servers: a transaction holding it is the one sealing. */
    public static final long SEALER_LOCK = 0x487574_6f6e67_02L;

    private static final int HEAD = 1;
    private static final String ENTRY_COLUMNS = "entry_no, entry_id, occurred_at, actor, action, target, outcome,"
            + " detail, algorithm, entry_hash";
    private static final String APPEND = "INSERT INTO audit_unsealed (entry_id, occurred_at, actor, action, target,"
            + " outcome, detail, algorithm, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SEAL = "INSERT INTO audit_record (audit_no, occurred_at, actor, action, target, outcome,"
            + " detail, algorithm, previous_hash, record_hash, entry_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @PersistenceContext(unitName = "hutong")
    EntityManager entityManager;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    SealerWakeup sealer;

    @Override
    public void appendUnsealed(UnsealedEntry unsealed) {
        AuditEntry entry = unsealed.entry();
        try (PreparedStatement insert = connection().prepareStatement(APPEND)) {
            insert.setString(1, unsealed.entryId());
            insert.setObject(2, utc(unsealed.at()));
            insert.setString(3, entry.actor());
            insert.setString(4, entry.action());
            insert.setString(5, entry.target());
            insert.setString(6, entry.outcome());
            insert.setString(7, entry.detail());
            insert.setString(8, unsealed.algorithm());
            insert.setString(9, unsealed.hash());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append to the audit trail: " + e.getMessage(), e);
        }
        sealer.wakeOnCommit(transactions);
    }

    @Override
    public boolean claimSealing() {
        try (PreparedStatement lock = connection().prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, SEALER_LOCK);
            try (ResultSet locked = lock.executeQuery()) {
                return locked.next() && locked.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the audit sealer's lock: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Positioned> unsealed(long after, int limit) {
        try (PreparedStatement query = connection().prepareStatement("SELECT " + ENTRY_COLUMNS
                + " FROM audit_unsealed WHERE entry_no > ? ORDER BY entry_no LIMIT ?")) {
            query.setLong(1, after);
            query.setInt(2, limit);
            List<Positioned> entries = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(new Positioned(rows.getLong(1), entry(rows)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the unsealed audit entries: " + e.getMessage(), e);
        }
    }

    @Override
    public List<UnsealedEntry> unsealed(String actor, String action, Instant since, Instant until, int limit) {
        StringBuilder sql = new StringBuilder("SELECT ").append(ENTRY_COLUMNS).append(" FROM audit_unsealed WHERE TRUE");
        List<Object> parameters = new ArrayList<>();
        if (actor != null) {
            sql.append(" AND actor = ?");
            parameters.add(actor);
        }
        if (action != null) {
            sql.append(" AND action = ?");
            parameters.add(action);
        }
        if (since != null) {
            sql.append(" AND occurred_at >= ?");
            parameters.add(utc(since));
        }
        if (until != null) {
            sql.append(" AND occurred_at < ?");
            parameters.add(utc(until));
        }
        sql.append(" ORDER BY entry_no LIMIT ?");
        parameters.add(limit);
        try (PreparedStatement query = connection().prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            List<UnsealedEntry> entries = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(entry(rows));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the unsealed audit entries: " + e.getMessage(), e);
        }
    }

    @Override
    public void seal(List<AuditRecord> records, List<UnsealedEntry> sealed) {
        Connection connection = connection();
        try (PreparedStatement insert = connection.prepareStatement(SEAL);
                PreparedStatement delete = connection.prepareStatement("DELETE FROM audit_unsealed WHERE entry_id = ANY (?)")) {
            for (AuditRecord record : records) {
                insert.setLong(1, record.number());
                insert.setObject(2, utc(record.occurredAt()));
                insert.setString(3, record.actor());
                insert.setString(4, record.action());
                insert.setString(5, record.target().orElse(null));
                insert.setString(6, record.outcome());
                insert.setString(7, record.detail().orElse(null));
                insert.setString(8, record.algorithm());
                insert.setString(9, record.previousHash());
                insert.setString(10, record.hash());
                insert.setString(11, record.entryId().orElse(null));
                insert.addBatch();
            }
            insert.executeBatch();
            delete.setArray(1, connection.createArrayOf("varchar", sealed.stream().map(UnsealedEntry::entryId).toArray()));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot seal audit entries: " + e.getMessage(), e);
        }
    }

    @Override
    public AuditHead lockHead() {
        return entityManager.find(AuditHead.class, HEAD, LockModeType.PESSIMISTIC_WRITE);
    }

    @Override
    public AuditHead head() {
        return entityManager.find(AuditHead.class, HEAD);
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

    private static UnsealedEntry entry(ResultSet row) throws SQLException {
        return new UnsealedEntry(row.getString(2), new AuditEntry(row.getString(4), row.getString(5), row.getString(6),
                row.getString(7), row.getString(8)), row.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                row.getString(9), row.getString(10));
    }

    /** Timestamps are stored in UTC without a zone, as the JPA mapping of {@code occurred_at} does. */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The persistence context's connection in this transaction, owned (and closed) by it. */
    private Connection connection() {
        return entityManager.unwrap(Connection.class);
    }
}
