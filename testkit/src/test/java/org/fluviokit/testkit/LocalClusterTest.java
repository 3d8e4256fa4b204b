package org.fluviokit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fluviokit.assertj.FluvioAssertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.fluviokit.client.ConsumerConfig;
import org.fluviokit.client.ConsumerRecord;
import org.fluviokit.client.ConsumerStream;
import org.fluviokit.client.Fluvio;
import org.fluviokit.client.FluvioException;
import org.fluviokit.client.Offset;
import org.fluviokit.client.OffsetManagementStrategy;
import org.fluviokit.client.spi.TargetSettings;
import org.fluviokit.testkit.internal.LocalTargetProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code local} target's process management: start, readiness, restart in every way, the
 * registration a killed SC can leave empty, logs named on failure, clean-up, nothing left behind
 * when the JVM dies, and a clear reason without {@code fluvio-run}.
 *
 * <p>Each test runs with a stand-in {@code fluvio-run} (a script that runs the fake's standalone jar
 * as the SC and holds a dummy process as the SPU: the kit's side of things, on every machine), and
 * with a real Fluvio {@code fluvio-run} when one is installed (skipped with the reason otherwise).
 */
class LocalClusterTest {

    private static final Path FAKE_BROKER_JAR = Path.of(System.getProperty("basedir", "."), "..", "fake-broker", "target",
            "fluviokit-fake-broker.jar").toAbsolutePath().normalize();

    /** The stand-in, installed executable with the fake's jar filled in. */
    static Path standIn() {
        try {
            Path directory = Files.createTempDirectory("fluviokit-standin");
            Path script = directory.resolve("fluvio-run");
            String text = new String(LocalClusterTest.class.getResourceAsStream("/fluvio-run-standin/fluvio-run")
                    .readAllBytes(), StandardCharsets.UTF_8).replace("@FAKE_BROKER_JAR@", FAKE_BROKER_JAR.toString());
            Files.writeString(script, text, StandardCharsets.UTF_8);
            script.toFile().setExecutable(true);
            script.toFile().deleteOnExit();
            directory.toFile().deleteOnExit();
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The real fluvio-run of this machine, as a user's would be found; empty when there is none. */
    static Optional<Path> real() {
        return LocalCluster.findFluvioRun(Map.of(), System.getenv());
    }

    static Stream<Arguments> binaries() {
        return Stream.of(Arguments.of("stand-in"), Arguments.of("real"));
    }

    static Path binary(String which) {
        if (which.equals("stand-in")) {
            Assumptions.assumeTrue(Files.isRegularFile(FAKE_BROKER_JAR), "the stand-in runs " + FAKE_BROKER_JAR
                    + ", built by the fake-broker module's package phase");
            return standIn();
        }
        Optional<Path> real = real();
        Assumptions.assumeTrue(real.isPresent(), "no real Fluvio here: " + LocalCluster.notFound(Map.of(), System.getenv()));
        return real.get();
    }

    static Stream<Arguments> restarts() {
        List<Arguments> arguments = new ArrayList<>();
        for (String which : List.of("stand-in", "real")) {
            for (LocalCluster.Restart how : LocalCluster.Restart.values()) {
                arguments.add(Arguments.of(which, how));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binaries")
    void startsAClusterThatStoresRecordsAndConsumerOffsets(String which) {
        Path binary = binary(which);
        try (LocalCluster cluster = LocalCluster.start(binary); Fluvio fluvio = Fluvio.connect(cluster)) {
            assertThat(cluster.describe()).startsWith("local cluster 127.0.0.1:").contains("(fluvio-run " + cluster.version() + ")");
            fluvio.admin().createTopic("orders", 1);
            fluvio.topicProducer("orders").send(null, "one").join();
            assertThat(readAndFlush(fluvio, "billing")).containsExactly("one");
            assertThat(fluvio).hasConsumerOffset("billing", "orders", 0, 0);
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("restarts")
    void aRestartKeepsRecordsAndFlushedOffsets(String which, LocalCluster.Restart how) {
        Path binary = binary(which);
        Assumptions.assumeTrue(which.equals("real") || how == LocalCluster.Restart.CRASH_ALL
                        || how == LocalCluster.Restart.STOP_ALL,
                "the stand-in's SPU is a placeholder (the fake's one process serves both): an SPU-only restart drops"
                        + " no connection there; it runs against a real fluvio-run");
        try (LocalCluster cluster = LocalCluster.start(binary); Fluvio fluvio = Fluvio.connect(cluster)) {
            fluvio.admin().createTopic("kept", 1);
            fluvio.topicProducer("kept").send(null, "r0").join();
            fluvio.topicProducer("kept").send(null, "r1").join();
            assertThat(readAndFlush(fluvio, "c1")).containsExactly("r0", "r1");

            cluster.restart(how);

            // K4: the records and the flushed offset survived; the same client reconnects by itself.
            assertThat(fluvio).hasConsumerOffset("c1", "kept", 0, 1);
            fluvio.topicProducer("kept").send(null, "r2").join();
            assertThat(readAndFlush(fluvio, "c1")).containsExactly("r2");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binaries")
    void aRegistrationLeftEmptyByAKilledScIsWrittenAgain(String which) throws IOException {
        Path binary = binary(which);
        try (LocalCluster cluster = LocalCluster.start(binary); Fluvio fluvio = Fluvio.connect(cluster)) {
            Path registration = cluster.logDirectory().resolveSibling("metadata").resolve("SPU").resolve("custom-spu-5001.yaml");
            // What a 0.18 SC leaves when it is killed while rewriting the file (REAL-CLUSTER.md #22).
            Files.write(registration, new byte[0]);
            cluster.restart(LocalCluster.Restart.CRASH_ALL);
            assertThat(Files.readString(registration)).contains("spuId: 5001");
            assertThat(fluvio.consumerOffsets()).isEmpty();
        }
    }

    @Test
    void aFluvioRunThatFailsIsReportedWithItsLogsWhichAreKept(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("fluvio-run");
        Files.writeString(broken, "#!/bin/sh\n"
                + "[ \"$1\" = version ] && { echo 'Platform Version: 9.9.9-broken'; exit 0; }\n"
                + "echo \"cannot bind: address in use ($1)\" >&2\nexit 3\n");
        broken.toFile().setExecutable(true);

        assertThatThrownBy(() -> LocalCluster.start(broken)).isInstanceOf(FluvioException.class)
                .hasMessageContaining("(" + broken + ", 9.9.9-broken)")
                .hasMessageContaining("the sc exited with 3 before it listened on port")
                .hasMessageContaining("sc.log")
                .hasMessageContaining("cannot bind: address in use (sc)")
                .satisfies(e -> {
                    Path log = Path.of(e.getMessage().replaceAll("(?s).*logs: (\\S+sc\\.log),.*", "$1"));
                    assertThat(log).exists().content().contains("cannot bind: address in use (sc)");
                });
    }

    @Test
    void withoutFluvioRunTheTargetSaysWhereItLookedAndHowToGetOne(@TempDir Path home) {
        Map<String, String> environment = Map.of("HOME", home.toString(), "PATH", home.resolve("bin").toString());
        assertThat(LocalCluster.findFluvioRun(Map.of(), environment)).isEmpty();
        TargetSettings settings = TargetSettings.of(key -> Optional.empty(), environment);
        assertThat(new LocalTargetProvider().unavailable(settings)).contains("no fluvio-run found (looked at "
                + home.resolve(".fluvio/bin/fluvio-run") + ", " + home.resolve("bin/fluvio-run") + "): install Fluvio"
                + " (its installer puts fluvio-run in ~/.fluvio/bin) or name one with"
                + " -Dfluviokit.fluvio-run=/path/to/fluvio-run or FLUVIO_RUN");

        Map<String, String> named = new HashMap<>(environment);
        named.put("FLUVIO_RUN", home.resolve("nowhere").toString());
        // A binary named on purpose is the only one looked at.
        assertThat(LocalCluster.findFluvioRun(Map.of(), named)).isEmpty();
        assertThat(LocalCluster.notFound(Map.of(), named)).startsWith("no fluvio-run found (looked at "
                + home.resolve("nowhere") + "):");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binaries")
    void closingStopsTheProcessesAndDeletesTheDirectory(String which) {
        Path binary = binary(which);
        LocalCluster cluster = LocalCluster.start(binary);
        Path directory = cluster.logDirectory().getParent();
        List<ProcessHandle> processes = cluster.processes();
        assertThat(processes).allMatch(ProcessHandle::isAlive);
        cluster.close();
        assertThat(processes).noneMatch(ProcessHandle::isAlive);
        assertThat(directory).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binaries")
    void aJvmKilledWithoutItsShutdownHooksLeavesNoClusterBehind(String which) throws Exception {
        Path binary = binary(which);
        ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LocalClusterChild.class.getName(), binary.toString())
                .redirectErrorStream(true);
        Process jvm = child.start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            String line = output.readLine();
            assertThat(line).as("the child JVM's first line").startsWith("pids ");
            List<ProcessHandle> processes = Stream.of(line.substring("pids ".length()).split(" "))
                    .map(pid -> ProcessHandle.of(Long.parseLong(pid)).orElseThrow()).toList();
            assertThat(processes).hasSize(2).allMatch(ProcessHandle::isAlive);

            jvm.destroyForcibly().waitFor();

            // The watchdog notices within a second or two; real processes, so poll (Awaitility).
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(processes).noneMatch(ProcessHandle::isAlive));
        } finally {
            jvm.destroyForcibly();
        }
    }

    private static List<String> readAndFlush(Fluvio fluvio, String consumer) {
        String topic = fluvio.admin().listTopics().stream().filter(t -> !t.spec().system()).findFirst().orElseThrow().name();
        try (ConsumerStream stream = fluvio.consumerWithConfig(ConsumerConfig.builder().topic(topic)
                .offsetStart(Offset.beginning()).offsetConsumer(consumer).offsetStrategy(OffsetManagementStrategy.MANUAL)
                .disableContinuous(true).build())) {
            List<String> values = stream.next(100, Duration.ofSeconds(10)).stream().map(ConsumerRecord::valueAsString)
                    .toList();
            stream.offsetCommit();
            stream.offsetFlush();
            return values;
        }
    }
}
