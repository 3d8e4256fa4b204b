package org.fluviokit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.fluviokit.cli.CliHarness.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code fluvio consumer list} (spec H1–H4), LAST SEEN on the fake's virtual clock. */
class ConsumerListCommandTest {

    private final CliHarness cli = new CliHarness();

    @AfterEach
    void close() {
        cli.close();
    }

    private long now() {
        return cli.broker.clock().millis() / 1000;
    }

    @ParameterizedTest(name = "-O {0}")
    @ValueSource(strings = {"table", "json", "yaml", "toml", "JSON"})
    void noConsumersIsASentenceWhateverTheOutput(String output) { // H1
        assertThat(cli.run("consumer", "list", "-O", output)).isEqualTo(new Result(0, "No consumers found\n", ""));
        assertThat(cli.run("consumer", "list")).isEqualTo(new Result(0, "No consumers found\n", ""));
    }

    @Test
    void theDocsExampleTable() { // H2, H3
        cli.ok("topic", "create", "hello-topic");
        cli.produce("hello-topic", "One\n");
        cli.produce("hello-topic", "Two\n");
        cli.ok("consume", "hello-topic", "-c", "c1", "-Bd");
        cli.broker.advanceClock(Duration.ofSeconds(254));
        assertThat(cli.run("consumer", "list")).isEqualTo(new Result(0,
                "  CONSUMER  TOPIC        PARTITION  OFFSET  LAST SEEN \n"
                        + "  c1        hello-topic  0          1       4m 14s    \n", ""));
    }

    @Test
    void rowsAreSortedByConsumerTopicAndPartitionAndColumnsFitTheWidest() { // H2, recorded in 02-bats.md
        cli.ok("topic", "create", "bats-t", "-p", "2");
        cli.ok("topic", "create", "probe1");
        cli.produce("bats-t", "1:1\n2:2\n4:4\n8:8\n", "--key-separator", ":");
        cli.produce("probe1", "a\nb\nc\n");
        cli.ok("consume", "probe1", "-c", "p1", "-Bd");
        cli.broker.advanceClock(Duration.ofSeconds(11));
        cli.ok("consume", "bats-t", "--consumer", "many-part", "-B", "-d");
        cli.broker.advanceClock(Duration.ofSeconds(1));
        assertThat(cli.run("consumer", "list", "-O", "table").stdout()).isEqualTo(
                "  CONSUMER   TOPIC   PARTITION  OFFSET  LAST SEEN \n"
                        + "  many-part  bats-t  0          1       1s        \n"
                        + "  many-part  bats-t  1          1       1s        \n"
                        + "  p1         probe1  0          2       12s       \n");
    }

    @Test
    void jsonAndYamlKeepTheBrokersOrderAndFluviosFieldOrder() { // H4
        cli.ok("topic", "create", "t");
        cli.produce("t", "a\nb\n");
        cli.ok("consume", "t", "-c", "zed", "-Bd");
        long zed = now();
        cli.broker.advanceClock(Duration.ofSeconds(3));
        cli.ok("consume", "t", "-c", "abe", "-T", "2", "--end", "0", "-d");
        long abe = now();
        assertThat(cli.run("consumer", "list", "-O", "json")).isEqualTo(new Result(0, """
                [
                  {
                    "consumer_id": "zed",
                    "topic": "t",
                    "partition": 0,
                    "offset": 1,
                    "modified_time": %d
                  },
                  {
                    "consumer_id": "abe",
                    "topic": "t",
                    "partition": 0,
                    "offset": 0,
                    "modified_time": %d
                  }
                ]
                """.formatted(zed, abe), ""));
        assertThat(cli.run("consumer", "list", "-O", "yaml")).isEqualTo(new Result(0, """
                - consumer_id: zed
                  topic: t
                  partition: 0
                  offset: 1
                  modified_time: %d
                - consumer_id: abe
                  topic: t
                  partition: 0
                  offset: 0
                  modified_time: %d

                """.formatted(zed, abe), ""));
    }

    @Test
    void tomlCannotWriteAList() { // H4, recorded: exit 1
        cli.ok("topic", "create", "t");
        cli.produce("t", "a\n");
        cli.ok("consume", "t", "-c", "c", "-Bd");
        assertThat(cli.run("consumer", "list", "-O", "toml")).isEqualTo(new Result(1, "", "Fluvio client error\n"));
    }

    @Test
    void anEmptyConsumerIdIsAnEmptyCell() { // L1, recorded in 09-misc.md
        cli.ok("topic", "create", "flags");
        cli.produce("flags", "r0\n");
        cli.ok("consume", "flags", "-c", "", "-B", "-d");
        cli.ok("consume", "flags", "-c", "post", "-B", "-d");
        assertThat(cli.run("consumer", "list").stdout()).isEqualTo(
                "  CONSUMER  TOPIC  PARTITION  OFFSET  LAST SEEN \n"
                        + "            flags  0          0       0s        \n"
                        + "  post      flags  0          0       0s        \n");
    }
}
