package org.hutong.audit.domain;

/**
 * What is to be audited.
 *
 * @param actor who acted: a person, a product, or "anonymous"
 * @param action what was done, e.g. {@code product.register}, {@code invocation.start}
 * @param target what it was done to, e.g. a product or invocation id
 * @param outcome {@code success}, {@code refused} or {@code failure}
 * @param detail anything else worth keeping
 */
public record AuditEntry(String actor, String action, String target, String outcome, String detail) {

    public static AuditEntry success(String actor, String action, String target, String detail) {
        return new AuditEntry(actor, action, target, "success", detail);
    }

    public static AuditEntry refused(String actor, String action, String target, String reason) {
        return new AuditEntry(actor, action, target, "refused", reason);
    }

    public static AuditEntry failure(String actor, String action, String target, String reason) {
        return new AuditEntry(actor, action, target, "failure", reason);
    }
}
