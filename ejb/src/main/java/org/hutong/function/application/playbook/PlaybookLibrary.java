package org.hutong.function.application.playbook;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hutong.function.application.FunctionCatalog;
import org.hutong.function.domain.playbook.Playbook;

/** Playbook versions as runs execute them: each stored version parsed once (versions never change). */
@ApplicationScoped
public class PlaybookLibrary {

    private static final int KEPT = 256;

    @Inject
    PlaybookStore store;

    @Inject
    FunctionCatalog catalog;

    private PlaybookDocuments documents;
    /** Stored versions were checked when stored: a function later gone from the catalog fails its step, not the read. */
    private final PlaybookDocuments stored = new PlaybookDocuments(function -> true);
    private final Map<String, Playbook> parsed = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        documents = new PlaybookDocuments(id -> catalog.find(id).isPresent());
    }

    PlaybookDocuments documents() {
        return documents;
    }

    /** The version a run executes; empty if it is gone (it is never deleted while referenced, but be safe). */
    Optional<Playbook> version(String id, int version) {
        String key = id + "@" + version;
        Playbook known = parsed.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Playbook> read = store.version(id, version).map(kept -> stored.read(id, version, kept.document()));
        read.ifPresent(playbook -> {
            if (parsed.size() >= KEPT) {
                parsed.clear();
            }
            parsed.put(key, playbook);
        });
        return read;
    }
}
