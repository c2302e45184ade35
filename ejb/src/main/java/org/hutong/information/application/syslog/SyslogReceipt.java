package org.hutong.information.application.syslog;

/**
 * What became of a batch of syslog lines: every line is counted in exactly one of these.
 *
 * @param accepted stored now
 * @param duplicates stored before (the same line again)
 * @param parked kept as syslog dead letters with their reasons
 */
public record SyslogReceipt(int accepted, int duplicates, int parked) {

    public int lines() {
        return accepted + duplicates + parked;
    }
}
