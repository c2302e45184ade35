package org.hutong.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A benchmark that fails must fail the build, yet only after the build has stopped the server and
 * broker it started: the benchmark writes its error here, and the enforcer plugin refuses the build
 * at {@code verify} if the file exists (ear/pom.xml, profile benchmark).
 */
final class BenchmarkErrors {

    private static final Path DIRECTORY = Path.of(System.getProperty("bench.errors.dir", "target/benchmark-errors"));

    private BenchmarkErrors() {
    }

    /** Forgets the error of an earlier run: called first by each benchmark. */
    static void clear(String benchmark) {
        try {
            Files.deleteIfExists(DIRECTORY.resolve(benchmark + ".txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void record(String benchmark, String error) {
        System.out.println("benchmark_error: " + error);
        try {
            Files.createDirectories(DIRECTORY);
            Files.writeString(DIRECTORY.resolve(benchmark + ".txt"), error + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
