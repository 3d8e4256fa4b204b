package org.fluviokit.fake.wire;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code src/test/python/fluvio_client_test.py} — the official Fluvio Python client
 * ({@code fluvio==0.21.0}) — against a wire server, and answers its restart requests.
 *
 * <p>The client is a required test dependency: when it is missing the test fails (never skips)
 * and says how to install it.
 */
final class PythonFluvioClient {

    static final String PACKAGE = "fluvio==0.21.0";
    static final Path SCRIPT = Path.of(System.getProperty("basedir", ""), "src", "test", "python", "fluvio_client_test.py")
            .toAbsolutePath();
    private static final String RESTART_REQUEST = "@@fluviokit restart";
    /** Asks for {@code BrokerFaults.dropConnectionOnNext(API)}: {@code @@fluviokit drop-next PRODUCE}. */
    private static final String DROP_REQUEST = "@@fluviokit drop-next ";

    /** What a run printed and how it ended. */
    record Result(int exitCode, List<String> output) {
        String text() {
            return String.join("\n", output);
        }
    }

    private PythonFluvioClient() {
    }

    /** Fails the test, loudly, when {@code python3} or the {@code fluvio} package is not there. */
    static void requireInstalled() {
        String problem;
        try {
            ProcessBuilder checking = new ProcessBuilder("python3", "-c", "import fluvio; print(fluvio.__file__)")
                    .redirectErrorStream(true);
            withInstalledPackages(checking);
            Process check = checking.start();
            String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!check.waitFor(60, TimeUnit.SECONDS)) {
                check.destroyForcibly();
                problem = "python3 -c 'import fluvio' did not finish within 60 s";
            } else if (check.exitValue() != 0) {
                problem = "python3 cannot import fluvio:\n" + output;
            } else {
                return;
            }
        } catch (IOException e) {
            problem = "cannot run python3: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted";
        }
        fail("The official Fluvio Python client is required by this test and is not usable: " + problem
                + "\nThe build installs it into " + PACKAGES + " (mvn generate-test-resources); or: pip install " + PACKAGE);
    }

    /** Where the build installed the client (exec-maven-plugin in fake-broker/pom.xml). */
    static final Path PACKAGES = Path.of(System.getProperty("basedir", ""), "target", "python-packages").toAbsolutePath();

    /** Puts the build's packages first on the Python path, so the pinned client is the one imported. */
    private static void withInstalledPackages(ProcessBuilder builder) {
        String existing = builder.environment().get("PYTHONPATH");
        builder.environment().put("PYTHONPATH", existing == null || existing.isEmpty() ? PACKAGES.toString()
                : PACKAGES + java.io.File.pathSeparator + existing);
    }

    /**
     * Runs the script's {@code cases} (all when none) with {@code FLV_PROFILE_PATH} pointing at
     * {@code server}; a restart request restarts the server's broker, a drop-next request arms that fault.
     */
    static Result run(WireServer server, Path workDir, String suffix, Duration timeout, String... cases) {
        requireInstalled();
        Path profile = server.writeProfile(workDir.resolve("fluvio-profile.toml"));
        List<String> command = new ArrayList<>(List.of("python3", "-u", SCRIPT.toString()));
        command.addAll(List.of(cases));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(workDir.toFile());
        withInstalledPackages(builder);
        builder.environment().put("FLV_PROFILE_PATH", profile.toString());
        builder.environment().put("FLUVIOKIT_RESTART", "stdio");
        builder.environment().put("FLUVIOKIT_SUFFIX", suffix);
        // the client's own wait for a first metadata sync, should the fake ever fail to send one
        builder.environment().put("FLV_METADATA_TIMEOUT", "15000");
        // how long its socket waits for an answer (60 s by default): the dropped produce waits it out once
        builder.environment().put("FLV_SOCKET_WAIT", "10");
        List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread reader = new Thread(() -> relay(process, server, output), "python-client-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                reader.join(5000);
                fail("the Python client did not finish within " + timeout + "; its output:\n" + String.join("\n", output));
            }
            reader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new AssertionError("interrupted", e);
        }
        Result result = new Result(process.exitValue(), List.copyOf(output));
        keepLog(result);
        return result;
    }

    private static void relay(Process process, WireServer server, List<String> output) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             OutputStream control = process.getOutputStream()) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                if (line.equals(RESTART_REQUEST)) {
                    server.broker().restart();
                    output.add("   (JUnit: broker restarted)");
                    control.write("restarted\n".getBytes(StandardCharsets.UTF_8));
                    control.flush();
                } else if (line.startsWith(DROP_REQUEST)) {
                    server.broker().faults().dropConnectionOnNext(
                            org.fluviokit.fake.BrokerApi.valueOf(line.substring(DROP_REQUEST.length())));
                    control.write("armed\n".getBytes(StandardCharsets.UTF_8));
                    control.flush();
                }
            }
        } catch (IOException e) {
            output.add("(reading the client's output failed: " + e + ")");
        }
    }

    private static void keepLog(Result result) {
        try {
            Path log = Path.of(System.getProperty("basedir", ""), "target", "python-client.log").toAbsolutePath();
            Files.createDirectories(log.getParent());
            Files.writeString(log, result.text() + "\nexit code " + result.exitCode() + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            // only a convenience copy
        }
    }
}
