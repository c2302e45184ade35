package org.hutong.security.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.hutong.audit.application.AuditTrail;
import org.hutong.audit.domain.AuditEntry;
import org.hutong.audit.domain.AuditRecord;
import org.hutong.audit.domain.AuditRepository;

/**
 * Records the server's security configuration in the audit trail when the application starts,
 * and whether it changed since the last start: who may log in how, which groups hold which role,
 * the signature window, the rate limit, the audit hash. Secrets are never recorded.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class SecurityConfigurationAudit {

    static final String ACTION = "configuration.security";
    static final List<String> AUDITED = List.of("hutong.oidc.issuer", "hutong.oidc.audience",
            "hutong.oidc.product.claim", "hutong.security.admin.group", "hutong.security.operator.group",
            "hutong.security.auditor.group", "hutong.security.product.group", "hutong.security.replay.window",
            "hutong.security.rate.limit", "hutong.products.truststore", "hutong.audit.hash",
            "hutong.metrics.authentication", "hutong.ldap.host", "hutong.ldap.base.dn");
    private static final Logger LOG = Logger.getLogger(SecurityConfigurationAudit.class.getName());
    private static final int PAGE = 1000;

    @Inject
    Config config;

    @Inject
    AuditTrail trail;

    @Inject
    AuditRepository repository;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void recordAtStart() {
        String current = describe(config);
        Optional<String> previous = lastRecorded();
        String outcome = previous.isEmpty() ? "first recorded" : previous.get().equals(current) ? "unchanged" : "changed";
        trail.record(AuditEntry.success("server", ACTION, outcome, current));
        Level level = "changed".equals(outcome) ? Level.WARNING : Level.INFO;
        LOG.log(level, "Security configuration {0}: {1}", new Object[] {outcome, current});
    }

    static String describe(Config config) {
        Map<String, String> values = new TreeMap<>();
        for (String name : AUDITED) {
            values.put(name, config.getOptionalValue(name, String.class).orElse(""));
        }
        return values.toString();
    }

    private Optional<String> lastRecorded() {
        Optional<String> last = Optional.empty();
        long after = 0;
        while (true) {
            List<AuditRecord> page = repository.find(null, ACTION, null, null, after, PAGE);
            for (AuditRecord record : page) {
                last = record.detail();
                after = record.number();
            }
            if (page.size() < PAGE) {
                return last;
            }
        }
    }
}
