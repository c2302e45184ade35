package org.hutong.function.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Something that happened to an invocation — a dispatch, a result, a time-out — or a result the
 * hub could not apply (late, unknown request id, wrong product), kept for the record.
 */
@Entity
@Table(name = "invocation_event")
public class InvocationEvent {

    // Numbers come in blocks (V5): storing an invocation needs no generated-key round trip.
    @Id
    @SequenceGenerator(name = "invocation_event_seq", sequenceName = "invocation_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invocation_event_seq")
    @Column(name = "event_no")
    private Long number;

    @Column(name = "invocation_no", updatable = false)
    private Long invocationNumber;

    @Column(name = "request_id", updatable = false, length = 64)
    private String requestId;

    @Column(name = "product_id", updatable = false, length = 64)
    private String productId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private LocalDateTime occurredAt;

    @Column(name = "kind", nullable = false, updatable = false, length = 32)
    private String kind;

    @Column(name = "detail", updatable = false, length = 4000)
    private String detail;

    protected InvocationEvent() {
        // for JPA
    }

    public InvocationEvent(Long invocationNumber, String requestId, String productId, Instant at, String kind,
            String detail) {
        this.invocationNumber = invocationNumber;
        this.requestId = requestId == null ? null : requestId.substring(0, Math.min(64, requestId.length()));
        this.productId = productId == null ? null : productId.substring(0, Math.min(64, productId.length()));
        this.occurredAt = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        this.kind = kind;
        this.detail = detail == null ? null : detail.substring(0, Math.min(4000, detail.length()));
    }

    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    public Optional<String> productId() {
        return Optional.ofNullable(productId);
    }

    public Instant occurredAt() {
        return occurredAt.toInstant(ZoneOffset.UTC);
    }

    public String kind() {
        return kind;
    }

    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }
}
