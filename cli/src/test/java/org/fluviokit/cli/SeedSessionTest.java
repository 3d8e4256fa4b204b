package org.fluviokit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.fluviokit.cli.CliHarness.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The seed session of the Fluvio docs, end to end through the CLI, as recorded on a real cluster
 * (/work/real-cluster/raw/01-docs.md; seconds there are wall-clock, here virtual).
 */
class SeedSessionTest {

    private final CliHarness cli = new CliHarness();

    @AfterEach
    void close() {
        cli.close();
    }

    @Test
    void theDocsSession() {
        assertThat(cli.run("topic", "create", "hello-topic")).isEqualTo(new Result(0, "topic \"hello-topic\" created\n", ""));
        assertThat(cli.runWithStdin("One\n", "produce", "hello-topic")).isEqualTo(new Result(0, "", ""));
        assertThat(cli.runWithStdin("Two\n", "produce", "hello-topic")).isEqualTo(new Result(0, "", ""));
        assertThat(cli.run("consume", "hello-topic", "-c", "c1", "-Bd")).isEqualTo(new Result(0, "One\nTwo\n", ""));
        assertThat(cli.run("consumer", "list")).isEqualTo(new Result(0,
                "  CONSUMER  TOPIC        PARTITION  OFFSET  LAST SEEN \n"
                        + "  c1        hello-topic  0          1       0s        \n", ""));
        assertThat(cli.runWithStdin("Three\n", "produce", "hello-topic")).isEqualTo(new Result(0, "", ""));
        assertThat(cli.run("consume", "hello-topic", "-c", "c1", "-Bd")).isEqualTo(new Result(0, "Three\n", ""));
        cli.broker.advanceClock(Duration.ofSeconds(3));
        assertThat(cli.run("consume", "hello-topic", "-c", "c2", "-Bd")).isEqualTo(new Result(0, "One\nTwo\nThree\n", ""));
        // The recording shows c1 still at OFFSET 1 here although it printed Three (offset 2); spec B3 says
        // the stored value becomes 2, and so does every other recorded -c run (03-flags.md). The CLI only
        // commits and flushes; what is stored is the client's and the broker's business.
        assertThat(cli.run("consumer", "list")).isEqualTo(new Result(0,
                "  CONSUMER  TOPIC        PARTITION  OFFSET  LAST SEEN \n"
                        + "  c1        hello-topic  0          2       3s        \n"
                        + "  c2        hello-topic  0          2       0s        \n", ""));
        assertThat(cli.run("consumer", "delete", "c1"))
                .isEqualTo(new Result(0, "consumer \"c1\" on topic \"hello-topic\" and partition \"0\" deleted\n", ""));
        assertThat(cli.run("consumer", "delete", "c2"))
                .isEqualTo(new Result(0, "consumer \"c2\" on topic \"hello-topic\" and partition \"0\" deleted\n", ""));
        assertThat(cli.run("consumer", "list")).isEqualTo(new Result(0, "No consumers found\n", ""));
        assertThat(cli.run("topic", "delete", "hello-topic")).isEqualTo(new Result(0, "topic \"hello-topic\" deleted\n", ""));
        assertThat(cli.run("topic", "list")).isEqualTo(new Result(0, "No topics found\n", ""));
    }
}
