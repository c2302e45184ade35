package org.hutong.function.application.playbook;

import jakarta.ejb.ApplicationException;

/** A decision for a step that is not waiting for one (decided already, expired, or never reached): 409. */
@ApplicationException(rollback = true)
public class StepNotWaitingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StepNotWaitingException(String runId, String stepId) {
        super("step " + stepId + " of run " + runId + " is not waiting for a person");
    }
}
