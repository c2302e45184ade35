package org.hutong.function.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A request to run one catalog function on one product or on every active product that provides
 * it: one {@link InvocationTarget} per product, each with its own request id and status.
 */
@Entity
@Table(name = "invocation")
public class Invocation {

    /** The target that means every active product providing the function. */
    public static final String ALL = "all";
    /** Give up on the caller's callback after this many attempts. */
    public static final int MAX_CALLBACK_ATTEMPTS = 10;
    static final String CALLBACK_NONE = "none";
    static final String CALLBACK_DUE = "due";
    static final String CALLBACK_DELIVERED = "delivered";
    static final String CALLBACK_FAILED = "failed";

    // Numbers come in blocks (V5): storing an invocation needs no generated-key round trip.
    @Id
    @SequenceGenerator(name = "invocation_seq", sequenceName = "invocation_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invocation_seq")
    @Column(name = "invocation_no")
    private Long number;

    @Column(name = "invocation_id", nullable = false, updatable = false, length = 36)
    private String invocationId;

    @Column(name = "function_id", nullable = false, updatable = false, length = 64)
    private String functionId;

    @Column(name = "target", nullable = false, updatable = false, length = 64)
    private String target;

    @Lob
    @Column(name = "arguments_json", nullable = false, updatable = false)
    private String argumentsJson;

    @Column(name = "requested_by", nullable = false, updatable = false, length = 128)
    private String requestedBy;

    @Column(name = "callback_url", updatable = false, length = 2048)
    private String callbackUrl;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    @Column(name = "deadline", nullable = false, updatable = false)
    private LocalDateTime deadline;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 24)
    private InvocationStatus status;

    @Column(name = "completed_at")
    private LocalDateTime completedAt;

    /** none (no callback), due, delivered or failed (gave up). */
    @Column(name = "callback_state", nullable = false, length = 16)
    private String callbackState;

    @Column(name = "callback_attempts", nullable = false)
    private int callbackAttempts;

    @Column(name = "callback_due_at")
    private LocalDateTime callbackDueAt;

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    @OneToMany(mappedBy = "invocation", cascade = CascadeType.PERSIST)
    private List<InvocationTarget> targets = new ArrayList<>();

    protected Invocation() {
        // for JPA
    }

    /**
     * A new invocation of {@code functionId} on {@code products}, every command due within {@code timeout}.
     *
     * @param target {@link #ALL} or the one product id asked for
     */
    public Invocation(String functionId, String target, List<String> products, String argumentsJson, Duration timeout,
            String requestedBy, String callbackUrl, Instant now) {
        if (products.isEmpty()) {
            throw new IllegalArgumentException("an invocation has at least one target");
        }
        this.invocationId = UUID.randomUUID().toString();
        this.functionId = Objects.requireNonNull(functionId, "functionId");
        this.target = Objects.requireNonNull(target, "target");
        this.argumentsJson = Objects.requireNonNull(argumentsJson, "argumentsJson");
        this.requestedBy = Objects.requireNonNull(requestedBy, "requestedBy");
        this.callbackUrl = callbackUrl;
        this.createdAt = toUtc(now);
        Instant due = now.plus(timeout);
        this.deadline = toUtc(due);
        this.status = InvocationStatus.RUNNING;
        this.callbackState = CALLBACK_NONE;
        products.forEach(product -> targets.add(new InvocationTarget(this, product, due, now)));
    }

    /** Recomputes the overall status after a target changed. */
    void targetChanged(Instant now) {
        InvocationStatus next = InvocationStatus.of(targets.stream().map(InvocationTarget::status).toList());
        if (next != status) {
            status = next;
            completedAt = next.isFinal() ? toUtc(now) : null;
            if (next.isFinal() && callbackUrl != null) {
                callbackState = CALLBACK_DUE;
                callbackDueAt = toUtc(now);
            }
        }
    }

    /** The caller's callback received the ended invocation. */
    public void callbackDelivered() {
        callbackAttempts++;
        callbackState = CALLBACK_DELIVERED;
        callbackDueAt = null;
    }

    /** The caller's callback failed; try again later, or give up after {@link #MAX_CALLBACK_ATTEMPTS}. */
    public void callbackFailed(Instant now) {
        callbackAttempts++;
        if (callbackAttempts >= MAX_CALLBACK_ATTEMPTS) {
            callbackState = CALLBACK_FAILED;
            callbackDueAt = null;
        } else {
            callbackDueAt = toUtc(now.plus(Backoff.after(callbackAttempts)));
        }
    }

    /** none, due, delivered or failed. */
    public String callbackState() {
        return callbackState;
    }

    public int callbackAttempts() {
        return callbackAttempts;
    }

    /** The database's ordering key; assigned when the invocation is first flushed. */
    public Optional<Long> number() {
        return Optional.ofNullable(number);
    }

    public String invocationId() {
        return invocationId;
    }

    public String functionId() {
        return functionId;
    }

    public String target() {
        return target;
    }

    public String argumentsJson() {
        return argumentsJson;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Optional<String> callbackUrl() {
        return Optional.ofNullable(callbackUrl);
    }

    public Instant createdAt() {
        return createdAt.toInstant(ZoneOffset.UTC);
    }

    public Instant deadline() {
        return deadline.toInstant(ZoneOffset.UTC);
    }

    public InvocationStatus status() {
        return status;
    }

    public Optional<Instant> completedAt() {
        return Optional.ofNullable(completedAt).map(time -> time.toInstant(ZoneOffset.UTC));
    }

    /** The targets in product order, however they were loaded or added. */
    public List<InvocationTarget> targets() {
        return targets.stream().sorted(Comparator.comparing(InvocationTarget::productId)).toList();
    }

    private static LocalDateTime toUtc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
