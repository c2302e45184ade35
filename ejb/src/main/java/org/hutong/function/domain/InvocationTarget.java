package org.hutong.function.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** The command of an invocation to one product, correlated with its result by {@code requestId}. */
@Entity
@Table(name = "invocation_target")
public class InvocationTarget {

    // Numbers come in blocks (V5): storing an invocation needs no generated-key round trip.
    @Id
    @SequenceGenerator(name = "invocation_target_seq", sequenceName = "invocation_target_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invocation_target_seq")
    @Column(name = "target_no")
    private Long number;

    @ManyToOne(optional = false)
    @JoinColumn(name = "invocation_no", nullable = false, updatable = false)
    private Invocation invocation;

    @Column(name = "product_id", nullable = false, updatable = false, length = 64)
    private String productId;

    @Column(name = "request_id", nullable = false, updatable = false, length = 36)
    private String requestId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private TargetStatus status;

    @Column(name = "deadline", nullable = false, updatable = false)
    private LocalDateTime deadline;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    @Lob
    @Column(name = "result_json")
    private String resultJson;

    @Column(name = "error_text", length = 2000)
    private String error;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    /** For products that take commands over HTTPS: when to try the next delivery. */
    @Column(name = "next_attempt_at")
    private LocalDateTime nextAttemptAt;

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    protected InvocationTarget() {
        // for JPA
    }

    InvocationTarget(Invocation invocation, String productId, Instant deadline, Instant now) {
        this.invocation = invocation;
        this.productId = productId;
        this.requestId = UUID.randomUUID().toString();
        this.status = TargetStatus.PENDING;
        this.deadline = toUtc(deadline);
        this.updatedAt = toUtc(now);
    }

    /** The command is to be POSTed to the product's callback, starting now. */
    public void deliverOverHttps(Instant now) {
        this.nextAttemptAt = toUtc(now);
    }

    /** A delivery to the product's callback failed; the next one waits longer. */
    public void deliveryFailed(String reason, Instant now) {
        attempts++;
        this.error = "delivery attempt " + attempts + " failed: " + reason;
        this.nextAttemptAt = toUtc(now.plus(Backoff.after(attempts)));
        this.updatedAt = toUtc(now);
    }

    /** A delivery to the product's callback succeeded. */
    public void delivered(Instant now) {
        attempts++;
        this.error = null;
        this.nextAttemptAt = null;
        dispatched(now);
    }

    public int attempts() {
        return attempts;
    }

    /** The command is on the product's channel. */
    public void dispatched(Instant now) {
        if (status == TargetStatus.PENDING) {
            move(TargetStatus.DISPATCHED, now);
        }
    }

    /**
     * Applies what the product reported.
     *
     * @throws ResultRefusedException if the target already has its outcome, or the status is not one a product reports
     */
    public void report(TargetStatus reported, String resultJson, String error, Instant now) {
        if (status.isFinal()) {
            throw new ResultRefusedException("late-result", "request " + requestId + " already ended "
                    + status.wireName() + "; the " + reported.wireName() + " result was recorded and not applied");
        }
        if (reported != TargetStatus.ACCEPTED && reported != TargetStatus.SUCCEEDED && reported != TargetStatus.FAILED) {
            throw new ResultRefusedException("illegal-status", "a product reports accepted, succeeded or failed, not "
                    + reported.wireName());
        }
        if (reported == TargetStatus.ACCEPTED && status == TargetStatus.ACCEPTED) {
            return;
        }
        this.resultJson = resultJson;
        this.error = error == null ? null : error.substring(0, Math.min(error.length(), 2000));
        move(reported, now);
    }

    /** No outcome by the deadline. */
    public boolean timeOut(Instant now) {
        if (status.isFinal() || !now.isAfter(deadline())) {
            return false;
        }
        this.error = "no result before the deadline " + deadline();
        move(TargetStatus.TIMED_OUT, now);
        return true;
    }

    private void move(TargetStatus next, Instant now) {
        this.status = next;
        this.updatedAt = toUtc(now);
        invocation.targetChanged(now);
    }

    public Invocation invocation() {
        return invocation;
    }

    public String productId() {
        return productId;
    }

    public String requestId() {
        return requestId;
    }

    public TargetStatus status() {
        return status;
    }

    public Instant deadline() {
        return deadline.toInstant(ZoneOffset.UTC);
    }

    public Instant updatedAt() {
        return updatedAt.toInstant(ZoneOffset.UTC);
    }

    public Optional<String> resultJson() {
        return Optional.ofNullable(resultJson);
    }

    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    private static LocalDateTime toUtc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
