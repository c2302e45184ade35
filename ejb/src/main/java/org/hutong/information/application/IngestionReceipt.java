package org.hutong.information.application;

/**
 * The answer to a producer that sent information.
 *
 * @param information what the hub holds for it
 * @param created {@code true} if this call stored it, {@code false} if it was a duplicate of stored information
 */
public record IngestionReceipt(InformationView information, boolean created) {
}
