package org.fluviokit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.fluviokit.cli.CliHarness.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code fluvio produce} (spec 2.1, O5). */
class ProduceCommandTest {

    private final CliHarness cli = new CliHarness();

    @AfterEach
    void close() {
        cli.close();
    }

    @Test
    void producesEveryLineSilentlyWhenStdinIsNoTerminal() {
        cli.ok("topic", "create", "t");
        Result result = cli.runWithStdin("One\n\nThree\r\nFour", "produce", "t");
        assertThat(result).isEqualTo(new Result(0, "", ""));
        // an empty line is an empty record; \r\n loses both; the last line needs no \n
        assertThat(cli.run("consume", "t", "-B", "-d", "-O", "raw")).isEqualTo(new Result(0, "One\n\nThree\nFour\n", ""));
    }

    @Test
    void aLoneCarriageReturnAtTheEndStays() {
        cli.ok("topic", "create", "t");
        cli.produce("t", "x\r");
        assertThat(cli.run("consume", "t", "-B", "-d").stdout()).isEqualTo("x\r\n");
    }

    @Test
    void keySeparatorPlacesKeysAsTheBatsSetupExpects() { // O5
        cli.ok("topic", "create", "bats-t", "--partitions", "2");
        assertThat(cli.runWithStdin("1:1\n2:2\n4:4\n8:8\n", "produce", "bats-t", "--key-separator", ":"))
                .isEqualTo(new Result(0, "", ""));
        assertThat(cli.run("consume", "bats-t", "-p", "0", "-B", "-d")).isEqualTo(new Result(0, "1\n2\n", ""));
        assertThat(cli.run("consume", "bats-t", "-p", "1", "-B", "-d")).isEqualTo(new Result(0, "4\n8\n", ""));
        assertThat(cli.run("consume", "bats-t", "-p", "1", "-B", "-d", "-k").stdout()).isEqualTo("[4] 4\n[8] 8\n");
    }

    @Test
    void keySeparatorSplitsAtTheFirstSeparatorOnly() {
        cli.ok("topic", "create", "t");
        cli.produce("t", "k=>v=>w\n", "--key-separator", "=>");
        assertThat(cli.run("consume", "t", "-Bdk").stdout()).isEqualTo("[k] v=>w\n");
    }

    @Test
    void linesWithoutTheSeparatorAreSkippedWithAnErrorLine() {
        cli.ok("topic", "create", "t");
        Result result = cli.runWithStdin("a:1\nnothing here\nb:2\n", "produce", "t", "--key-separator", ":");
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).matches("\u001b\\[2m\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z\u001b\\[0m "
                + "\u001b\\[31mERROR\u001b\\[0m \u001b\\[2mfluvio_cli::client::produce::cmd\u001b\\[0m\u001b\\[2m:\u001b\\[0m "
                + "Failed to find separator ':' in record, skipping: 'nothing here'\n");
        assertThat(cli.run("consume", "t", "-Bdk").stdout()).isEqualTo("[a] 1\n[b] 2\n");
    }

    @Test
    void verbosePrintsEachKeyedRecord() {
        cli.ok("topic", "create", "t");
        assertThat(cli.runWithStdin("a:1\n", "produce", "t", "--key-separator", ":", "-v"))
                .isEqualTo(new Result(0, "[a] 1\n", ""));
    }

    @Test
    void oneKeyForEveryLine() {
        cli.ok("topic", "create", "t");
        cli.produce("t", "x\ny\n", "--key", "K");
        assertThat(cli.run("consume", "t", "-Bdk").stdout()).isEqualTo("[K] x\n[K] y\n");
    }

    @Test
    void aFixedPartition() {
        cli.ok("topic", "create", "t", "-p", "3");
        cli.produce("t", "x\ny\n", "-p", "2");
        assertThat(cli.run("consume", "t", "-p", "2", "-Bd").stdout()).isEqualTo("x\ny\n");
        assertThat(cli.run("consume", "t", "-p", "0", "-Bd").stdout()).isEmpty();
    }

    @Test
    void keylessLinesTakeTurnsFromPartitionZeroInEveryRun() {
        cli.ok("topic", "create", "t", "-p", "2");
        cli.produce("t", "a\nb\nc\n");
        cli.produce("t", "d\n");
        assertThat(cli.run("consume", "t", "-p", "0", "-Bd").stdout()).isEqualTo("a\nc\nd\n");
        assertThat(cli.run("consume", "t", "-p", "1", "-Bd").stdout()).isEqualTo("b\n");
    }

    @Test
    void aMissingTopic() {
        assertThat(cli.runWithStdin("x\n", "produce", "nope")).isEqualTo(new Result(1, "", "Topic not found: nope\n"));
    }

    @Test
    void anEmptySeparatorIsAUsageError() {
        assertThat(cli.run("produce", "t", "--key-separator", "")).isEqualTo(new Result(2, "",
                "error: invalid value '' for '--key-separator <KEY_SEPARATOR>': must be non-empty. If using '=', type it as"
                        + " '--key-separator \"=\"'\n\nFor more information, try '--help'.\n"));
    }

    @Test
    void keyAndKeySeparatorConflict() {
        assertThat(cli.run("produce", "t", "--key", "k", "--key-separator", ":")).isEqualTo(new Result(2, "",
                "error: the argument '--key <KEY>' cannot be used with '--key-separator <KEY_SEPARATOR>'\n\n"
                        + "Usage: fluvio produce --key <KEY> <topic>\n\nFor more information, try '--help'.\n"));
    }

    @Test
    void aTopicIsRequired() {
        assertThat(cli.run("produce")).isEqualTo(new Result(2, "",
                "error: the following required arguments were not provided:\n  <topic>\n\n"
                        + "Usage: fluvio produce <topic>\n\nFor more information, try '--help'.\n"));
    }

    @Test
    void aBadPartitionNumber() {
        assertThat(cli.run("produce", "t", "-p", "x")).isEqualTo(new Result(2, "",
                "error: invalid value 'x' for '--partition <integer>': invalid digit found in string\n\n"
                        + "For more information, try '--help'.\n"));
    }

    @Test
    void interactiveModePromptsAndConfirmsEveryLine() {
        cli.ok("topic", "create", "t");
        Result result = cli.runWith("a\nb\n", context -> context.withStdinTerminal(true), "produce", "t");
        String ok = "\u001b[32mOk!\u001b[0m\n";
        assertThat(result).isEqualTo(new Result(0, ok + ok + ok, "> > > "));
    }
}
