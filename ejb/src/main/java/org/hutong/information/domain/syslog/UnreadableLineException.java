package org.hutong.information.domain.syslog;

/** A syslog line, or the event it carries, that Hutong cannot read or map: parked with this reason. */
public class UnreadableLineException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnreadableLineException(String reason) {
        super(reason);
    }
}
