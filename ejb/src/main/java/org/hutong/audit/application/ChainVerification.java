package org.hutong.audit.application;

/**
 * The outcome of checking the audit chain.
 *
 * @param intact whether every record follows its predecessor and has the hash of its content
 * @param records how many records were checked
 * @param firstBroken the number of the first record that does not hold, when one does not
 * @param reason why it does not hold
 */
public record ChainVerification(boolean intact, long records, Long firstBroken, String reason) {
}
