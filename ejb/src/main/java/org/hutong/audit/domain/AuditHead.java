package org.hutong.audit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The end of the chain: the last record's number and hash. One row, locked by every append. */
@Entity
@Table(name = "audit_head")
public class AuditHead {

    @Id
    @Column(name = "head_id")
    private int id;

    @Column(name = "last_no", nullable = false)
    private long lastNumber;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    protected AuditHead() {
        // for JPA
    }

    /** Appends the record after the current end; the record must have been built from this head. */
    public void advance(AuditRecord record) {
        if (record.number() != lastNumber + 1 || !record.previousHash().equals(lastHash)) {
            throw new IllegalArgumentException("record " + record.number() + " does not follow " + lastNumber);
        }
        this.lastNumber = record.number();
        this.lastHash = record.hash();
    }

    public long lastNumber() {
        return lastNumber;
    }

    public String lastHash() {
        return lastHash;
    }
}
