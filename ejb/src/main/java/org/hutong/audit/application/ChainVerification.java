package org.hutong.audit.application;

/**
 * The outcome of checking the audit trail: the sealed chain, then the entries not yet sealed.
 *
 * @param intact whether every sealed record follows its predecessor and has the hash of its content,
 *        and every unsealed entry has the HMAC of its content
 * @param records how many sealed records were checked
 * @param unsealed how many unsealed entries were checked
 * @param firstBroken the number of the first sealed record that does not hold, when one does not
 * @param brokenEntry the id of the first unsealed entry that does not hold, when one does not
 * @param reason why it does not hold
 */
public record ChainVerification(boolean intact, long records, long unsealed, Long firstBroken, String brokenEntry,
        String reason) {

    static ChainVerification brokenRecord(long checked, long number, String reason) {
        return new ChainVerification(false, checked, 0, number, null, reason);
    }
}
