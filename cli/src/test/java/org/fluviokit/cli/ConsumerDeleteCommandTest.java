package org.fluviokit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.fluviokit.cli.CliHarness.Result;
import org.fluviokit.fake.BrokerApi;
import org.fluviokit.protocol.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code fluvio consumer delete} (spec I1–I5). */
class ConsumerDeleteCommandTest {

    private final CliHarness cli = new CliHarness();

    @BeforeEach
    void twoTopicsConsumedByC() {
        cli.ok("topic", "create", "a", "-p", "2");
        cli.ok("topic", "create", "b");
        cli.produce("a", "1:1\n4:4\n", "--key-separator", ":");
        cli.produce("b", "x\n");
        cli.ok("consume", "a", "-c", "c", "-Bd");
        cli.ok("consume", "b", "-c", "c", "-Bd");
        cli.ok("consume", "b", "-c", "other", "-Bd");
    }

    @AfterEach
    void close() {
        cli.close();
    }

    @Test
    void byNameDeletesEveryTopicAndPartitionInTheBrokersOrder() { // I1
        assertThat(cli.run("consumer", "delete", "c")).isEqualTo(new Result(0,
                "consumer \"c\" on topic \"a\" and partition \"0\" deleted\n"
                        + "consumer \"c\" on topic \"a\" and partition \"1\" deleted\n"
                        + "consumer \"c\" on topic \"b\" and partition \"0\" deleted\n", ""));
        assertThat(cli.run("consumer", "list", "-O", "json").stdout()).doesNotContain("\"c\"").contains("\"other\"");
    }

    @Test
    void byTopic() { // I2
        assertThat(cli.run("consumer", "delete", "c", "-t", "b"))
                .isEqualTo(new Result(0, "consumer \"c\" on topic \"b\" and partition \"0\" deleted\n", ""));
        assertThat(cli.run("consumer", "list").stdout()).contains("  c         a").doesNotContain("  c         b");
    }

    @Test
    void byTopicAndPartitionWithoutLookingFirst() { // I3, G4
        assertThat(cli.run("consumer", "delete", "ghost", "--topic", "a", "--partition", "7"))
                .isEqualTo(new Result(0, "consumer \"ghost\" on topic \"a\" and partition \"7\" deleted\n", ""));
    }

    @Test
    void partitionRequiresTopic() { // I3
        assertThat(cli.run("consumer", "delete", "c", "-p", "0")).isEqualTo(new Result(2, "",
                "error: the following required arguments were not provided:\n  --topic <TOPIC>\n\n"
                        + "Usage: fluvio consumer delete --topic <TOPIC> --partition <PARTITION> <CONSUMER>\n\n"
                        + "For more information, try '--help'.\n"));
    }

    @Test
    void nothingMatchingIsNoError() { // I4
        assertThat(cli.run("consumer", "delete", "nobody")).isEqualTo(new Result(0, "no consumers found\n", ""));
        assertThat(cli.run("consumer", "delete", "other", "-t", "a")).isEqualTo(new Result(0, "no consumers found\n", ""));
    }

    @Test
    void aBrokerErrorStopsWithItsMessage() { // I5
        cli.broker.faults().failNext(BrokerApi.DELETE_CONSUMER_OFFSET, ErrorCode.PARTITION_NOT_LEADER);
        assertThat(cli.run("consumer", "delete", "c")).isEqualTo(new Result(1, "",
                "delete consumer offsets failed with: the partition is not a leader\n"));
    }

    @Test
    void aListErrorToo() { // 2.4
        cli.broker.faults().failNext(BrokerApi.FETCH_CONSUMER_OFFSETS, ErrorCode.PARTITION_NOT_LEADER);
        assertThat(cli.run("consumer", "list")).isEqualTo(new Result(1, "",
                "fetch consumer offsets failed with: the partition is not a leader\n"));
    }
}
