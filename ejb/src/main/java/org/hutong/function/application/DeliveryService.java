package org.hutong.function.application;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.transaction.UserTransaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hutong.function.domain.Invocation;
import org.hutong.function.domain.InvocationEvent;
import org.hutong.function.domain.InvocationRepository;
import org.hutong.function.domain.InvocationTarget;
import org.hutong.registry.application.Provider;
import org.hutong.registry.application.Providers;

/**
 * The outbox of the function context: what must be POSTed is recorded in the transaction that
 * decided it (a pending command, an ended invocation with a callback) and delivered here, after
 * the commit, with exponential back-off between attempts. No HTTP call ever holds a transaction.
 */
@Stateless
@TransactionManagement(TransactionManagementType.BEAN)
public class DeliveryService implements Deliveries {

    private static final Logger LOG = Logger.getLogger(DeliveryService.class.getName());
    /**
     * Due commands and callbacks are claimed in small batches, each leased for long enough to POST the
     * whole batch ({@link #CLAIM} × {@link HttpDelivery#MAX_DURATION} = 200 s, with margin): a server that
     * dies while it POSTs leaves its claims to be retried by another when the lease ends; a server that
     * falls behind its lease (a pause, a slow database) stops POSTing what it claimed rather than race
     * the one that may claim it next. Servers' clocks must agree to well within the margin (NTP).
     */
    private static final int CLAIM = 10;
    private static final int CLAIMS_PER_TURN = 5;
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    InvocationRepository invocations;

    @Inject
    Providers products;

    @Inject
    HttpDelivery http;

    @Inject
    Clock clock;

    @Resource
    UserTransaction transaction;

    private record Due(String key, String url, String json) {
    }

    @Override
    public int deliverDue() {
        int delivered = 0;
        for (int claim = 0; claim < CLAIMS_PER_TURN; claim++) {
            int claimed = deliverClaimedCommands() + deliverClaimedCallbacks();
            delivered += claimed;
            if (claimed == 0) {
                break;
            }
        }
        return delivered;
    }

    private int deliverClaimedCommands() {
        Instant claimed = now();
        List<Due> commands = inTransaction(() -> invocations.claimDueDeliveries(claimed, claimed.plus(LEASE), CLAIM).stream()
                .map(target -> new Due(target.requestId(), callbackOf(target),
                        InvocationService.command(target.invocation(), target)))
                .toList());
        for (Due command : commands) {
            if (lateForLease(claimed)) {
                break;
            }
            Optional<String> failure = command.url() == null ? Optional.of("the product has no callback URL")
                    : http.post(command.url(), command.json(), command.key());
            inTransaction(() -> {
                invocations.findTargetForUpdate(command.key()).ifPresent(target -> {
                    Instant now = now();
                    if (failure.isEmpty()) {
                        target.delivered(now);
                        record(target, now, "dispatched", "POSTed to " + command.url());
                    } else {
                        target.deliveryFailed(failure.get(), now);
                        record(target, now, "delivery-failed", failure.get());
                    }
                });
                return null;
            });
        }
        return commands.size();
    }

    private int deliverClaimedCallbacks() {
        Instant claimed = now();
        List<Due> callbacks = inTransaction(() -> invocations.claimDueCallbacks(claimed, claimed.plus(LEASE), CLAIM).stream()
                .map(invocation -> new Due(invocation.invocationId(), invocation.callbackUrl().orElseThrow(),
                        JSONB.toJson(InvocationView.of(invocation, null))))
                .toList());
        for (Due callback : callbacks) {
            if (lateForLease(claimed)) {
                break;
            }
            Optional<String> failure = http.post(callback.url(), callback.json(), callback.key());
            inTransaction(() -> {
                invocations.find(callback.key()).ifPresent(invocation -> {
                    Instant now = now();
                    if (failure.isEmpty()) {
                        invocation.callbackDelivered();
                    } else {
                        invocation.callbackFailed(now);
                        LOG.log(Level.WARNING, "Callback of invocation {0} to {1} failed: {2}",
                                new Object[] {callback.key(), callback.url(), failure.get()});
                    }
                    invocations.record(new InvocationEvent(invocation.number().orElse(null), null, null, now,
                            failure.isEmpty() ? "callback-delivered" : "callback-failed",
                            failure.orElse("POSTed to " + callback.url())));
                });
                return null;
            });
        }
        return callbacks.size();
    }

    /** Whether one more POST could outlast the lease taken at {@code claimed}. */
    private boolean lateForLease(Instant claimed) {
        boolean late = now().isAfter(claimed.plus(LEASE).minus(HttpDelivery.MAX_DURATION.multipliedBy(2)));
        if (late) {
            LOG.log(Level.WARNING, "Deliveries claimed at {0} are left to the next claim: their lease is nearly over", claimed);
        }
        return late;
    }

    private String callbackOf(InvocationTarget target) {
        return products.find(target.productId()).map(Provider::callbackUrl).orElse(null);
    }

    private void record(InvocationTarget target, Instant now, String kind, String detail) {
        invocations.record(new InvocationEvent(target.invocation().number().orElse(null), target.requestId(),
                target.productId(), now, kind, detail));
    }

    private <T> T inTransaction(Supplier<T> work) {
        try {
            transaction.begin();
            try {
                T result = work.get();
                transaction.commit();
                return result;
            } catch (RuntimeException e) {
                transaction.rollback();
                throw e;
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("delivery bookkeeping failed", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
