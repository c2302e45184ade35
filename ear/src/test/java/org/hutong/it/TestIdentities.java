package org.hutong.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The people and products the tests act as. People are the users of the test directory
 * (ear/src/test/identity/directory.ldif); products hold client certificates the tests issue with
 * the test CA the build created, CN = product id, and call the hub over HTTPS (mutual TLS).
 */
public final class TestIdentities {

    /** Someone who calls the hub. */
    public interface Caller {
        HttpResponse<String> send(HttpRequest request);

        default HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : Hub.API + path))
                    .header("Accept", "application/json, application/problem+json").GET().build());
        }

        default HttpResponse<String> post(String path, String contentType, String body) {
            return send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : Hub.API + path))
                    .header("Content-Type", contentType)
                    .header("Accept", "application/json, application/problem+json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }
    }

    /** A person of the test directory, by password (HTTP Basic). */
    public record Person(String user, String password) implements Caller {
        @Override
        public HttpResponse<String> send(HttpRequest request) {
            String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            return Hub.sendAnonymously(HttpRequest.newBuilder(request, (name, value) -> true)
                    .header("Authorization", "Basic " + basic).build());
        }
    }

    /** A product with its client certificate, over HTTPS. */
    public record Product(String id, HttpClient client) implements Caller {
        @Override
        public HttpResponse<String> send(HttpRequest request) {
            URI https = URI.create(request.uri().toString().replace(Hub.HTTP, Hub.HTTPS));
            try {
                return client.send(HttpRequest.newBuilder(request, (name, value) -> true).uri(https).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Someone holding an OpenID Connect / OAuth2 access token of the test identity provider (Keycloak). */
    record Bearer(String token) implements Caller {
        @Override
        public HttpResponse<String> send(HttpRequest request) {
            return Hub.sendAnonymously(HttpRequest.newBuilder(request, (name, value) -> true)
                    .header("Authorization", "Bearer " + token).build());
        }

        /** A person's token: the password grant of the public test client. */
        static Bearer person(String user, String password) {
            return token("grant_type=password&client_id=hutong-cli&username=" + user + "&password=" + password);
        }

        /** A product's token: the client-credentials grant of its confidential client. */
        static Bearer product(String clientId, String secret) {
            return token("grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + secret);
        }

        private static Bearer token(String form) {
            HttpResponse<String> answer = Hub.sendAnonymously(HttpRequest.newBuilder(URI.create(TOKEN_URL))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("the identity provider refused " + form.replaceAll("(password|secret)=[^&]*", "$1=***")
                        + ": " + answer.body());
            }
            return new Bearer(Hub.json(answer).getString("access_token"));
        }
    }

    private static final String TOKEN_URL = System.getProperty("hutong.oidc.token.url",
            "http://127.0.0.1:18080/realms/hutong/protocol/openid-connect/token");

    public static final Person ADMIN = new Person("alice", "alice-pw");
    public static final Person OPERATOR = new Person("oscar", "oscar-pw");
    static final Person AUDITOR = new Person("audrey", "audrey-pw");
    /** Authenticated by the directory, but in no Hutong group. */
    static final Person STAFF = new Person("nora", "nora-pw");

    private static final Path IDENTITY_DIR = Path.of(System.getProperty("hutong.identity.dir", "target/identity"));
    private static final char[] STORE_PASSWORD = System.getProperty("hutong.test.keystore.password", "hutong-dev-only")
            .toCharArray();
    private static final Map<String, Product> PRODUCTS = new ConcurrentHashMap<>();

    private TestIdentities() {
    }

    /** The product {@code id} with a client certificate of the test CA (not registered by this call). */
    static Product product(String id) {
        return PRODUCTS.computeIfAbsent(id, TestIdentities::issue);
    }

    /** A client with a certificate for {@code commonName} signed by {@code issuerKey}, for tests of refusals. */
    static Product product(String commonName, boolean signedByTheTestCa) {
        return signedByTheTestCa ? product(commonName) : withCertificate(commonName, null);
    }

    private static Product issue(String id) {
        return withCertificate(id, ca());
    }

    private record Ca(PrivateKey key, X509Certificate certificate) {
    }

    private static Ca ca() {
        try (InputStream in = Files.newInputStream(IDENTITY_DIR.resolve("products-ca.p12"))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, STORE_PASSWORD);
            return new Ca((PrivateKey) store.getKey("products-ca", STORE_PASSWORD),
                    (X509Certificate) store.getCertificate("products-ca"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key and its certificate chain (the certificate, then its issuer's unless self-signed). */
    private record Issued(PrivateKey key, X509Certificate[] chain) {
    }

    /** @param ca the issuer; null for a self-signed certificate the hub must not trust */
    private static Product withCertificate(String commonName, Ca ca) {
        try {
            Issued issued = issue(commonName, ca);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("product", issued.key(), STORE_PASSWORD, issued.chain());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, STORE_PASSWORD);
            return new Product(commonName, HttpClient.newBuilder().sslContext(tls(keys.getKeyManagers()))
                    .connectTimeout(Duration.ofSeconds(5)).build());
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue a test certificate for " + commonName, e);
        }
    }

    /** TLS as product {@code id}, with a new certificate of the test CA (for load generators that open sockets). */
    public static SSLContext productTls(String id) {
        try {
            Issued issued = issue(id, ca());
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("product", issued.key(), STORE_PASSWORD, issued.chain());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, STORE_PASSWORD);
            return tls(keys.getKeyManagers());
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue a test certificate for " + id, e);
        }
    }

    /**
     * A new key and certificate for {@code commonName} as PEM files for tools that are not Java
     * (OpenSSL, rsyslog): {@code <dir>/<cn>.key.pem} (PKCS #8) and {@code <dir>/<cn>.cert.pem} (the chain).
     *
     * @param signedByTheTestCa false for a self-signed certificate the hub must not trust
     */
    static Path pemFiles(String commonName, boolean signedByTheTestCa, Path dir) {
        try {
            Issued issued = issue(commonName, signedByTheTestCa ? ca() : null);
            Files.createDirectories(dir);
            Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            Files.writeString(dir.resolve(commonName + ".key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                    + base64.encodeToString(issued.key().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
            StringBuilder chain = new StringBuilder();
            for (X509Certificate certificate : issued.chain()) {
                chain.append("-----BEGIN CERTIFICATE-----\n").append(base64.encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            }
            Files.writeString(dir.resolve(commonName + ".cert.pem"), chain);
            return dir;
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue a test certificate for " + commonName, e);
        }
    }

    private static Issued issue(String commonName, Ca ca) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=" + commonName + ",O=Hutong tests");
        Instant now = Instant.now();
        BigInteger serial = new BigInteger(64, new SecureRandom());
        Date from = Date.from(now.minus(Duration.ofMinutes(5)));
        Date until = Date.from(now.plus(Duration.ofDays(1)));
        var builder = ca == null
                ? new JcaX509v3CertificateBuilder(subject, serial, from, until, subject, pair.getPublic())
                : new JcaX509v3CertificateBuilder(ca.certificate(), serial, from, until,
                        new javax.security.auth.x500.X500Principal(subject.toString()), pair.getPublic());
        PrivateKey signingKey = ca == null ? pair.getPrivate() : ca.key();
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signingKey)));
        return new Issued(pair.getPrivate(), ca == null ? new X509Certificate[] {certificate}
                : new X509Certificate[] {certificate, ca.certificate()});
    }

    /** TLS that trusts the test server, presenting {@code keys} when asked for a client certificate. */
    static SSLContext tls(KeyManager[] keys) {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keys, new TrustManager[] {TRUST_THE_DEVELOPMENT_CERTIFICATE}, new SecureRandom());
            return tls;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server presents Liberty's generated development certificate; the tests are not about it. */
    private static final X509TrustManager TRUST_THE_DEVELOPMENT_CERTIFICATE = new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // trusted: the test server's own certificate
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    };
}
