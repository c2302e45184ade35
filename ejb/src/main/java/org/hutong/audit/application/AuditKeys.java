package org.hutong.audit.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hutong.audit.domain.AuditKey;

/** The audit key, read once from {@code hutong.audit.key}; a key that cannot be read stops the application. */
@ApplicationScoped
public class AuditKeys {

    @Inject
    @ConfigProperty(name = "hutong.audit.key")
    String base64;

    private AuditKey key;

    public AuditKeys() {
        // for CDI
    }

    public AuditKeys(AuditKey key) {
        this.key = key;
    }

    @PostConstruct
    void init() {
        key = AuditKey.fromBase64(base64);
    }

    public AuditKey key() {
        return key;
    }
}
