package org.fluviokit.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.fluviokit.client.ClusterSettings;
import org.fluviokit.client.ConsumerOffset;
import org.fluviokit.client.FluvioException;
import org.fluviokit.client.FluvioTarget;
import org.fluviokit.protocol.CodedError;
import org.fluviokit.protocol.ErrorCode;
import org.fluviokit.testkit.internal.ConsumerOffsetProbe;
import org.fluviokit.testkit.internal.SpuRegistration;

/**
 * A real Fluvio cluster, one SC and one SPU, started from your own {@code fluvio-run} (Fluvio's
 * installer puts it in {@code ~/.fluvio/bin}) in a temporary directory, on loopback ports the OS
 * chooses; the {@code local} target.
 *
 * <pre>{@code
 * try (LocalCluster cluster = LocalCluster.start(); Fluvio fluvio = Fluvio.connect(cluster)) {
 *     fluvio.admin().createTopic("orders", 1);
 * }
 * }</pre>
 *
 * <p>The SPU is registered through the SC's local metadata (the file a {@code fluvio cluster spu
 * register} would write), so no {@code fluvio} binary is needed. Ready means the
 * {@code consumer-offset} partition answers, which a real SC provisions about a second after it
 * starts. The processes never outlive the JVM: they are stopped when the cluster is closed or the
 * JVM exits, and a watchdog process kills them if the JVM dies without running its shutdown hooks.
 * Their logs are kept in {@link #logDirectory()} and named when a start or a restart fails.
 */
public final class LocalCluster extends FluvioTarget {

    /** Setting (or {@code FLUVIO_RUN}) naming the {@code fluvio-run} binary to use. */
    public static final String FLUVIO_RUN_PROPERTY = "fluviokit.fluvio-run";

    private static final int SPU_ID = 5001;
    private static final String HOST = "127.0.0.1";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    /** How {@link #restart(Restart)} takes the cluster down before starting it again on the same directories. */
    public enum Restart {
        /** {@code kill -9} of the SC, then of the SPU: a power cut. The default of {@link #restart()}. */
        CRASH_ALL,
        /** SIGTERM to the SC, then the SPU. */
        STOP_ALL,
        /** {@code kill -9} of the SPU alone; the SC stays up. */
        CRASH_SPU,
        /** SIGTERM to the SPU alone; the SC stays up. */
        STOP_SPU
    }

    private final Path fluvioRun;
    private final String version;
    private final Path directory;
    private final int scPublicPort;
    private final int scPrivatePort;
    private final int spuPublicPort;
    private final int spuPrivatePort;
    private final Thread shutdownHook;
    private Process sc;
    private Process spu;
    private Process watchdog;
    private volatile Restart nextRestart = Restart.CRASH_ALL;
    /** The consumer offsets stored before a restart: it is over when the cluster answers with them again. */
    private List<String> stored = List.of();
    /** Set when a start or restart failed: the directory, with the logs the failure names, is kept. */
    private volatile boolean keepDirectory;
    private boolean closed;

    /** Where a cluster lives: its directory and four loopback ports the OS chose. */
    private record Layout(Path directory, int scPublicPort, int scPrivatePort, int spuPublicPort, int spuPrivatePort) {
        static Layout create() {
            try {
                Path directory = Files.createTempDirectory("fluviokit-local-cluster");
                Files.createDirectories(directory.resolve("metadata").resolve("SPU"));
                Files.createDirectories(directory.resolve("data"));
                Files.createDirectories(directory.resolve("logs"));
                int[] ports = freePorts(4);
                return new Layout(directory, ports[0], ports[1], ports[2], ports[3]);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare a directory for the local cluster", e);
            }
        }
    }

