package org.hutong.information.application.syslog;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;

/** What administrators (and readers) do with the syslog interface: mapping tables and dead letters. */
@Local
public interface SyslogAdministration {

    /** The product's mapping document, or the default one; empty when the product is not registered. */
    Optional<SyslogMapping> mapping(String productId);

    /**
     * Replaces the product's mapping (audited).
     *
     * @return empty when the product is not registered
     * @throws SyslogMapping.InvalidMappingException with every violation, categories checked against the code list
     */
    Optional<SyslogMapping> replaceMapping(String productId, String document);

    /** Forgets the product's mapping, so the default applies (audited); false if it had none. */
    boolean deleteMapping(String productId);

    /** Dead letters after {@code after}, oldest first, of one product or of all. */
    List<DeadLetter> deadLetters(Optional<String> productId, long after, int limit);
}
