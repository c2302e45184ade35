package org.hutong.function.application.playbook;

import static org.hutong.shared.domain.JsonApi.JSON;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hutong.function.domain.playbook.Playbook;

/** What the API shows of playbooks and their runs. */
public final class PlaybookViews {

    private PlaybookViews() {
    }

    /** A playbook's current version, with its CACAO document. */
    public record PlaybookView(String id, int version, String name, Instant updatedAt, String updatedBy,
            JsonObject document) {

        static PlaybookView of(PlaybookStore.StoredPlaybook stored) {
            return new PlaybookView(stored.id(), stored.version(), stored.name(), stored.updatedAt(), stored.updatedBy(),
                    object(stored.document()));
        }
    }

    public record VersionView(int version, Instant createdAt, String createdBy, JsonObject document) {

        static VersionView of(PlaybookStore.StoredVersion stored) {
            return new VersionView(stored.version(), stored.createdAt(), stored.createdBy(), object(stored.document()));
        }
    }

    /** One step of a run: where it stands, its invocation or the question put to a person. */
    public record StepView(String step, String name, String type, String status, String parent, Instant dueAt,
            Instant startedAt, Instant finishedAt, Instant deadline, String invocationId, String detail,
            String decidedBy) {
    }

    public record RunView(String id, String playbook, int playbookVersion, String status, JsonObject variables,
            Instant startedAt, String startedBy, Instant finishedAt, String reason, List<StepView> steps) {

        static RunView of(PlaybookStore.Run run, List<PlaybookStore.StepRow> rows, Optional<Playbook> playbook) {
            List<StepView> steps = rows.stream().map(row -> {
                String name = playbook.map(known -> known.step(row.stepId()).name()).orElse(row.stepId());
                String type = playbook.map(known -> known.step(row.stepId()).type().wireName()).orElse(null);
                return new StepView(row.stepId(), name, type, row.status(), row.parentStepId().orElse(null), row.dueAt(),
                        row.startedAt().orElse(null), row.finishedAt().orElse(null), row.deadline().orElse(null),
                        row.invocationId().orElse(null), row.detail().orElse(null), row.decidedBy().orElse(null));
            }).toList();
            return new RunView(run.id(), run.playbookId(), run.playbookVersion(), run.status(), object(run.variables()),
                    run.startedAt(), run.startedBy(), run.finishedAt().orElse(null), run.reason().orElse(null), steps);
        }
    }

    static JsonObject object(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
