package org.hutong.function.application.playbook;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Storing playbooks, starting runs and following them, completing the steps that wait for a person. */
@Local
public interface Playbooks {

    /**
     * Stores a new version of the playbook {@code id} (the document's own id).
     *
     * @throws InvalidPlaybookException with every violation, if the document is outside the supported subset
     */
    PlaybookViews.PlaybookView save(String id, String document);

    Optional<PlaybookViews.PlaybookView> find(String id);

    List<PlaybookViews.PlaybookView> all();

    List<PlaybookViews.VersionView> versions(String id);

    boolean delete(String id);

    /** Starts a run of the current version; empty if there is no such playbook. */
    Optional<PlaybookViews.RunView> start(String id, Map<String, String> variables);

    Optional<PlaybookViews.RunView> run(String runId);

    List<PlaybookViews.RunView> runs(Optional<String> playbookId, Optional<String> status, int limit);

    /**
     * Completes a step waiting for a person.
     *
     * @throws StepNotWaitingException if it is not waiting
     */
    Optional<PlaybookViews.RunView> complete(String runId, String stepId, boolean success, Map<String, String> outArgs,
            String comment);
}
