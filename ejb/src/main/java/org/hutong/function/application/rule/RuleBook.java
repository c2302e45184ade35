package org.hutong.function.application.rule;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hutong.function.application.FunctionCatalog;
import org.hutong.function.domain.rule.LinkageRule;
import org.hutong.information.application.DescriptionCatalog;
import org.hutong.information.domain.CodeList;

/**
 * The rules as the engine applies them: read from the store in every step (so a change on any server
 * counts at once), each version parsed once and kept while it is current.
 */
@ApplicationScoped
public class RuleBook {

    @Inject
    RuleStore store;

    @Inject
    FunctionCatalog catalog;

    @Inject
    DescriptionCatalog descriptions;

    private RuleDocuments documents;
    private final Map<String, LinkageRule> parsed = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        CodeList categories = descriptions.required(CodeList.INCIDENT_CATEGORY);
        documents = new RuleDocuments(id -> catalog.find(id).isPresent(), categories::contains);
    }

    RuleDocuments documents() {
        return documents;
    }

    List<LinkageRule> enabled() {
        List<LinkageRule> rules = new ArrayList<>();
        for (RuleStore.StoredRule stored : store.enabled()) {
            String key = stored.id() + "@" + stored.version() + "@" + stored.updatedAt();
            rules.add(parsed.computeIfAbsent(key, unparsed -> read(stored)));
        }
        if (parsed.size() > 4 * Math.max(rules.size(), 16)) {
            parsed.keySet().retainAll(rules.stream().map(rule -> rule.id() + "@" + rule.version() + "@"
                    + rule.enabledSince()).toList());
        }
        return rules;
    }

    LinkageRule read(RuleStore.StoredRule stored) {
        return documents.read(stored.id(), stored.version(), stored.document(), stored.updatedAt())
                .withEnabled(stored.enabled());
    }
}
