package org.hutong.security.domain;

import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/** How a product's client certificate names it, on every channel that takes one (HTTPS, syslog over TLS). */
public final class CertificateSubjects {

    private CertificateSubjects() {
    }

    /** The subject's CN: the product id a certificate of the product CA stands for. */
    public static Optional<String> commonName(X500Principal subject) {
        try {
            for (Rdn rdn : new LdapName(subject.getName()).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return Optional.of(rdn.getValue().toString());
                }
            }
            return Optional.empty();
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }
}
