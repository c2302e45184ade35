package org.hutong.security.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks a user name and password against the server's user registry (the LDAP directory in
 * production, a basic registry in development) through Liberty's {@code WSLogin} JAAS entry, so
 * that people are authenticated by the directory the server is configured with, and nothing else.
 * A successful check is remembered for {@code hutong.security.login.cache} (a salted hash of the
 * password, never the password): a busy operator's every request would otherwise bind to the
 * directory and search its groups.
 */
@ApplicationScoped
public class RegistryLogin {

    private static final byte[] SALT = new SecureRandom().generateSeed(16);

    private record Remembered(byte[] passwordHash, Set<String> groups, Instant until) {
    }

    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "hutong.security.login.cache", defaultValue = "PT60S")
    Duration cacheFor;

    /**
     * @return the person's groups by name: a directory group's common name (the first value of its DN),
     *         so that the role mapping names a group the same way for directories and tokens
     */
    public Set<String> check(String user, char[] password) throws CredentialsRefusedException {
        byte[] hash = hash(user, password);
        Instant now = Instant.now();
        Remembered known = remembered.get(user);
        if (known != null && known.until().isAfter(now) && MessageDigest.isEqual(known.passwordHash(), hash)) {
            return known.groups();
        }
        Set<String> groups = login(user, password);
        remembered.put(user, new Remembered(hash, Set.copyOf(groups), now.plus(cacheFor)));
        return groups;
    }

    private static Set<String> login(String user, char[] password) throws CredentialsRefusedException {
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

    private static byte[] hash(String user, char[] password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(SALT);
            digest.update(user.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(new String(password).getBytes(StandardCharsets.UTF_8));
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JRE", e);
        }
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
