package org.hutong.audit.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hutong.audit.domain.AuditKey;
import org.hutong.audit.domain.HashAlgorithm;

/**
 * The audit key ({@code hutong.audit.key}) and hash ({@code hutong.audit.hash}), read once; a key or
 * hash that cannot be read stops the application.
 */
@ApplicationScoped
public class AuditKeys {

    @Inject
    @ConfigProperty(name = "hutong.audit.key")
    String base64;

    @Inject
    @ConfigProperty(name = "hutong.audit.hash", defaultValue = "SHA-256")
    String hash;

    private AuditKey key;
    private HashAlgorithm algorithm;

    public AuditKeys() {
        // for CDI
    }

    public AuditKeys(AuditKey key, HashAlgorithm algorithm) {
        this.key = key;
        this.algorithm = algorithm;
    }

    @PostConstruct
    void init() {
        key = AuditKey.fromBase64(base64);
        algorithm = HashAlgorithm.fromLabel(hash)
                .orElseThrow(() -> new IllegalStateException("hutong.audit.hash must be SHA-256 or SM3, not " + hash));
    }

    public AuditKey key() {
        return key;
    }

    /** The hash new entries and records are sealed with. */
    public HashAlgorithm algorithm() {
        return algorithm;
    }
}
