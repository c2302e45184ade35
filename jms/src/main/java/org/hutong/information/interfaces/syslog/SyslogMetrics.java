package org.hutong.information.interfaces.syslog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.hutong.information.application.syslog.SyslogReceipt;

/**
 * Counters of the syslog receiver at {@code /metrics} (application scope): lines by transport and
 * outcome (accepted, duplicate, parked), connections refused by reason, and UDP datagrams dropped by
 * reason — the only place a syslog line can end without being stored or parked.
 */
@ApplicationScoped
public class SyslogMetrics {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    void counted(String transport, SyslogReceipt receipt) {
        lines(transport, "accepted", receipt.accepted());
        lines(transport, "duplicate", receipt.duplicates());
        lines(transport, "parked", receipt.parked());
    }

    private void lines(String transport, String outcome, int count) {
        if (count > 0) {
            registry.counter("hutong.syslog.lines", new Tag("transport", transport), new Tag("outcome", outcome))
                    .inc(count);
        }
    }

    void refusedConnection(String transport, String reason) {
        registry.counter("hutong.syslog.connections.refused", new Tag("transport", transport), new Tag("reason", reason))
                .inc();
    }

    void droppedDatagram(String reason) {
        registry.counter("hutong.syslog.udp.dropped", new Tag("reason", reason)).inc();
    }
}