    private LocalCluster(Path fluvioRun, String version, Layout layout, AtomicReference<LocalCluster> self) {
        // The cluster is reached as any cluster is; restarting it is restarting these processes.
        super(FluvioTarget.restartableCluster(HOST + ":" + layout.scPublicPort(), ClusterSettings.defaults(),
                () -> self.get().restartProcesses(self.get().nextRestart)));
        self.set(this);
        this.fluvioRun = fluvioRun;
        this.version = version;
        this.directory = layout.directory();
        this.scPublicPort = layout.scPublicPort();
        this.scPrivatePort = layout.scPrivatePort();
        this.spuPublicPort = layout.spuPublicPort();
        this.spuPrivatePort = layout.spuPrivatePort();
        this.shutdownHook = new Thread(this::stopQuietly, "fluviokit-local-cluster-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts a cluster from the {@code fluvio-run} that {@link #findFluvioRun(Map, Map)} finds in
     * the system properties and environment.
     *
     * @throws FluvioException when there is none (saying where it looked) or the cluster does not
     *                         become ready (naming its logs)
     */
    public static LocalCluster start() {
        Path binary = findFluvioRun(systemProperties(), System.getenv()).orElseThrow(() -> new FluvioException(
                ErrorCode.OTHER, notFound(systemProperties(), System.getenv())));
        return start(binary);
    }

    /** Starts a cluster from {@code fluvioRun}. */
    public static LocalCluster start(Path fluvioRun) {
        LocalCluster cluster = new LocalCluster(fluvioRun, versionOf(fluvioRun), Layout.create(), new AtomicReference<>());
        try {
            cluster.startProcesses(true);
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * The {@code fluvio-run} to use: {@value #FLUVIO_RUN_PROPERTY}, else {@code FLUVIO_RUN}, else
     * {@code ~/.fluvio/bin/fluvio-run} (where Fluvio's installer puts it), else the {@code PATH}.
     */
    public static Optional<Path> findFluvioRun(Map<String, String> properties, Map<String, String> environment) {
        for (Path candidate : candidates(properties, environment)) {
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    /** Why no {@code fluvio-run} was found, and how to get one. */
    public static String notFound(Map<String, String> properties, Map<String, String> environment) {
        return "no fluvio-run found (looked at " + String.join(", ", candidates(properties, environment).stream()
                .map(Path::toString).toList()) + "): install Fluvio (its installer puts fluvio-run in ~/.fluvio/bin)"
                + " or name one with -D" + FLUVIO_RUN_PROPERTY + "=/path/to/fluvio-run or FLUVIO_RUN";
    }

    private static List<Path> candidates(Map<String, String> properties, Map<String, String> environment) {
        List<Path> candidates = new ArrayList<>();
        String named = properties.get(FLUVIO_RUN_PROPERTY);
        if (named == null || named.isBlank()) {
            named = environment.get("FLUVIO_RUN");
        }
        if (named != null && !named.isBlank()) {
            // A binary named on purpose is the only one looked at: a missing one is a mistake, not a fallback.
            return List.of(Path.of(named.trim()));
        }
        String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
        candidates.add(Path.of(home, ".fluvio", "bin", "fluvio-run"));
        for (String entry : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                candidates.add(Path.of(entry, "fluvio-run"));
            }
        }
        return candidates;
    }

    private static Map<String, String> systemProperties() {
        Map<String, String> properties = new HashMap<>();
        System.getProperties().forEach((key, value) -> properties.put(key.toString(), value.toString()));
        return properties;
    }

    // ---------------------------------------------------------------- what a target does

    /** {@link #restart(Restart)} with {@link Restart#CRASH_ALL}. */
    @Override
    public void restart() {
        restart(Restart.CRASH_ALL);
    }

    /**
     * Takes the cluster down as {@code how} says, starts it again on the same directories and ports,
     * and returns once it is ready and this JVM's clients of it have seen their connections close.
     */
    public synchronized void restart(Restart how) {
        nextRestart = Objects.requireNonNull(how, "how");
        try {
            super.restart();
        } finally {
            nextRestart = Restart.CRASH_ALL;
        }
    }

    @Override
    public String describe() {
        return "local cluster " + HOST + ":" + scPublicPort + " (fluvio-run " + version + ")";
    }

    /** The platform version {@code fluvio-run version} printed. */
    public String version() {
        return version;
    }

    /** The SC's and the SPU's processes, for tests of this class. */
    synchronized List<ProcessHandle> processes() {
        return List.of(sc.toHandle(), spu.toHandle());
    }

    /** Where the SC's and the SPU's logs are. */
    public Path logDirectory() {
        return directory.resolve("logs");
    }

    /**
     * Stops the processes (SIGTERM, then {@code kill -9}) and deletes the cluster's directory, unless a
     * start or restart failed: then the directory and its logs stay for the failure's reader.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to
        }
        if (!keepDirectory) {
            deleteTree(directory);
        }
    }

    // ---------------------------------------------------------------- processes

    private Path metadata() {
        return directory.resolve("metadata");
    }

    private Path registration() {
        return metadata().resolve("SPU").resolve(SpuRegistration.fileName(SPU_ID));
    }

    private synchronized void startProcesses(boolean firstStart) {
        if (firstStart || isEmptyOrMissing(registration())) {
            // A 0.18 SC rewrites this file in place; killed mid-write it leaves it empty and then never
            // starts again (REAL-CLUSTER.md #22). The kit wrote it, so the kit can write it again.
            writeRegistration();
        }
        List<Path> damaged = damagedMetadata();
        if (!damaged.isEmpty()) {
            throw failure("the SC's local metadata has empty files " + damaged + " (a 0.18 SC killed while it"
                    + " rewrote them); it would not start", null);
        }
        sc = launch("sc", List.of(fluvioRun.toString(), "sc", "--local", metadata().toString(),
                "--bind-public", HOST + ":" + scPublicPort, "--bind-private", HOST + ":" + scPrivatePort));
        awaitListening(scPublicPort, sc, "sc");
        startSpu();
    }

    /** Starts the SPU (the SC is up) and the watchdog over both, and waits until the cluster is ready. */
    private void startSpu() {
        spu = launch("spu", List.of(fluvioRun.toString(), "spu", "-i", Integer.toString(SPU_ID),
                "-p", HOST + ":" + spuPublicPort, "-v", HOST + ":" + spuPrivatePort,
                "--sc-addr", HOST + ":" + scPrivatePort, "--log-base-dir", directory.resolve("data").toString()));
        startWatchdog();
        awaitReady();
    }

    /** Restarts as {@code how} says; returns the ports whose servers went down. */
    private synchronized Set<Integer> restartProcesses(Restart how) {
        stored = storedOffsets();
        boolean wholeCluster = how == Restart.CRASH_ALL || how == Restart.STOP_ALL;
        boolean gracefully = how == Restart.STOP_ALL || how == Restart.STOP_SPU;
        if (wholeCluster) {
            // The SC first: once it is down it cannot be cut off half-way through rewriting a metadata file,
            // which it does when the SPU goes away; a SIGTERM then empties the file as a kill -9 does
            // (REAL-CLUSTER.md #22, #25).
            end(sc, gracefully);
        }
        end(spu, gracefully);
        if (wholeCluster) {
            startProcesses(false);
            return Set.of(scPublicPort, spuPublicPort);
        }
        startSpu();
        return Set.of(spuPublicPort);
    }

    private Process launch(String role, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logDirectory().resolve(role + ".log").toFile()));
        builder.environment().putIfAbsent("RUST_LOG", "info");
        try {
            return builder.start();
        } catch (IOException e) {
            throw failure("cannot run " + fluvioRun + " " + role + ": " + e.getMessage(), e);
        }
    }

    /**
     * A process that outlives an abrupt end of this JVM (a {@code kill -9} runs no shutdown hook) just
     * long enough to kill the cluster's processes: it polls this JVM and kills them once it is gone.
     */
    private void startWatchdog() {
        if (watchdog != null) {
            watchdog.destroyForcibly();
        }
        long jvm = ProcessHandle.current().pid();
        String children = sc.pid() + " " + spu.pid();
        String script = "while kill -0 " + jvm + " 2>/dev/null; do sleep 1; done; kill -9 " + children
                + " 2>/dev/null; rm -rf '" + directory + "'";
        try {
            watchdog = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw failure("cannot start the watchdog of the local cluster: " + e.getMessage(), e);
        }
    }

    private void awaitListening(int port, Process process, String role) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw failure("the " + role + " exited with " + process.exitValue() + " before it listened on port " + port,
                        null);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, port), 200);
                return;
            } catch (IOException notYet) {
                pause(deadline, role + " listening on port " + port);
            }
        }
    }

