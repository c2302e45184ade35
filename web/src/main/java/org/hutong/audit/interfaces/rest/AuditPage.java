package org.hutong.audit.interfaces.rest;

import java.util.List;
import org.hutong.audit.application.AuditView;

/**
 * A page of the audit trail in chain order.
 *
 * @param items the records
 * @param next the URI of the following page, absent on the last page
 */
public record AuditPage(List<AuditView> items, String next) {
}
