package org.hutong.security.interfaces.syslog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hutong.security.domain.CertificateSubjects;

/**
 * Who is sending syslog. Over TLS (RFC 5425) the product proves itself as over HTTPS: a client
 * certificate that chains to the product trust store, CN = product id (the server's key store and the
 * product trust store are the ones Liberty's HTTPS uses). Plain TCP and UDP prove nothing, so a line
 * counts as a product's only when it comes from an address the administrator bound to it. Whatever a
 * line says about its sender (hostname, app name, a CEF vendor, an envelope's producer) names no one.
 */
@ApplicationScoped
public class SyslogPeers {

    @Inject
    @ConfigProperty(name = "hutong.syslog.sources")
    Optional<String> sources;

    @Inject
    @ConfigProperty(name = "hutong.keystore.location")
    String keyStore;

    @Inject
    @ConfigProperty(name = "hutong.keystore.type", defaultValue = "PKCS12")
    String keyStoreType;

    @Inject
    @ConfigProperty(name = "hutong.keystore.password")
    String keyStorePassword;

    @Inject
    @ConfigProperty(name = "hutong.products.truststore")
    String trustStore;

    @Inject
    @ConfigProperty(name = "hutong.products.truststore.password")
    String trustStorePassword;

    private volatile SourceBindings bindings;

    /** The configured source bindings (read once; a wrong entry stops the receiver with its reason). */
    public SourceBindings bindings() {
        SourceBindings parsed = bindings;
        if (parsed == null) {
            parsed = SourceBindings.parse(sources.orElse(""));
            bindings = parsed;
        }
        return parsed;
    }

    /** The product a TLS peer's verified certificate names, or a plain peer's bound address. */
    public Optional<String> productOf(Socket socket) {
        if (socket instanceof SSLSocket tls) {
            try {
                Certificate[] chain = tls.getSession().getPeerCertificates();
                return chain.length > 0 && chain[0] instanceof X509Certificate certificate
                        ? CertificateSubjects.commonName(certificate.getSubjectX500Principal()) : Optional.empty();
            } catch (SSLPeerUnverifiedException e) {
                return Optional.empty();
            }
        }
        return bindings().productOf(socket.getInetAddress());
    }

    /** Server sockets for RFC 5425: TLS 1.2 or 1.3, a client certificate required. */
    public SSLServerSocketFactory tlsSockets() throws GeneralSecurityException, IOException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(keyStore, keyStoreType, keyStorePassword), keyStorePassword.toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(trustStore, "PKCS12", trustStorePassword));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context.getServerSocketFactory();
    }

    private static KeyStore load(String location, String type, String password)
            throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            store.load(in, password.toCharArray());
        }
        return store;
    }
}
