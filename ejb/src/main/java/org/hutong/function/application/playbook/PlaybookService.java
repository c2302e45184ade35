package org.hutong.function.application.playbook;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hutong.audit.application.AuditTrail;
import org.hutong.audit.domain.AuditEntry;
import org.hutong.function.domain.playbook.Playbook;
import org.hutong.shared.domain.Roles;

/** Playbooks and runs for people: operators and administrators act, auditors read. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
public class PlaybookService implements Playbooks {

    @Resource
    SessionContext session;

    @Inject
    PlaybookStore store;

    @Inject
    PlaybookLibrary library;

    @Inject
    PlaybookRunner runner;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public PlaybookViews.PlaybookView save(String id, String document) {
        Playbook checked = library.documents().read(id, 0, document);
        String actor = caller();
        int version = store.save(id, checked.name(), document, clock.instant(), actor);
        audit.record(AuditEntry.success(actor, "playbook.save", id, "version " + version + ": " + checked.name()));
        return store.find(id).map(PlaybookViews.PlaybookView::of).orElseThrow();
    }

    @Override
    public Optional<PlaybookViews.PlaybookView> find(String id) {
        return store.find(id).map(PlaybookViews.PlaybookView::of);
    }

    @Override
    public List<PlaybookViews.PlaybookView> all() {
        return store.all().stream().map(PlaybookViews.PlaybookView::of).toList();
    }

    @Override
    public List<PlaybookViews.VersionView> versions(String id) {
        return store.versions(id).stream().map(PlaybookViews.VersionView::of).toList();
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public boolean delete(String id) {
        boolean deleted = store.delete(id);
        if (deleted) {
            audit.record(AuditEntry.success(caller(), "playbook.delete", id, "deleted"));
        }
        return deleted;
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Optional<PlaybookViews.RunView> start(String id, Map<String, String> variables) {
        Optional<PlaybookStore.StoredPlaybook> stored = store.find(id);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Playbook playbook = library.version(id, stored.get().version()).orElseThrow();
        return run(runner.start(playbook, variables, caller()).id());
    }

    @Override
    public Optional<PlaybookViews.RunView> run(String runId) {
        return store.run(runId).map(run -> PlaybookViews.RunView.of(run, store.steps(runId),
                library.version(run.playbookId(), run.playbookVersion())));
    }

    @Override
    public List<PlaybookViews.RunView> runs(Optional<String> playbookId, Optional<String> status, int limit) {
        return store.runs(playbookId, status, limit).stream().map(run -> PlaybookViews.RunView.of(run,
                store.steps(run.id()), library.version(run.playbookId(), run.playbookVersion()))).toList();
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Optional<PlaybookViews.RunView> complete(String runId, String stepId, boolean success,
            Map<String, String> outArgs, String comment) {
        // Who decides is who authenticated, never a parameter.
        return runner.complete(runId, stepId, success, outArgs, comment, caller()).flatMap(run -> run(run.id()));
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
