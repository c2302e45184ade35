package org.hutong.information.application.syslog;

import java.util.Optional;

/** The products' syslog mapping documents (port). */
public interface SyslogMappings {

    Optional<SyslogMapping> find(String productId);

    void save(String productId, SyslogMapping mapping, String changedBy);

    boolean delete(String productId);
}
