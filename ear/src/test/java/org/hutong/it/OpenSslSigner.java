package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A vendor's signing key made and used by the OpenSSL command line, through
 * {@code src/test/python/sign_envelope.py}: nothing of Hutong's code touches the signature, so a
 * test cannot pass on a reading of the contract that only Hutong shares.
 */
final class OpenSslSigner {

    private static final Path SCRIPT = Path.of(System.getProperty("hutong.python.clients", "src/test/python"),
            "sign_envelope.py");

    private final String algorithm;
    private final Path privateKey;

    private OpenSslSigner(String algorithm, Path privateKey) {
        this.algorithm = algorithm;
        this.privateKey = privateKey;
    }

    /** A new key for {@code algorithm} (ES256: P-256, RS256: RSA 2048, SM2: the SM2 curve) under {@code dir}. */
    static OpenSslSigner generate(String algorithm, Path dir) {
        Path key = dir.resolve(algorithm + "-" + System.nanoTime() + ".pem");
        List<String> command = new ArrayList<>(List.of("openssl", "genpkey", "-out", key.toString()));
        command.addAll(switch (algorithm) {
            case "ES256" -> List.of("-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256");
            case "RS256" -> List.of("-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048");
            case "SM2" -> List.of("-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:SM2");
            default -> throw new IllegalArgumentException(algorithm);
        });
        run(command, "");
        return new OpenSslSigner(algorithm, key);
    }

    /** The public key to register, PEM SubjectPublicKeyInfo as {@code openssl pkey -pubout} writes it. */
    String publicKeyPem() {
        return run(List.of("openssl", "pkey", "-in", privateKey.toString(), "-pubout"), "");
    }

    /** {@code envelope} with its {@code signature} member. */
    String sign(String envelope) {
        return signClaiming(algorithm, envelope);
    }

    /** Signs with this key's algorithm but writes {@code headerAlgorithm} into the JWS header. */
    String signClaiming(String headerAlgorithm, String envelope) {
        return run(List.of("/usr/bin/python3", SCRIPT.toString(), "--alg", algorithm, "--key", privateKey.toString(),
                "--header-alg", headerAlgorithm), envelope).strip();
    }

    private static String run(List<String> command, String input) {
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (var stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
            assertThat(process.exitValue()).as("%s", command).isZero();
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
