package org.fluviokit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.fluviokit.cli.CliHarness.Result;
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
                root -> () -> FluvioCli.CLUSTER_TARGETS.apply(ClusterProfiles.endpoint(root, env)));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void mainFailsClearlyForAClusterGivenByFlag() {
        assertThat(runMain(Map.of(), "-c", "127.0.0.1:9003", "topic", "list"))
                .isEqualTo(new Result(1, "", "connecting to a cluster is not available yet: 127.0.0.1:9003\n"));
    }

    @Test
    void mainFailsClearlyForTheCurrentProfile(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config");
        Files.writeString(config, """
                version = "2.0"
                current_profile = "real-cluster"

                [profile.real-cluster]
                cluster = "real-cluster"

                [cluster.real-cluster]
                endpoint = "127.0.0.1:19003"
                use_spu_local_address = false

                [cluster.real-cluster.tls]
                tls_policy = "disabled"
                """);
        assertThat(runMain(Map.of("FLV_PROFILE_PATH", config.toString()), "consumer", "list"))
                .isEqualTo(new Result(1, "", "connecting to a cluster is not available yet: 127.0.0.1:19003\n"));
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
