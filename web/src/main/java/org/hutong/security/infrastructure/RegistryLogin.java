package org.hutong.security.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

/**
 * Checks a user name and password against the server's user registry (the LDAP directory in
 * production, a basic registry in development) through Liberty's {@code WSLogin} JAAS entry, so
 * that people are authenticated by the directory the server is configured with, and nothing else.
 */
@ApplicationScoped
public class RegistryLogin {

    /**
     * @return the person's groups by name: a directory group's common name (the first value of its DN),
     *         so that the role mapping names a group the same way for directories and tokens
     */
    public Set<String> check(String user, char[] password) throws CredentialsRefusedException {
        LoginContext login;
        try {
            login = new LoginContext("WSLogin", callbacks -> {
                for (Callback callback : callbacks) {
                    if (callback instanceof NameCallback name) {
                        name.setName(user);
                    } else if (callback instanceof PasswordCallback secret) {
                        secret.setPassword(password);
                    }
                }
            });
            login.login();
        } catch (LoginException e) {
            throw new CredentialsRefusedException("user name or password not accepted by the user registry");
        }
        return groups(login.getSubject());
    }

    /**
     * Liberty puts a {@code com.ibm.websphere.security.cred.WSCredential} in the subject; its group ids read
     * {@code group:<realm>/<unique name>}. Read reflectively: the API jar is not on Maven Central.
     */
    static Set<String> groups(Subject subject) throws CredentialsRefusedException {
        Set<String> groups = new LinkedHashSet<>();
        for (Object credential : subject.getPublicCredentials()) {
            try {
                Object ids = credential.getClass().getMethod("getGroupIds").invoke(credential);
                if (ids instanceof List<?> list) {
                    for (Object id : list) {
                        String text = String.valueOf(id);
                        int slash = text.indexOf('/');
                        groups.add(commonName(text.startsWith("group:") && slash > 0 ? text.substring(slash + 1) : text));
                    }
                }
            } catch (NoSuchMethodException notACredentialWithGroups) {
                // another kind of credential
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new CredentialsRefusedException("the user registry's groups could not be read", e);
            }
        }
        return groups;
    }

    static String commonName(String uniqueName) {
        try {
            LdapName dn = new LdapName(uniqueName);
            return dn.isEmpty() ? uniqueName : String.valueOf(dn.getRdn(dn.size() - 1).getValue());
        } catch (InvalidNameException notADistinguishedName) {
            return uniqueName;
        }
    }
}
