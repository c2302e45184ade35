package org.hutong.information.application.syslog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Server settings for reading syslog lines. */
@ApplicationScoped
public class SyslogSettings {

    @Inject
    @ConfigProperty(name = "hutong.syslog.rfc3164.zone")
    Optional<String> rfc3164Zone = Optional.empty();

    /** The zone of RFC 3164 times, which carry none: {@code hutong.syslog.rfc3164.zone}, else the server's. */
    public ZoneId rfc3164Zone() {
        return rfc3164Zone.filter(zone -> !zone.isBlank()).map(ZoneId::of).orElseGet(ZoneId::systemDefault);
    }
}
