package org.fluviokit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.fluviokit.cli.CliHarness.Result;
import org.fluviokit.client.FluvioTarget;
import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.wire.WireServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entry points: in process over a target, and {@code main}'s choice of cluster. */
class FluvioCliTest {

    private static Result runMain(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = CliContext.of(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int code = FluvioCli.execute(List.of(args), context,
                root -> () -> FluvioTarget.cluster(ClusterProfiles.endpoint(root, env)));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void mainReachesAClusterGivenByFlag() {
        try (FakeBroker broker = FakeBroker.create(); WireServer server = WireServer.start(broker)) {
            assertThat(runMain(Map.of(), "-c", server.scEndpoint(), "topic", "create", "over-the-wire"))
                    .isEqualTo(new Result(0, "topic \"over-the-wire\" created\n", ""));
            assertThat(broker.topic("over-the-wire")).isPresent();
        }
    }

    @Test
    void mainReachesTheClusterOfTheCurrentProfile(@TempDir Path dir) {
        try (FakeBroker broker = FakeBroker.create(); WireServer server = WireServer.start(broker)) {
            Path config = server.writeProfile(dir.resolve("config"));
            Map<String, String> env = Map.of("FLV_PROFILE_PATH", config.toString());
            assertThat(runMain(env, "topic", "create", "profiled").exitCode()).isZero();
            assertThat(runMain(env, "topic", "list").stdout()).contains("profiled");
        }
    }

    @Test
    void aClusterNobodyAnswersAtGetsTheRealCliText() throws java.io.IOException {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux"),
                "the errno in the text is Linux's");
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        // what `fluvio -c 127.0.0.1:PORT topic list` of Fluvio 0.18 prints, exit code 1
        assertThat(runMain(Map.of(), "-c", "127.0.0.1:" + port, "topic", "list")).isEqualTo(new Result(1, "",
                "Socket io Connection refused (os error 111), can't connect to 127.0.0.1:" + port + "\n"));
    }

    @Test
    void mainSaysWhyWhenNoProfileExists(@TempDir Path dir) {
        Result result = runMain(Map.of("FLV_PROFILE_PATH", dir.resolve("missing").toString()), "topic", "list");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("no Fluvio profile file at " + dir.resolve("missing"),
                "(give the cluster with -c HOST:PORT)");
    }

    @Test
    void usageErrorsComeBeforeConnecting() {
        assertThat(runMain(Map.of(), "-c", "127.0.0.1:9003", "consume").exitCode()).isEqualTo(2);
    }

    @Test
    void rootOptionsAreIgnoredInProcess() {
        try (CliHarness cli = new CliHarness()) {
            assertThat(cli.run("-c", "localhost:9003", "topic", "list")).isEqualTo(new Result(0, "No topics found\n", ""));
        }
    }

    @Test
    void helpGoesToStdout() {
        try (CliHarness cli = new CliHarness()) {
            Result help = cli.run("consume", "--help");
            assertThat(help.exitCode()).isZero();
            assertThat(help.stdout()).contains("Usage: fluvio consume [OPTIONS] <topic>");
            assertThat(cli.run().stdout()).contains("Usage: fluvio [OPTIONS] <COMMAND>");
        }
    }

    @Test
    void theSixArgumentRunTreatsStdoutAsATerminalWhenAsked() {
        try (CliHarness cli = new CliHarness()) {
            cli.ok("topic", "create", "t");
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = FluvioCli.run(cli.target, List.of("consume", "t", "-d"), new ByteArrayInputStream(new byte[0]),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), true);
            assertThat(code).isZero();
            assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("\u001b[1mConsuming records from 't'\u001b[0m\n");
        }
    }
}
