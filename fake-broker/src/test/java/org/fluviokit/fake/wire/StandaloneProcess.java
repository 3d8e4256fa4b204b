package org.fluviokit.fake.wire;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged standalone jar ({@code target/fluviokit-fake-broker.jar}) as a child process, for the
 * tests failsafe runs after {@code package}: started until it prints {@code ready}, or run until it
 * exits with its output.
 */
final class StandaloneProcess {

    private static final Pattern SC = Pattern.compile("^SC endpoint: ([0-9.]+):(\\d+)$");
    private static final Pattern SPU = Pattern.compile("^SPU 5001: ([0-9.]+):(\\d+)$");

    private StandaloneProcess() {
    }

    /** A broker that printed {@code ready}, with every line it printed so far (and goes on printing). */
    record Running(Process process, String host, int scPort, int spuPort, long readyNanos, List<String> output) {

        /** kill -9: no shutdown hook, no orderly close of the journal. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                fail("the standalone broker did not die within 30 s of SIGKILL");
            }
        }

        /** SIGTERM: the shutdown hook closes the server and the broker. */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }

        List<String> linesBeforeReady() {
            List<String> lines = new ArrayList<>();
            for (String line : output) {
                if (line.startsWith("ready in ")) {
                    break;
                }
                lines.add(line);
            }
            return lines;
        }
    }

    /** A run that ended by itself. */
    record Finished(int exitCode, List<String> stdout, List<String> stderr) {
        String all() {
            return "exit " + exitCode + "\nstdout:\n" + String.join("\n", stdout) + "\nstderr:\n" + String.join("\n", stderr);
        }
    }

    static Running start(String... args) throws IOException, InterruptedException {
        return start(List.of(), args);
    }

    /** Starts the jar with JVM options and arguments, and waits (up to a minute) for its {@code ready} line. */
    static Running start(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(command(jvmOptions, args)).redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.add(line);
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "standalone-output");
        reader.setDaemon(true);
        reader.start();
        String host = null;
        int scPort = 0;
        int spuPort = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                if (!process.isAlive() && !reader.isAlive() && lines.isEmpty()) {
                    fail("the standalone broker exited with code " + process.exitValue() + " before it was ready:\n"
                            + String.join("\n", output));
                }
                if (System.nanoTime() - deadline > 0) {
                    process.destroyForcibly();
                    fail("the standalone broker printed no 'ready' line within 60 s; output so far:\n"
                            + String.join("\n", output));
                }
                continue;
            }
            Matcher sc = SC.matcher(line);
            if (sc.matches()) {
                host = sc.group(1);
                scPort = Integer.parseInt(sc.group(2));
            }
            Matcher spu = SPU.matcher(line);
            if (spu.matches()) {
                spuPort = Integer.parseInt(spu.group(2));
            }
            if (line.startsWith("ready in ")) {
                break;
            }
        }
        long ready = System.nanoTime() - launched;
        if (scPort == 0 || spuPort == 0) {
            fail("no endpoints printed:\n" + String.join("\n", output));
        }
        return new Running(process, host, scPort, spuPort, ready, output);
    }

    /** Runs the jar to its end (a minute at most): for the runs that must refuse to start. */
    static Finished run(String... args) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command(List.of(), args)).start();
        process.getOutputStream().close();
        StreamCollector stdout = new StreamCollector(process.getInputStream());
        StreamCollector stderr = new StreamCollector(process.getErrorStream());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("the standalone broker was expected to stop by itself; it still ran after 60 s:\n" + stdout.lines());
        }
        return new Finished(process.exitValue(), stdout.lines(), stderr.lines());
    }

    static Path jar() {
        String property = System.getProperty("fluviokit.standalone.jar");
        if (property == null || !Files.isRegularFile(Path.of(property))) {
            fail("the standalone jar is missing (" + property + "): this test runs in the integration-test phase,"
                    + " after package (mvn -pl fake-broker verify)");
        }
        return Path.of(property);
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static List<String> command(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar().toString()));
        command.addAll(Arrays.asList(args));
        return command;
    }

    /** Drains a stream on a thread of its own, so a chatty process never blocks on a full pipe. */
    private static final class StreamCollector {
        private final Thread thread;
        private final List<String> lines = new CopyOnWriteArrayList<>();

        StreamCollector(InputStream stream) {
            thread = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "standalone-stream");
            thread.setDaemon(true);
            thread.start();
        }

        List<String> lines() throws InterruptedException {
            thread.join(TimeUnit.SECONDS.toMillis(10));
            return List.copyOf(lines);
        }
    }
}
