package org.hutong.function.application.playbook;

import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hutong.audit.application.AuditTrail;
import org.hutong.audit.domain.AuditEntry;
import org.hutong.function.application.InvocationRequest;
import org.hutong.function.application.InvocationView;
import org.hutong.function.application.Invocations;
import org.hutong.function.application.RuleInvocation;
import org.hutong.function.application.TargetProducts;
import org.hutong.function.domain.playbook.Command;
import org.hutong.function.domain.playbook.Playbook;
import org.hutong.function.domain.playbook.Step;
import org.hutong.function.domain.playbook.VariableValues;
import org.hutong.function.domain.rule.RuleTarget;
import org.hutong.registry.application.Providers;

/**
 * Moves runs on, in the caller's transaction: starts a run, executes a due step, takes in an
 * invocation's outcome or a person's decision, and follows the workflow — {@code on_completion}, else
 * {@code on_success} or {@code on_failure}; a branch of a parallel or if-condition step ends at an end
 * step (or a step with nowhere to go), and when the last branch ended the parallel or if-condition step
 * goes on. A failed step with nowhere to go fails the run. Every step is audited.
 */
@ApplicationScoped
public class PlaybookRunner {

    private static final Logger LOG = Logger.getLogger(PlaybookRunner.class.getName());
    private static final String ONGOING = StepStatus.ONGOING;

    @Inject
    PlaybookStore store;

    @Inject
    PlaybookLibrary library;

    @EJB
    Invocations invocations;

