package org.fluviokit.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fluviokit.assertj.FluvioAssertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.fluviokit.client.ConsumerConfig;
import org.fluviokit.client.ConsumerRecord;
import org.fluviokit.client.ConsumerStream;
import org.fluviokit.client.Fluvio;
import org.fluviokit.client.FluvioException;
import org.fluviokit.client.FluvioTarget;
import org.fluviokit.client.Offset;
import org.fluviokit.client.OffsetManagementStrategy;
import org.fluviokit.client.spi.TargetSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code cluster} target restarted by a command of the user's: here a shell command that kills
 * the fake's standalone broker (a separate process with a journal, standing in for a real cluster)
 * and starts it again on the same data and ports.
 */
class ClusterTargetProviderTest {

    private static final Path FAKE_BROKER_JAR = Path.of(System.getProperty("basedir", "."), "..", "fake-broker", "target",
            "fluviokit-fake-broker.jar").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private String stop;

    @AfterEach
    void stopTheBroker() throws Exception {
        if (stop != null) {
            new ProcessBuilder("sh", "-c", stop).start().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private TargetSettings settings(String endpoint, String restartCommand) {
        return TargetSettings.of(key -> Optional.empty(), Map.of())
                .with(FluvioTarget.ENDPOINT_PROPERTY, endpoint, "test")
                .with(ClusterTargetProvider.RESTART_COMMAND_PROPERTY, restartCommand, "test");
    }

    @Test
    void aClusterWithARestartCommandIsRestartedByItAndIsReadyAfterwards() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(FAKE_BROKER_JAR), "needs " + FAKE_BROKER_JAR + " (package phase)");
        int sc = freePort();
        int spu = freePort();
        String start = "setsid java -jar '" + FAKE_BROKER_JAR + "' --sc-port " + sc + " --spu-port " + spu
                + " --data-dir '" + dir.resolve("data") + "' > '" + dir.resolve("broker.log") + "' 2>&1 & echo $! > '"
                + dir.resolve("pid") + "'";
        stop = "kill -9 $(cat '" + dir.resolve("pid") + "') 2>/dev/null; true";
        assertThat(new ProcessBuilder("sh", "-c", start).start().waitFor()).isZero();

        FluvioTarget target = new ClusterTargetProvider().open(settings("127.0.0.1:" + sc, stop + "; " + start));
        assertThat(target.canRestart()).isTrue();
        // the first connection waits for the standalone broker to listen: the provider's readiness check does it
        target.restart();
        try (Fluvio fluvio = Fluvio.connect(target)) {
            fluvio.admin().createTopic("kept", 1);
            fluvio.topicProducer("kept").send(null, "r0").join();
            try (ConsumerStream stream = fluvio.consumerWithConfig(ConsumerConfig.builder().topic("kept")
                    .offsetStart(Offset.beginning()).offsetConsumer("c1").offsetStrategy(OffsetManagementStrategy.MANUAL)
                    .build())) {
                assertThat(stream.next(Duration.ofSeconds(5))).map(ConsumerRecord::valueAsString).contains("r0");
                stream.offsetCommit();
                stream.offsetFlush();
            }

            target.restart();

            // K4 across the command's restart; the same client reconnects by itself.
            assertThat(fluvio).hasConsumerOffset("c1", "kept", 0, 0);
            assertThat(fluvio.topicProducer("kept").send(null, "r1").join().offset()).isEqualTo(1);
        }
    }

    @Test
    void aRestartCommandThatFailsSaysSoWithItsOutput() {
        FluvioTarget target = new ClusterTargetProvider().open(settings("127.0.0.1:9", "echo cannot restart; exit 7"));
        assertThatThrownBy(target::restart).isInstanceOf(FluvioException.class)
                .hasMessage("the cluster's restart command failed (exit code 7): echo cannot restart; exit 7\ncannot restart");
    }

    @Test
    void withoutACommandAClusterCannotBeRestartedFromHere() {
        FluvioTarget target = new ClusterTargetProvider().open(TargetSettings.of(key -> Optional.empty(), Map.of())
                .with(FluvioTarget.ENDPOINT_PROPERTY, "127.0.0.1:9", "test"));
        assertThat(target.canRestart()).isFalse();
    }
}
