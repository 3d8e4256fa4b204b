package org.fluviokit.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.fluviokit.client.ConsumerOffset;
import org.fluviokit.client.Fluvio;
import org.fluviokit.client.FluvioProfiles;
import org.fluviokit.client.FluvioTarget;
import org.fluviokit.client.TopicMetadata;
import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.VirtualClock;
import org.fluviokit.fake.wire.WireServer;
import org.fluviokit.testkit.FakeTarget;
import org.opentest4j.TestAbortedException;

/**
 * The cluster a transcript runs on and the shell that runs its commands; closed after the transcript.
 *
 * <table>
 * <caption>what runs where</caption>
 * <tr><th></th><th>Java CLI (default)</th><th>real binary ({@value Transcripts#CLI_PROPERTY})</th></tr>
 * <tr><td>fake</td><td>a new fake broker, in-process</td><td>a new fake broker behind its wire server</td></tr>
 * <tr><td>cluster</td><td>the cluster, through a namespace of the transcript's own</td>
 *     <td>the cluster as it is, if it has no topics or consumers (the transcript deletes what it created)</td></tr>
 * </table>
 */
final class TranscriptCluster implements AutoCloseable {

    private final CommandShell shell;
    private final String description;
    private final List<AutoCloseable> resources;

    private TranscriptCluster(CommandShell shell, String description, List<AutoCloseable> resources) {
        this.shell = shell;
        this.description = description;
        this.resources = resources;
    }

    static TranscriptCluster open() {
        SuiteTarget suite = SuiteTarget.current();
        boolean cluster = !suite.isFake();
        String binary = System.getProperty(Transcripts.CLI_PROPERTY);
        if (binary == null || binary.isBlank()) {
            if (cluster) {
                FluvioTarget target = suite.cluster().orElseThrow();
                return new TranscriptCluster(new CommandShell.JavaCli(target.isolated()),
                        target.describe(), List.of());
            }
            FakeBroker broker = FakeBroker.builder()
                    .clock(VirtualClock.startingAt(Instant.now().truncatedTo(ChronoUnit.SECONDS)))
                    .build();
            return new TranscriptCluster(new CommandShell.JavaCli(FakeTarget.of(broker)), "fake broker",
                    List.of(broker));
        }
        Path path = Path.of(binary);
        if (!Files.isExecutable(path)) {
            throw new IllegalArgumentException(Transcripts.CLI_PROPERTY + " names " + path + ", which is not an executable");
        }
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            Path directory = Files.createTempDirectory("fluviokit-transcript");
            resources.add(() -> deleteTree(directory));
            Path profile = directory.resolve("config");
            String description;
            if (cluster) {
                FluvioTarget target = suite.cluster().orElseThrow();
                requireEmpty(target);
                String endpoint = target.endpoint().orElseThrow();
                Files.writeString(profile, FluvioProfiles.render("fluviokit", endpoint), StandardCharsets.UTF_8);
                description = target.describe();
            } else {
                // The binary runs in real time, so the broker does too.
                FakeBroker broker = FakeBroker.builder().clock(Clock.systemUTC()).build();
                resources.add(broker);
                WireServer server = WireServer.start(broker);
                resources.add(server);
                server.writeProfile(profile);
                description = "fake broker (wire server " + server.scEndpoint() + ")";
            }
            java.time.Duration settle = cluster ? org.fluviokit.client.ClusterSettings.defaults().deleteSettleTime()
                    : java.time.Duration.ZERO;
            CommandShell.Binary shell = new CommandShell.Binary(path, profile, settle);
            // The Java client that runs next knows nothing of the binary's deletes (REAL-CLUSTER.md #13).
            resources.add(shell::settle);
            return new TranscriptCluster(shell, description, resources);
        } catch (IOException | RuntimeException e) {
            closeAll(resources);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /**
     * A real binary's names cannot be given a namespace, and a transcript shows whole listings
     * ({@code No consumers found}, {@code topic list}): it needs a cluster nobody else uses. On
     * any other it is skipped with the reason, never run against others' topics.
     */
    private static void requireEmpty(FluvioTarget target) {
        try (Fluvio fluvio = Fluvio.connect(target)) {
            List<String> topics = fluvio.admin().listTopics().stream().filter(topic -> !topic.spec().system())
                    .map(TopicMetadata::name).toList();
            List<String> consumers = fluvio.consumerOffsets().stream().map(ConsumerOffset::consumerId).distinct()
                    .toList();
            if (!topics.isEmpty() || !consumers.isEmpty()) {
                throw new TestAbortedException("a real fluvio binary's transcripts need a cluster with no topics or"
                        + " consumers (their names cannot be namespaced); " + target.describe() + " has topics "
                        + topics + " and consumers " + consumers);
            }
        }
    }

    CommandShell shell() {
        return shell;
    }

    String describe() {
        return description;
    }

    @Override
    public void close() {
        closeAll(resources);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        List<AutoCloseable> reversed = new ArrayList<>(resources);
        Collections.reverse(reversed);
        for (AutoCloseable resource : reversed) {
            try {
                resource.close();
            } catch (Exception ignored) {
                // what a transcript leaves behind cannot change its verdict
            }
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