    @Inject
    Providers products;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "hutong.playbook.manual.timeout", defaultValue = "PT1H")
    Duration manualTimeout;

    @Inject
    @ConfigProperty(name = "hutong.playbook.action.timeout", defaultValue = "PT5M")
    Duration actionTimeout;

    /**
     * Starts a run of {@code playbook} in the name of {@code actor}.
     *
     * @param supplied values of external variables
     * @throws InvalidPlaybookException if a supplied variable is not an external one
     */
    public PlaybookStore.Run start(Playbook playbook, Map<String, String> supplied, String actor) {
        List<String> refused = supplied.keySet().stream()
                .filter(name -> !playbook.variables().containsKey(name) || !playbook.variables().get(name).external())
                .toList();
        if (!refused.isEmpty()) {
            throw new InvalidPlaybookException(refused.stream().map(name -> new org.hutong.shared.domain.Violation(
                    "/variables/" + name, "is not an external variable of " + playbook.id())).toList());
        }
        Map<String, String> values = new LinkedHashMap<>();
        playbook.variables().forEach((name, variable) -> variable.value().ifPresent(value -> values.put(name, value)));
        values.putAll(supplied);
        Instant now = clock.instant();
        PlaybookStore.Run run = new PlaybookStore.Run(UUID.randomUUID().toString(), playbook.id(), playbook.version(),
                ONGOING, json(values), now, actor, Optional.empty(), Optional.empty());
        store.addRun(run);
        store.addStep(PlaybookStore.StepRow.reached(run.id(), playbook.workflowStart(), Optional.empty(),
                now.plus(playbook.step(playbook.workflowStart()).delay())));
        audit.record(AuditEntry.success(actor, "playbook.start", run.id(), playbook.id() + " version "
                + playbook.version() + " with " + supplied.keySet()));
        LOG.log(Level.INFO, "{0} started run {1} of playbook {2} version {3}",
                new Object[] {actor, run.id(), playbook.id(), playbook.version()});
        return run;
    }

    /** Works on one step row the engine found actionable; answers whether anything changed. */
    public boolean act(PlaybookStore.StepRow found) {
        Optional<PlaybookStore.Run> locked = store.lockRun(found.runId()).filter(run -> ONGOING.equals(run.status()));
        if (locked.isEmpty()) {
            return false;
        }
        PlaybookStore.Run run = locked.get();
        // Read again under the run's lock: a person may have decided it meanwhile.
        PlaybookStore.StepRow row = store.step(run.id(), found.stepId()).orElseThrow();
        Optional<Playbook> playbook = library.version(run.playbookId(), run.playbookVersion());
        if (playbook.isEmpty()) {
            fail(run, "its playbook version " + run.playbookVersion() + " is gone");
            return true;
        }
        Instant now = clock.instant();
        Step step = playbook.get().step(row.stepId());
        switch (row.status()) {
            case StepStatus.READY -> {
                if (row.dueAt().isAfter(now)) {
                    return false;
                }
                execute(playbook.get(), run, step, row, now);
                return true;
            }
            case StepStatus.ONGOING -> {
                return row.invocationId().isPresent() && invocationEnded(playbook.get(), run, step, row, now);
            }
            case StepStatus.AWAIT_USER_INPUT -> {
                if (row.deadline().filter(deadline -> !deadline.isAfter(now)).isEmpty()) {
                    return false;
                }
                ended(playbook.get(), run, step, row.ended(StepStatus.TIMEOUT, now, "nobody completed it by "
                        + row.deadline().get(), Optional.empty()), false);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * A person completes a manual step: success or failure, with values for its out_args.
     *
     * @return the run after the decision; empty when there is no such run
     * @throws InvalidPlaybookException if the step is not waiting for a person, or an out_arg is not its own
     */
    public Optional<PlaybookStore.Run> complete(String runId, String stepId, boolean success, Map<String, String> outArgs,
            String comment, String by) {
        Optional<PlaybookStore.Run> locked = store.lockRun(runId);
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        PlaybookStore.Run run = locked.get();
        PlaybookStore.StepRow row = store.step(runId, stepId)
                .filter(step -> StepStatus.AWAIT_USER_INPUT.equals(step.status()) && ONGOING.equals(run.status()))
                .orElseThrow(() -> new StepNotWaitingException(runId, stepId));
        Playbook playbook = library.version(run.playbookId(), run.playbookVersion()).orElseThrow();
        Step step = playbook.step(stepId);
        List<String> foreign = outArgs.keySet().stream().filter(name -> !step.outArgs().contains(name)).toList();
        if (!foreign.isEmpty()) {
            throw new InvalidPlaybookException(foreign.stream().map(name -> new org.hutong.shared.domain.Violation(
                    "/outArgs/" + name, "is not an out_arg of " + stepId)).toList());
        }
        PlaybookStore.Run updated = withVariables(run, outArgs);
        Instant now = clock.instant();
        ended(playbook, updated, step, row.ended(success ? StepStatus.SUCCEEDED : StepStatus.FAILED, now,
                (success ? "completed" : "refused") + " by " + by + (comment == null ? "" : ": " + comment),
                Optional.of(by)), success);
        return store.run(runId);
    }

    private void execute(Playbook playbook, PlaybookStore.Run run, Step step, PlaybookStore.StepRow row, Instant now) {
        PlaybookStore.StepRow started = row.started(ONGOING, now);
        switch (step.type()) {
            case START -> ended(playbook, run, step, started.ended(StepStatus.SUCCEEDED, now, null, Optional.empty()), true);
            case END -> {
                store.updateStep(started.ended(StepStatus.SUCCEEDED, now, null, Optional.empty()));
                stepAudit(run, step, StepStatus.SUCCEEDED, "end");
                branchEnded(playbook, run, row.parentStepId(), now);
            }
            case PARALLEL -> {
                store.updateStep(started.withBranches(step.nextSteps().size()));
                stepAudit(run, step, ONGOING, "branches " + step.nextSteps());
                step.nextSteps().forEach(next -> reach(playbook, run, next, Optional.of(step.id()), now));
            }
            case IF_CONDITION -> {
                boolean holds = step.condition().orElseThrow().holds(variables(run));
                Optional<String> branch = holds ? step.onTrue() : step.onFalse();
                stepAudit(run, step, ONGOING, "condition " + (holds ? "true" : "false"));
                if (branch.isPresent()) {
                    store.updateStep(started.withBranches(1));
                    reach(playbook, run, branch.get(), Optional.of(step.id()), now);
                } else {
                    ended(playbook, run, step, started.ended(StepStatus.SUCCEEDED, now, "no branch for "
                            + holds, Optional.empty()), true);
                }
            }
            case ACTION -> act(playbook, run, step, started, now);
        }
    }

    private void act(Playbook playbook, PlaybookStore.Run run, Step step, PlaybookStore.StepRow row, Instant now) {
        Command command = step.command().orElseThrow();
        Map<String, String> values = variables(run);
        try {
            if (command instanceof Command.Manual manual) {
                String text = VariableValues.substitute(manual.text(), values);
                Instant deadline = now.plus(step.timeout().orElse(manualTimeout));
                store.updateStep(row.awaiting(deadline, text));
                stepAudit(run, step, StepStatus.AWAIT_USER_INPUT, text + " (until " + deadline + ")");
                return;
            }
            Command.InvokeFunction invoke = (Command.InvokeFunction) command;
            String target = VariableValues.substitute(invoke.target(), values);
            if (!target.equals(invoke.target()) && RuleTarget.parse(target).filter(parsed ->
                    parsed.kind() == RuleTarget.Kind.PRODUCT).isEmpty()) {
                // A value from information or a product's answer names at most one product, never a crowd.
                ended(playbook, run, step, row.ended(StepStatus.FAILED, now, "the target '" + target
                        + "' from a variable is not a product id", Optional.empty()), false);
                return;
            }
            JsonObject arguments = (JsonObject) VariableValues.substitute(invoke.arguments(), values);
            Duration timeout = step.timeout().orElse(actionTimeout);
            RuleInvocation started = invocations.invokeForRule(new InvocationRequest(invoke.function(), target, arguments,
                    timeout, null, null), targets(invoke.function(), target), Playbook.actor(run.id()));
            if (started.invocationId().isEmpty()) {
                ended(playbook, run, step, row.ended(StepStatus.FAILED, now, started.refusal().orElse("refused"),
                        Optional.empty()), false);
                return;
            }
            store.updateStep(row.waitingFor(started.invocationId().get(), Optional.of(now.plus(timeout))));
            stepAudit(run, step, ONGOING, invoke.function() + " on " + target + ", invocation "
                    + started.invocationId().get());
        } catch (VariableValues.UnknownValueException e) {
            ended(playbook, run, step, row.ended(StepStatus.FAILED, now, e.getMessage(), Optional.empty()), false);
        }
    }

    private List<String> targets(String function, String target) {
        return RuleTarget.parse(target).map(parsed -> TargetProducts.of(products, function, parsed)).orElse(List.of());
    }

    private boolean invocationEnded(Playbook playbook, PlaybookStore.Run run, Step step, PlaybookStore.StepRow row,
            Instant now) {
        Optional<InvocationView> invocation = invocations.find(row.invocationId().get()).filter(InvocationView::isFinal);
        if (invocation.isEmpty()) {
            return false;
        }
        String status = invocation.get().status();
        boolean success = "succeeded".equals(status) || "partially_succeeded".equals(status);
        PlaybookStore.Run updated = success ? withVariables(run, outArgs(step, invocation.get())) : run;
        ended(playbook, updated, step, row.ended(success ? StepStatus.SUCCEEDED
                : "timed_out".equals(status) ? StepStatus.TIMEOUT : StepStatus.FAILED, now, "invocation "
                + invocation.get().id() + " " + status, Optional.empty()), success);
        return true;
    }

    /** The out_args a function's result sets: {@code __name__} from the result member {@code name} of a product that succeeded. */
    private static Map<String, String> outArgs(Step step, InvocationView invocation) {
        Map<String, String> values = new LinkedHashMap<>();
        invocation.targets().stream().filter(target -> "succeeded".equals(target.status()) && target.result() != null)
                .findFirst().ifPresent(target -> step.outArgs().forEach(name -> {
                    JsonValue value = target.result().get(name.substring(2, name.length() - 2));
                    if (value instanceof JsonString text) {
                        values.put(name, text.getString());
                    } else if (value instanceof JsonNumber || value == JsonValue.TRUE || value == JsonValue.FALSE) {
                        values.put(name, value.toString());
                    } else if (value != null && value != JsonValue.NULL) {
                        values.put(name, value.toString());
                    }
                }));
        return values;
    }

    /** A step ended: record it, then go where the workflow says. */
    private void ended(Playbook playbook, PlaybookStore.Run run, Step step, PlaybookStore.StepRow row, boolean success) {
        store.updateStep(row);
        stepAudit(run, step, row.status(), row.detail().orElse(""));
        Instant now = row.finishedAt().orElse(clock.instant());
        Optional<String> next = step.next(success);
        if (next.isPresent()) {
            if (!success) {
                // The run may still end well, but not without saying that it went the failure's way.
                noteFailure(run, "step " + step.id() + " (" + step.name() + ") ended " + row.status() + "; went on to "
                        + next.get());
            }
            reach(playbook, run, next.get(), row.parentStepId(), now);
        } else if (!success) {
            fail(run, "step " + step.id() + " (" + step.name() + ") ended " + row.status() + " and has no on_failure: "
                    + row.detail().orElse(""));
        } else {
            branchEnded(playbook, run, row.parentStepId(), now);
        }
    }

    private void reach(Playbook playbook, PlaybookStore.Run run, String stepId, Optional<String> parent, Instant now) {
        Step step = playbook.step(stepId);
        if (!store.addStep(PlaybookStore.StepRow.reached(run.id(), stepId, parent, now.plus(step.delay())))) {
            fail(run, "step " + stepId + " was reached twice");
        }
    }

    /** A branch under {@code parent} (or the run itself) reached its end. */
    private void branchEnded(Playbook playbook, PlaybookStore.Run run, Optional<String> parent, Instant now) {
        if (parent.isEmpty()) {
            finish(run, StepStatus.SUCCEEDED, null);
            return;
        }
        PlaybookStore.StepRow owner = store.step(run.id(), parent.get()).orElseThrow();
        int open = owner.branchesOpen() - 1;
        if (open > 0) {
            store.updateStep(owner.withBranches(open));
            return;
        }
        ended(playbook, run, playbook.step(owner.stepId()), owner.ended(StepStatus.SUCCEEDED, now, "every branch ended",
                Optional.empty()), true);
    }

    /** Ends a run that cannot go on (its step failed to execute), locked first. */
    public void abandon(String runId, String reason) {
        store.lockRun(runId).filter(run -> ONGOING.equals(run.status())).ifPresent(run -> fail(run, reason));
    }

    private void fail(PlaybookStore.Run run, String reason) {
        finish(run, StepStatus.FAILED, reason);
        // What else was under way stops with the run: nobody is left waiting on a question no one can answer.
        Instant now = clock.instant();
        for (PlaybookStore.StepRow open : store.steps(run.id())) {
            if (!open.finishedAt().isPresent() && !StepStatus.SUCCEEDED.equals(open.status())) {
                store.updateStep(open.ended(StepStatus.FAILED, now, "the run failed", Optional.empty()));
            }
        }
    }

    private void noteFailure(PlaybookStore.Run run, String note) {
        PlaybookStore.Run current = store.run(run.id()).orElse(run);
        String reason = current.reason().map(earlier -> earlier + "; " + note).orElse(note);
        store.updateRun(new PlaybookStore.Run(current.id(), current.playbookId(), current.playbookVersion(),
                current.status(), current.variables(), current.startedAt(), current.startedBy(), current.finishedAt(),
                Optional.of(reason)));
    }

    private void finish(PlaybookStore.Run run, String status, String reason) {
        PlaybookStore.Run current = store.run(run.id()).orElse(run);
        if (!ONGOING.equals(current.status())) {
            return;
        }
        Optional<String> why = reason == null ? current.reason()
                : Optional.of(current.reason().map(earlier -> earlier + "; " + reason).orElse(reason));
        store.updateRun(new PlaybookStore.Run(current.id(), current.playbookId(), current.playbookVersion(), status,
                current.variables(), current.startedAt(), current.startedBy(), Optional.of(clock.instant()), why));
        audit.record(AuditEntry.success(Playbook.actor(run.id()), "playbook.end", run.id(), status
                + (reason == null ? "" : ": " + reason)));
        LOG.log(Level.INFO, "Playbook run {0} of {1} ended {2}{3}", new Object[] {run.id(), run.playbookId(), status,
                reason == null ? "" : ": " + reason});
    }

    private void stepAudit(PlaybookStore.Run run, Step step, String status, String detail) {
        audit.record(AuditEntry.success(Playbook.actor(run.id()), "playbook.step", run.id() + "/" + step.id(),
                status + (detail.isEmpty() ? "" : ": " + detail)));
    }

    private PlaybookStore.Run withVariables(PlaybookStore.Run run, Map<String, String> changes) {
        if (changes.isEmpty()) {
            return run;
        }
        Map<String, String> values = variables(run);
        values.putAll(changes);
        PlaybookStore.Run updated = new PlaybookStore.Run(run.id(), run.playbookId(), run.playbookVersion(), run.status(),
                json(values), run.startedAt(), run.startedBy(), run.finishedAt(), run.reason());
        store.updateRun(updated);
        return updated;
    }

    static Map<String, String> variables(PlaybookStore.Run run) {
        Map<String, String> values = new LinkedHashMap<>();
        try (var reader = JSON.createReader(new StringReader(run.variables()))) {
            reader.readObject().forEach((name, value) -> values.put(name, ((JsonString) value).getString()));
        }
        return values;
    }

    private static String json(Map<String, String> values) {
        JsonObjectBuilder object = JSON.createObjectBuilder();
        values.forEach(object::add);
        return object.build().toString();
    }
}
