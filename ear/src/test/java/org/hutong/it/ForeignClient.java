package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A product that speaks AMQP 1.0, MQTT 5 or STOMP 1.2 through Debian's Python clients (Qpid Proton,
 * Paho, stomp.py): code that is not Artemis' and not ours, so it can neither share our reading of a
 * protocol nor leave out what an attacker would send.
 */
final class ForeignClient {

    private static final Path SCRIPT = Path.of(System.getProperty("hutong.python.clients", "src/test/python"),
            "broker_send.py");

    private ForeignClient() {
    }

    /** Sends {@code body} to {@code address}, logged in as {@code user}; fails unless the broker accepted it. */
    static void send(String protocol, String user, String password, String address, String body,
            Map<String, String> properties) {
        Outcome outcome = attempt(protocol, user, password, address, body, properties);
        assertThat(outcome.exitCode()).as("%s client: %s", protocol, outcome.output()).isZero();
    }

    /** Sends {@code body} over AMQP 1.0 on TLS to {@code port}, trusting {@code ca} and checking the host name. */
    static void sendAmqpOverTls(int port, String user, String password, String address, String body, Path ca) {
        Outcome outcome = run(List.of("/usr/bin/python3", SCRIPT.toString(), "amqp", "--host", "localhost",
                "--port", String.valueOf(port), "--user=" + user, "--password=" + password, "--address", address,
                "--tls-ca", ca.toString()), body);
        assertThat(outcome.exitCode()).as("amqps client: %s", outcome.output()).isZero();
    }

    /** Sends {@code body}, expecting the broker to refuse it: answers what the client reported. */
    static String sendRefused(String protocol, String user, String password, String address, String body) {
        Outcome outcome = attempt(protocol, user, password, address, body, Map.of());
        assertThat(outcome.exitCode()).as("%s client: %s", protocol, outcome.output()).isNotZero();
        return outcome.output();
    }

    record Outcome(int exitCode, String output) {
    }

    // "--password=" + password: a generated password may start with '-', which argparse would take for an option.
    private static Outcome attempt(String protocol, String user, String password, String address, String body,
            Map<String, String> properties) {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", SCRIPT.toString(), protocol,
                "--port", String.valueOf(URI.create(Hub.BROKER_URL).getPort()),
                "--user=" + user, "--password=" + password, "--address", address));
        properties.forEach((key, value) -> command.addAll(List.of("--property", key + "=" + value)));
        return run(command, body);
    }

    /** Runs {@code command} with {@code input} on its standard input. */
    static Outcome run(List<String> command, String input) {
        String protocol = String.join(" ", command.subList(0, Math.min(3, command.size())));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (var stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s client finished", protocol).isTrue();
            return new Outcome(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while the " + protocol + " client ran", e);
        }
    }
}
