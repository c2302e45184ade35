package org.hutong.function.application.playbook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Playbooks, their versions, runs and step rows (V12). */
public interface PlaybookStore {

    record StoredPlaybook(String id, int version, String name, Instant updatedAt, String updatedBy, String document) {
    }

    record StoredVersion(int version, String document, Instant createdAt, String createdBy) {
    }

    /** A run; {@code variables} is the JSON object of its variable values. */
    record Run(String id, String playbookId, int playbookVersion, String status, String variables, Instant startedAt,
            String startedBy, Optional<Instant> finishedAt, Optional<String> reason) {
    }

    /** Where one step of a run stands. */
    record StepRow(String runId, String stepId, Optional<String> parentStepId, String status, Instant dueAt,
            Optional<Instant> startedAt, Optional<Instant> finishedAt, Optional<Instant> deadline,
            Optional<String> invocationId, int branchesOpen, Optional<String> detail, Optional<String> decidedBy) {

        public static StepRow reached(String runId, String stepId, Optional<String> parent, Instant dueAt) {
            return new StepRow(runId, stepId, parent, StepStatus.READY, dueAt, Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), 0, Optional.empty(), Optional.empty());
        }

        public StepRow started(String status, Instant at) {
            return new StepRow(runId, stepId, parentStepId, status, dueAt, Optional.of(at), finishedAt, deadline,
                    invocationId, branchesOpen, detail, decidedBy);
        }

        public StepRow waitingFor(String invocation, Optional<Instant> until) {
            return new StepRow(runId, stepId, parentStepId, StepStatus.ONGOING, dueAt, startedAt, finishedAt, until,
                    Optional.of(invocation), branchesOpen, detail, decidedBy);
        }

        public StepRow awaiting(Instant until, String text) {
            return new StepRow(runId, stepId, parentStepId, StepStatus.AWAIT_USER_INPUT, dueAt, startedAt, finishedAt,
                    Optional.of(until), invocationId, branchesOpen, Optional.of(text), decidedBy);
        }

        public StepRow withBranches(int open) {
            return new StepRow(runId, stepId, parentStepId, StepStatus.ONGOING, dueAt, startedAt, finishedAt, deadline,
                    invocationId, open, detail, decidedBy);
        }

        public StepRow ended(String status, Instant at, String why, Optional<String> by) {
            return new StepRow(runId, stepId, parentStepId, status, dueAt, startedAt.or(() -> Optional.of(at)),
                    Optional.of(at), deadline, invocationId, 0, Optional.ofNullable(why).or(() -> detail), by);
        }
    }

    /** Stores a new version and makes it the current one; answers the version number. */
    int save(String id, String name, String document, Instant at, String by);

    Optional<StoredPlaybook> find(String id);

    Optional<StoredVersion> version(String id, int version);

    List<StoredPlaybook> all();

    List<StoredVersion> versions(String id);

    /** Removes the playbook and its versions (its runs stay, with the versions they ran, as history). */
    boolean delete(String id);

    void addRun(Run run);

    Optional<Run> run(String runId);

    /** The run, locked until the transaction ends: its steps change one transaction at a time. */
    Optional<Run> lockRun(String runId);

    void updateRun(Run run);

    /** Newest first. */
    List<Run> runs(Optional<String> playbookId, Optional<String> status, int limit);

    List<StepRow> steps(String runId);

    Optional<StepRow> step(String runId, String stepId);

    /** Inserts the row; false when the run already reached that step. */
    boolean addStep(StepRow row);

    void updateStep(StepRow row);

    /**
     * The step rows of ongoing runs the engine has work on at {@code now}: ready and due, waiting for an
     * invocation, or waiting for a person past their deadline; oldest first.
     */
    List<StepRow> actionable(Instant now, int limit);

}
