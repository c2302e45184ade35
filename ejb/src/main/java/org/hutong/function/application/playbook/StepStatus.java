package org.hutong.function.application.playbook;

/**
 * The status of a run or a step (after the execution-status vocabulary of CACAO implementations):
 * {@code ready} and {@code await_user_input} for steps only.
 */
public final class StepStatus {

    public static final String READY = "ready";
    public static final String ONGOING = "ongoing";
    public static final String AWAIT_USER_INPUT = "await_user_input";
    public static final String SUCCEEDED = "successfully_executed";
    public static final String FAILED = "failed";
    public static final String TIMEOUT = "timeout_error";

    private StepStatus() {
    }
}
