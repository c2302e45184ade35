package org.hutong.function.infrastructure.scheduling;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hutong.function.application.Deliveries;
import org.hutong.function.application.Invocations;

/**
 * Every second: ends the commands whose deadline passed without an outcome as timed out, then
 * delivers what is due over HTTPS (commands to products' callbacks, ended invocations to callers).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InvocationTimeoutSweep {

    private static final Logger LOG = Logger.getLogger(InvocationTimeoutSweep.class.getName());

    @EJB
    Invocations invocations;

    @EJB
    Deliveries deliveries;

    // A round that takes longer than a second (slow callbacks) must not overlap the next one.
    private final AtomicBoolean sweeping = new AtomicBoolean();

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false, info = "invocation time-outs and deliveries")
    void sweep() {
        if (!sweeping.compareAndSet(false, true)) {
            return;
        }
        try {
            round();
        } finally {
            sweeping.set(false);
        }
    }

    private void round() {
        try {
            invocations.timeOutOverdue();
        } catch (RuntimeException e) {
            // A result raced the sweep for the same command, or the database is away: next second.
            LOG.log(Level.FINE, "The time-out sweep will try again", e);
        }
        try {
            deliveries.deliverDue();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "The delivery sweep will try again", e);
        }
    }
}