    /** Ready is when consumer offsets can be listed: the {@code consumer-offset} partition is online. */
    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String last = "no answer yet";
        while (true) {
            for (Process process : List.of(sc, spu)) {
                if (!process.isAlive()) {
                    throw failure("the " + (process == sc ? "sc" : "spu") + " exited with " + process.exitValue()
                            + " before the cluster was ready", null);
                }
            }
            try {
                List<String> now = keys(ConsumerOffsetProbe.list(HOST + ":" + scPublicPort));
                if (now.containsAll(stored)) {
                    return;
                }
                // A restarted 0.18 SPU can answer with fewer offsets than it stores, for a moment (REAL-CLUSTER.md #24).
                last = "the offsets " + now + " where " + stored + " were stored";
            } catch (FluvioException notReady) {
                last = notReady.getMessage();
            }
            pause(deadline, "the consumer-offset partition (last answer: " + last + ")");
        }
    }

    private void pause(long deadline, String waitingFor) {
        if (System.nanoTime() - deadline > 0) {
            throw failure("timed out after " + READY_TIMEOUT.toSeconds() + " s waiting for " + waitingFor, null);
        }
        try {
            // Real processes coming up: nothing to be notified of but a port or an answer, so poll.
            TimeUnit.MILLISECONDS.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted waiting for " + waitingFor, e);
        }
    }

    private FluvioException failure(String what, Throwable cause) {
        keepDirectory = true;
        StringBuilder message = new StringBuilder("local cluster (" + fluvioRun + ", " + version + ") in " + directory
                + ": " + what + "; logs: " + logDirectory().resolve("sc.log") + ", " + logDirectory().resolve("spu.log"));
        for (String role : List.of("sc", "spu")) {
            List<String> tail = tail(logDirectory().resolve(role + ".log"), 5);
            if (!tail.isEmpty()) {
                message.append("\n  last lines of ").append(role).append(".log:\n    ").append(String.join("\n    ", tail));
            }
        }
        return new FluvioException(CodedError.other(what), message.toString(), cause);
    }

    private synchronized void stopQuietly() {
        end(spu, true);
        end(sc, true);
        if (watchdog != null) {
            watchdog.destroyForcibly();
        }
    }

    /** Ends {@code process}: SIGTERM first when {@code gracefully}, {@code kill -9} at once or when that did not. */
    private static void end(Process process, boolean gracefully) {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            if (gracefully) {
                process.destroy();
                if (process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
            process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private List<String> storedOffsets() {
        try {
            return keys(ConsumerOffsetProbe.list(HOST + ":" + scPublicPort));
        } catch (FluvioException unreachable) {
            // a cluster that is already down has nothing to compare with
            return List.of();
        }
    }

    private static List<String> keys(List<ConsumerOffset> offsets) {
        return offsets.stream().map(o -> o.consumerId() + "@" + o.topic() + "-" + o.partition()).toList();
    }

    // ---------------------------------------------------------------- files

    private void writeRegistration() {
        String yaml = SpuRegistration.yaml(SPU_ID, HOST, spuPublicPort, HOST, spuPrivatePort);
        try {
            Files.writeString(registration(), yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot register the SPU in " + registration(), e);
        }
    }

    private List<Path> damagedMetadata() {
        try (Stream<Path> files = Files.walk(metadata())) {
            return files.filter(Files::isRegularFile).filter(LocalCluster::isEmptyOrMissing).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isEmptyOrMissing(Path file) {
        try {
            return !Files.exists(file) || Files.size(file) == 0;
        } catch (IOException e) {
            return true;
        }
    }

    private static String versionOf(Path fluvioRun) {
        try {
            Process process = new ProcessBuilder(fluvioRun.toString(), "version").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return "unknown version";
            }
            for (String line : output.split("\n")) {
                if (line.startsWith("Platform Version:")) {
                    return line.substring("Platform Version:".length()).trim();
                }
            }
            return output.isBlank() ? "unknown version" : output.strip().lines().findFirst().orElse("");
        } catch (IOException e) {
            throw new FluvioException(ErrorCode.OTHER, "cannot run " + fluvioRun + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown version";
        }
    }

    private static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST));
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find free ports on " + HOST, e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // only held to learn a free port
                }
            }
        }
    }

    private static List<String> tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a left-over temporary directory is not worth failing a test for
        }
    }
}
