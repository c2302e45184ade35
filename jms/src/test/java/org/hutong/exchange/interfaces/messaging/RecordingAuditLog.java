package org.hutong.exchange.interfaces.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hutong.audit.application.AuditLog;
import org.hutong.audit.application.AuditView;
import org.hutong.audit.application.ChainVerification;
import org.hutong.audit.domain.AuditEntry;

/** The audit trail as a listener test sees it: each security event as "actor action outcome". */
public final class RecordingAuditLog implements AuditLog {

    public final List<String> recorded = new ArrayList<>();

    @Override
    public List<AuditView> find(String actor, String action, Instant since, Instant until, long after, int limit) {
        throw new AssertionError("a listener only records in the audit trail");
    }

    @Override
    public ChainVerification verify() {
        throw new AssertionError("a listener only records in the audit trail");
    }

    @Override
    public void recordSecurityEvent(AuditEntry entry) {
        recorded.add(entry.actor() + " " + entry.action() + " " + entry.outcome());
    }
}
