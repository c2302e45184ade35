package org.hutong.information.domain;

import org.hutong.shared.domain.Violation;

/** A signed envelope the hub received before: refused as a replay rather than answered as a duplicate. */
public class ReplayedInformationException extends ConflictingInformationException {

    private static final long serialVersionUID = 1L;

    public ReplayedInformationException(String producer, String id) {
        super(new Violation("/id", "a replay: the signed information '" + id + "' of producer '" + producer
                + "' was received before"));
    }
}
