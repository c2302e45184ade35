package org.hutong.function.application.playbook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.hutong.function.application.rule.PlaybookLauncher;
import org.hutong.function.domain.playbook.Playbook;

/** Starts runs for the hub's own flows (a linkage rule), in the caller's transaction. */
@ApplicationScoped
public class PlaybookRuns {

    @Inject
    PlaybookStore store;

    @Inject
    PlaybookLibrary library;

    @Inject
    PlaybookRunner runner;

    /** A run of the playbook's current version, or why none started (no such playbook, a variable it does not take). */
    public PlaybookLauncher.Launch startForRule(String playbookId, Map<String, String> variables, String actor) {
        Optional<PlaybookStore.StoredPlaybook> stored = store.find(playbookId);
        if (stored.isEmpty()) {
            return new PlaybookLauncher.Launch(Optional.empty(), Optional.of("no playbook " + playbookId));
        }
        try {
            Playbook playbook = library.version(playbookId, stored.get().version()).orElseThrow();
            return new PlaybookLauncher.Launch(Optional.of(runner.start(playbook, variables, actor).id()), Optional.empty());
        } catch (InvalidPlaybookException e) {
            return new PlaybookLauncher.Launch(Optional.empty(), Optional.of(e.getMessage()));
        }
    }
}
