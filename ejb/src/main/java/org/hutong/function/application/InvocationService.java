package org.hutong.function.application;

import static org.hutong.shared.domain.JsonApi.JSON;

import org.hutong.security.application.OutboundPolicy;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hutong.audit.application.AuditTrail;
import org.hutong.audit.domain.AuditEntry;
import org.hutong.exchange.application.ReceivedMessage;
import org.hutong.function.domain.FunctionDefinition;
import org.hutong.function.domain.Invocation;
import org.hutong.function.domain.InvocationEvent;
import org.hutong.function.domain.InvocationRepository;
import org.hutong.function.domain.InvocationStatus;
import org.hutong.function.domain.InvocationTarget;
import org.hutong.function.domain.ResultRefusedException;
import org.hutong.function.domain.TargetStatus;
import org.hutong.information.application.BatchReceipt;
import org.hutong.information.application.InformationIngestion;
import org.hutong.information.application.RejectionPolicy;
import org.hutong.shared.domain.Violation;
import org.hutong.registry.application.Provider;
import org.hutong.registry.application.Providers;
import org.hutong.security.application.EnvelopeIntegrity;
import org.hutong.shared.domain.AccessRefusedException;
import org.hutong.shared.domain.Sender;

@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class InvocationService implements Invocations {

    private static final Logger LOG = Logger.getLogger(InvocationService.class.getName());
    static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);
    static final Duration MAX_TIMEOUT = Duration.ofHours(24);
    private static final int SWEEP_BATCH = 500;

    @Inject
    OutboundPolicy outbound;

    @Inject
    FunctionCatalog catalog;

    @Inject
    Providers products;

    @Inject
    EnvelopeIntegrity integrity;

    @Inject
    InvocationRepository invocations;

    @Inject
    CommandDispatcher dispatcher;

    @Inject
    InformationIngestion information;

    @Inject
    RejectedResults rejectedResults;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    @Override
    public InvocationView invoke(InvocationRequest request) {
        FunctionDefinition function = validate(request);
        // The actor is who authenticated, whatever the request says about itself.
        return start(function, request, targets(request, function), session.getCallerPrincipal().getName());
    }

    @Override
    public RuleInvocation invokeForRule(InvocationRequest request, List<String> productIds, String rule) {
        try {
            FunctionDefinition function = validate(request);
            List<Provider> targets = productIds.stream().map(products::find).flatMap(Optional::stream)
                    .filter(Provider::active).filter(product -> product.provides(function.id())).toList();
            if (targets.isEmpty()) {
                return RuleInvocation.refused("no active product among " + productIds + " provides " + function.id());
            }
            return RuleInvocation.started(start(function, request, targets, rule).id());
        } catch (InvocationRefusedException e) {
            // Caught here, before anything was written: the rule engine's transaction goes on.
            return RuleInvocation.refused(e.getMessage());
        }
    }

    private InvocationView start(FunctionDefinition function, InvocationRequest request, List<Provider> targets,
            String actor) {
        Instant now = now();
        Invocation invocation = new Invocation(function.id(), request.target(),
                targets.stream().map(Provider::id).toList(), request.arguments().toString(), request.timeout(),
                actor, request.callbackUrl(), now);
        invocations.add(invocation);
        for (InvocationTarget target : invocation.targets()) {
            Provider product = targets.stream().filter(p -> p.id().equals(target.productId())).findFirst().orElseThrow();
            if (product.commandQueue().isPresent()) {
                String queue = product.commandQueue().get();
                dispatcher.send(queue, target.requestId(), function.id(), command(invocation, target), target.deadline());
                target.dispatched(now);
                event(invocation, target, now, "dispatched", "on " + queue);
            } else {
                // POSTed after the commit by the delivery sweep, with retries: see DeliveryService.
                target.deliverOverHttps(now);
                event(invocation, target, now, "pending", "to be POSTed to " + product.callbackUrl());
            }
        }
        audit.record(AuditEntry.success(actor, "invocation.start", invocation.invocationId(),
                function.id() + " on " + request.target() + ": " + invocation.targets().stream()
                        .map(InvocationTarget::productId).toList()
                        + (request.onBehalfOf() == null ? "" : "; claims to act for " + request.onBehalfOf())));
        LOG.log(Level.INFO, "Invocation {0} of {1} on {2}: {3} target(s)",
                new Object[] {invocation.invocationId(), function.id(), request.target(), targets.size()});
        return InvocationView.of(invocation, null);
    }

    /** The command message a product receives: JSON, correlated by request_id. */
    static String command(Invocation invocation, InvocationTarget target) {
        return JSON.createObjectBuilder()
                .add("request_id", target.requestId())
                .add("invocation_id", invocation.invocationId())
                .add("function", invocation.functionId())
                .add("arguments", InvocationView.parse(invocation.argumentsJson()))
                .add("created", invocation.createdAt().toString())
                .add("deadline", target.deadline().toString())
                .add("reply_to", "hutong.function.results")
                .build().toString();
    }

    private FunctionDefinition validate(InvocationRequest request) {
        List<Violation> violations = new ArrayList<>();
        Optional<FunctionDefinition> function = Optional.ofNullable(request.function()).flatMap(catalog::find);
        if (function.isEmpty()) {
            violations.add(new Violation("/function", "'" + request.function() + "' is not in the function catalog"));
        }
        if (request.target() == null || request.target().isBlank()) {
            violations.add(new Violation("/target", "is required: a product id, or 'all'"));
        }
        if (request.timeout() == null || request.timeout().compareTo(MIN_TIMEOUT) < 0
                || request.timeout().compareTo(MAX_TIMEOUT) > 0) {
            violations.add(new Violation("/timeout", "must be an ISO 8601 duration from PT1S to PT24H"));
        }
        if (request.callbackUrl() != null) {
            outbound.refusal(request.callbackUrl()).ifPresent(reason -> violations.add(new Violation("/callback", reason)));
        }
        if (request.arguments() == null) {
            violations.add(new Violation("/arguments", "is required (an object; {} when the function takes none)"));
        } else {
            function.ifPresent(f -> catalog.validateArguments(f.id(), request.arguments()).forEach(
                    violation -> violations.add(new Violation("/arguments" + violation.pointer(), violation.message()))));
        }
        if (!violations.isEmpty()) {
            throw InvocationRefusedException.invalid(violations);
        }
        return function.get();
    }

    private List<Provider> targets(InvocationRequest request, FunctionDefinition function) {
        if (Invocation.ALL.equals(request.target())) {
            List<Provider> providers = products.activeProviders(function.id());
            if (providers.isEmpty()) {
                throw InvocationRefusedException.noTarget("no active product provides " + function.id());
            }
            return providers;
        }
        Provider product = products.find(request.target()).orElseThrow(() -> InvocationRefusedException.invalid(
                List.of(new Violation("/target", "no product '" + request.target() + "' is registered"))));
        if (!product.active()) {
            throw InvocationRefusedException.noTarget("product '" + product.id() + "' is " + product.status());
        }
        if (!product.provides(function.id())) {
            throw InvocationRefusedException.noTarget("product '" + product.id() + "' does not provide " + function.id());
        }
        return List.of(product);
    }

    @Override
    public InvocationView report(ResultReport report) {
        Instant now = now();
        Optional<InvocationTarget> found = Optional.ofNullable(report.requestId())
                .flatMap(invocations::findTargetForUpdate);
        if (found.isEmpty()) {
            invocations.record(new InvocationEvent(null, report.requestId(), report.product(), now, "unknown-result",
                    "no command has the request id " + report.requestId()));
            audit.record(AuditEntry.refused(actor(report), "invocation.result", report.requestId(), "unknown request id"));
            throw new ResultRefusedException("unknown-request", "no command has the request id " + report.requestId());
        }
        InvocationTarget target = found.get();
        Invocation invocation = target.invocation();
        if (report.product() != null && !report.product().equals(target.productId())) {
            event(invocation, target, now, "wrong-product", "a result from '" + report.product() + "' was refused");
            audit.record(AuditEntry.refused(actor(report), "invocation.result", report.requestId(),
                    "sent to " + target.productId()));
            throw new ResultRefusedException("wrong-product", "request " + report.requestId() + " was sent to '"
                    + target.productId() + "', not to '" + report.product() + "'");
        }
        try {
            integrity.checkResult(target.productId(), report.signature(), report.signingInput());
        } catch (AccessRefusedException e) {
            event(invocation, target, now, "signature", e.getMessage());
            audit.record(AuditEntry.refused(actor(report), "invocation.result", report.requestId(), e.getMessage()));
            throw new ResultRefusedException("signature", e.getMessage());
        }
        TargetStatus status = TargetStatus.fromWireName(report.status()).orElseThrow(() -> new ResultRefusedException(
                "illegal-status", "a product reports accepted, succeeded or failed, not " + report.status()));
        try {
            target.report(status, report.result() == null ? null : report.result().toString(), report.error(), now);
        } catch (ResultRefusedException e) {
            event(invocation, target, now, e.reason(), e.getMessage());
            audit.record(AuditEntry.refused(actor(report), "invocation.result", report.requestId(), e.getMessage()));
            throw e;
        }
        audit.record(AuditEntry.success(target.productId(), "invocation.result", report.requestId(),
                invocation.invocationId() + ": " + status.wireName()));
        products.heardFrom(target.productId(), now);
        event(invocation, target, now, status.wireName(), report.error());
        if (report.information() != null && !report.information().isEmpty()) {
            BatchReceipt receipt = information.ingestBatch(report.information().toString(), RejectionPolicy.PARK,
                    Sender.product(target.productId()));
            event(invocation, target, now, "information", receipt.accepted() + " accepted, " + receipt.duplicates()
                    + " duplicate, " + receipt.rejected() + " rejected");
        }
        if (invocation.status().isFinal()) {
            LOG.log(Level.INFO, "Invocation {0} ended {1}", new Object[] {invocation.invocationId(),
                    invocation.status().wireName()});
        }
        return InvocationView.of(invocation, null);
    }

    @Override
    public void acceptResultMessages(List<ReceivedMessage> messages) {
        for (ReceivedMessage message : messages) {
            if (message.refusal() == null) {
                acceptResultMessage(message.payload(), message.sender());
                continue;
            }
            if (!message.unreadable()) {
                // No sender the broker vouches for: refused as an unauthenticated HTTP report would be.
                audit.record(AuditEntry.refused(message.claimedUser(), "invocation.result", "hutong.function.results",
                        message.refusal()));
            }
            refuseResultMessage(message.payload(), message.refusal());
        }
    }

    private void acceptResultMessage(String payload, Sender sender) {
        try {
            ResultReport parsed = ResultReports.parse(payload);
            if (!sender.isHub()) {
                // A product reports as itself: the broker account it logged in with names it.
                if (parsed.product() != null && !parsed.product().equals(sender.productId())) {
                    throw new ResultRefusedException("wrong-product", "the result names product '" + parsed.product()
                            + "' but was sent by '" + sender.productId() + "'");
                }
                parsed = parsed.from(sender.productId());
            }
            report(parsed);
        } catch (IllegalArgumentException | ResultRefusedException e) {
            LOG.log(Level.WARNING, "Refused a function result: {0}", e.getMessage());
            rejectedResults.park(payload, e.getMessage());
        }
    }

    @Override
    public InvocationView reportAsCaller(ResultReport report) {
        // A product reports only as itself: the caller the container authenticated, not what the report says.
        String self = session.getCallerPrincipal().getName();
        if (report.product() != null && !report.product().equals(self)) {
            throw new AccessRefusedException("the result names product '" + report.product() + "' but was sent by '"
                    + self + "'");
        }
        return report(report.from(self));
    }

    @Override
    public void refuseResultMessage(String payload, String reason) {
        LOG.log(Level.WARNING, "Refused a function result: {0}", reason);
        rejectedResults.park(payload, reason);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<InvocationView> find(String invocationId) {
        return invocations.find(invocationId)
                .map(invocation -> InvocationView.of(invocation, invocations.events(invocation)));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public InvocationPage find(String function, String status, long before, int limit) {
        InvocationStatus wanted = status == null ? null : InvocationStatus.fromWireName(status)
                .orElseThrow(() -> new IllegalArgumentException("unknown invocation status " + status));
        List<Invocation> page = invocations.find(function, wanted, before, limit);
        return new InvocationPage(page.stream().map(invocation -> InvocationView.of(invocation, null)).toList(),
                page.isEmpty() ? 0 : page.get(page.size() - 1).number().orElseThrow());
    }

    @Override
    public int timeOutOverdue() {
        Instant now = now();
        int timedOut = 0;
        for (InvocationTarget overdue : invocations.overdue(now, SWEEP_BATCH)) {
            // Lock the invocation first, as results do, so that the two never wait for each other.
            InvocationTarget target = invocations.findTargetForUpdate(overdue.requestId()).orElse(overdue);
            if (target.timeOut(now)) {
                event(target.invocation(), target, now, "timed_out", target.error().orElse(null));
                timedOut++;
            }
        }
        if (timedOut > 0) {
            LOG.log(Level.INFO, "{0} command(s) timed out", timedOut);
        }
        return timedOut;
    }

    private static String actor(ResultReport report) {
        return report.product() == null ? "anonymous" : report.product();
    }

    void event(Invocation invocation, InvocationTarget target, Instant now, String kind, String detail) {
        invocations.record(new InvocationEvent(invocation.number().orElse(null), target.requestId(), target.productId(),
                now, kind, detail));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
