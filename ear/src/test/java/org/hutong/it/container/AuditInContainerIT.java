package org.hutong.it.container;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.hutong.audit.application.AuditLog;
import org.hutong.audit.application.AuditTrail;
import org.hutong.audit.application.ChainVerification;
import org.hutong.audit.domain.AuditEntry;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The audit chain in the real database: a row edited behind the hub's back is found by verify. */
@ExtendWith(ArquillianExtension.class)
class AuditInContainerIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.informationContext("audit").addClass(AuditInContainerIT.class);
    }

    @Inject
    AuditTrail trail;

    @EJB
    AuditLog log;

    @Test
    void verifyNamesARowEditedDirectlyInTheDatabase() throws Exception {
        // Looked up, not injected: Arquillian's test enrichment does not honour @Resource(lookup).
        UserTransaction transaction = (UserTransaction) new InitialContext().lookup("java:comp/UserTransaction");
        String target = "inv-" + UUID.randomUUID();
        transaction.begin();
        trail.record(AuditEntry.success("alice", "invocation.start", target, "protect.block-ip on all"));
        trail.record(AuditEntry.success("fw-01", "invocation.result", target, "succeeded"));
        transaction.commit();
        assertThat(log.verify().intact()).isTrue();

        long number = sealedNumber(target);
        String original = update(number, "protect.block-ip on nothing");
        try {
            ChainVerification verdict = log.verify();

            assertThat(verdict.intact()).isFalse();
            assertThat(verdict.firstBroken()).isEqualTo(number);
            assertThat(verdict.reason()).contains("content");
        } finally {
            update(number, original);
        }
        assertThat(log.verify().intact()).isTrue();
    }

    /**
     * Appending to the trail must not serialise business transactions: while one transaction that
     * audited something is still open, another one audits and commits without waiting for it.
     */
    @Test
    void anOpenTransactionThatAuditedDoesNotHoldBackAnotherOne() throws Exception {
        UserTransaction open = (UserTransaction) new InitialContext().lookup("java:comp/UserTransaction");
        ManagedExecutorService executor = (ManagedExecutorService) new InitialContext()
                .lookup("java:comp/DefaultManagedExecutorService");
        String slow = "inv-" + UUID.randomUUID();
        String quick = "inv-" + UUID.randomUUID();
        open.begin();
        try {
            trail.record(AuditEntry.success("alice", "invocation.start", slow, "still deciding"));
            Future<?> other = executor.submit(() -> {
                UserTransaction own = (UserTransaction) new InitialContext().lookup("java:comp/UserTransaction");
                own.begin();
                trail.record(AuditEntry.success("bob", "invocation.start", quick, "decided"));
                own.commit();
                return null;
            });
            other.get(10, TimeUnit.SECONDS);
        } finally {
            open.commit();
        }
    }

    /** The number the sealer gave the first record on {@code target}, once it has sealed it. */
    private long sealedNumber(String target) throws InterruptedException {
        for (int attempt = 0; attempt < 120; attempt++) {
            Long number = log.find(null, null, null, null, 0, 1_000_000).stream()
                    .filter(view -> target.equals(view.target())).findFirst().orElseThrow().number();
            if (number != null) {
                return number;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the entries on " + target + " were not sealed within 30 s");
    }

    /** Sets the detail of record {@code number} with plain JDBC; returns what it was. */
    private String update(long number, String detail) throws Exception {
        DataSource database = (DataSource) new InitialContext().lookup("jdbc/hutong");
        try (Connection connection = database.getConnection()) {
            String before;
            try (PreparedStatement read = connection.prepareStatement("SELECT detail FROM audit_record WHERE audit_no = ?")) {
                read.setLong(1, number);
                try (ResultSet row = read.executeQuery()) {
                    row.next();
                    before = row.getString(1);
                }
            }
            try (PreparedStatement write = connection.prepareStatement("UPDATE audit_record SET detail = ? WHERE audit_no = ?")) {
                write.setString(1, detail);
                write.setLong(2, number);
                assertThat(write.executeUpdate()).isEqualTo(1);
            }
            return before;
        }
    }
}
