package org.fluviokit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.fluviokit.cli.CliHarness.Result;
import org.fluviokit.client.ConsumerOffset;
import org.fluviokit.client.Fluvio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code fluvio consume} (spec 2.2, A1–A7), with the outputs recorded from a real cluster in
 * /work/real-cluster/raw/03-flags.md: topic {@code flags} holds r0…r4.
 */
class ConsumeCommandTest {

    private static final String TRY_HELP = "\n\nFor more information, try '--help'.\n";

    private final CliHarness cli = new CliHarness();

    @BeforeEach
    void flags() {
        cli.ok("topic", "create", "flags");
        cli.produce("flags", "r0\nr1\nr2\nr3\nr4\n");
    }

    @AfterEach
    void close() {
        cli.close();
    }

    @ParameterizedTest(name = "consume flags {0}")
    @CsvSource(delimiter = '|', value = {
        "-B -d|r0,r1,r2,r3,r4",
        "-Bd|r0,r1,r2,r3,r4",
        "-H 2 -d|r2,r3,r4",
        "-H 15 -d|''",
        "-H 0 -d|r0,r1,r2,r3,r4",
        "-T 1 -d|r4",
        "-T 100 -d|r0,r1,r2,r3,r4",
        "-T 0 -d|''",
        "--start 2 -d|r2,r3,r4",
        "--start 100 -d|''",
        "-d|''",
        "--end 1 -d|''",
        "-B --end 1 -d|r0,r1",
    })
    void startFlagsSelectTheRecords(String flags, String records) { // A1-A7
        String[] args = ("consume flags " + flags).split(" ");
        Result result = cli.run(args);
        String expected = records.isEmpty() ? "" : String.join("\n", records.split(",")) + "\n";
        assertThat(result.stdout()).isEqualTo(expected);
        assertThat(result.exitCode()).isZero();
        assertThat(result.stderr()).isEqualTo(flags.contains("--end") && !records.isEmpty()
                ? "End-offset has been reached; exiting\n" : "");
    }

    @Test
    void endIsInclusiveAndAContinuousConsumeSaysItClosed() {
        assertThat(cli.run("consume", "flags", "-B", "--end", "1"))
                .isEqualTo(new Result(0, "r0\nr1\n", "End-offset has been reached; exiting\nConsumer stream has closed\n"));
    }

    @Test
    void endBeforeStartIsRefusedWithTwoLines() {
        assertThat(cli.run("consume", "flags", "--start", "3", "--end", "1", "-d")).isEqualTo(new Result(1, "",
                "Argument end-offset must be greater than or equal to specified start offset\n"
                        + "Fluvio client error: End offset: 1 cannot be less than starting offset: 3\n"));
    }

    @Test
    void keyValueShowsNullForRecordsWithoutKey() {
        assertThat(cli.run("consume", "flags", "-B", "-d", "-k").stdout())
                .isEqualTo("[null] r0\n[null] r1\n[null] r2\n[null] r3\n[null] r4\n");
    }

    @Test
    void jsonOutputShowsSerdeJsonsErrorForTextRecords() {
        String error = "{\n  \"error\": \"expected value at line 1 column 1\"\n}\n";
        assertThat(cli.run("consume", "flags", "-B", "-d", "-O", "json")).isEqualTo(new Result(0, error.repeat(5), ""));
        assertThat(cli.run("consume", "flags", "-B", "-d", "-O", "json", "--suppress-unknown")).isEqualTo(new Result(0, "", ""));
    }

    @Test
    void jsonOutputPrettyPrintsJsonRecordsWithSortedKeys() {
        cli.ok("topic", "create", "j");
        cli.produce("j", "{\"b\":1,\"a\":[true,null]}\n");
        assertThat(cli.run("consume", "j", "-Bd", "-O", "JSON").stdout())
                .isEqualTo("{\n  \"a\": [\n    true,\n    null\n  ],\n  \"b\": 1\n}\n");
    }

    @Test
    void textAndTemplateOutputs() {
        assertThat(cli.run("consume", "flags", "-T", "1", "-d", "-O", "text").stdout()).isEqualTo("r4\n");
        assertThat(cli.run("consume", "flags", "-T", "2", "-d", "-F", "{{offset}}/{{partition}}: {{key}}={{value}}").stdout())
                .isEqualTo("3/0: null=r3\n4/0: null=r4\n");
    }

    @Test
    void bannerGoesToStderrOnlyWhenStdoutIsATerminal() { // section 3 item 5
        Result terminal = cli.runWith("", context -> context.withStdoutTerminal(true), "consume", "flags", "-H", "1",
                "--end", "2", "-d");
        assertThat(terminal).isEqualTo(new Result(0, "r1\nr2\n",
                "\u001b[1mConsuming records from 'flags' starting 1 from the beginning of log until offset 2 (inclusive)"
                        + "\u001b[0m\nEnd-offset has been reached; exiting\n"));
        assertThat(cli.runWith("", context -> context.withStdoutTerminal(true), "consume", "flags", "-d").stderr())
                .isEqualTo("\u001b[1mConsuming records from 'flags'\u001b[0m\n");
        assertThat(cli.runWith("", context -> context.withStdoutTerminal(true), "consume", "flags", "-Bd").stderr())
                .isEqualTo("\u001b[1mConsuming records from 'flags' starting from the beginning of log\u001b[0m\n");
        assertThat(cli.runWith("", context -> context.withStdoutTerminal(true), "consume", "flags", "--start", "4", "-d").stderr())
                .isEqualTo("\u001b[1mConsuming records from 'flags' starting at offset 4\u001b[0m\n");
        assertThat(cli.runWith("", context -> context.withStdoutTerminal(true), "consume", "flags", "-T", "3", "-d").stderr())
                .isEqualTo("\u001b[1mConsuming records from 'flags' starting 3 from the end of log\u001b[0m\n");
    }

    @Test
    void aMissingTopicAndAMissingPartition() {
        assertThat(cli.run("consume", "nope", "-B", "-d")).isEqualTo(new Result(1, "", "Topic not found: nope\n"));
        assertThat(cli.run("consume", "flags", "-p", "5", "-B", "-d"))
                .isEqualTo(new Result(1, "", "Partition not found: flags-5\n"));
    }

    @Test
    void aNamedConsumerStoresTheLastRecordItPrinted() { // B1, 2.2 steps 1-3
        assertThat(cli.run("consume", "flags", "-c", "c1", "-T", "3", "--end", "3", "-d").stdout()).isEqualTo("r2\nr3\n");
        try (Fluvio fluvio = Fluvio.connect(cli.target)) {
            assertThat(fluvio.consumerOffsets()).extracting(ConsumerOffset::consumerId, ConsumerOffset::offset)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("c1", 3L));
        }
        // and resumes after it (B4): no start flag, so end() counts from the stored offset
        assertThat(cli.run("consume", "flags", "-c", "c1", "-d").stdout()).isEqualTo("r4\n");
    }

    @Test
    void aContinuousConsumeStopsWhenIdleAndStillFlushes() {
        Result result = cli.runWith("", context -> context.withContinuousIdleLimit(Duration.ofMillis(100)),
                "consume", "flags", "-c", "c", "-T", "2");
        assertThat(result).isEqualTo(new Result(0, "r3\nr4\n", "Consumer stream has closed\n"));
        assertThat(cli.run("consumer", "list", "-O", "json").stdout()).contains("\"offset\": 4,");
    }

    @Test
    void aContinuousConsumeStopsOnItsStopSignal() {
        CompletableFuture<Void> ctrlC = CompletableFuture.completedFuture(null);
        Result result = cli.runWith("", context -> context.withoutContinuousIdleLimit().withStopSignal(ctrlC),
                "consume", "flags", "-B");
        assertThat(result).isEqualTo(new Result(0, "", "Consumer stream has closed\n"));
    }

    @Test
    void startFlagsConflictAsInClap() {
        assertThat(cli.run("consume", "flags", "-B", "-H", "1")).isEqualTo(new Result(2, "",
                "error: the argument '--beginning' cannot be used with '--head <integer>'\n\n"
                        + "Usage: fluvio consume --beginning <topic>" + TRY_HELP));
        assertThat(cli.run("consume", "flags", "-d", "--start", "1", "-T", "2")).isEqualTo(new Result(2, "",
                "error: the argument '--start <integer>' cannot be used with '--tail <integer>'\n\n"
                        + "Usage: fluvio consume --disable-continuous --start <integer> <topic>" + TRY_HELP));
    }

    @Test
    void tailNeedsAValue() {
        assertThat(cli.run("consume", "flags", "-T")).isEqualTo(new Result(2, "",
                "error: a value is required for '--tail <integer>' but none was supplied" + TRY_HELP));
        assertThat(cli.run("consume", "flags", "-T", "x")).isEqualTo(new Result(2, "",
                "error: invalid value 'x' for '--tail <integer>': invalid digit found in string" + TRY_HELP));
    }

    @Test
    void anUnknownOutput() {
        assertThat(cli.run("consume", "flags", "-O", "jsn")).isEqualTo(new Result(2, "",
                "error: invalid value 'jsn' for '--output <type>'\n"
                        + "  [possible values: dynamic, text, binary, json, raw, table, full_table]\n\n"
                        + "  tip: a similar value exists: 'json'" + TRY_HELP));
    }

    @Test
    void anUnknownFlag() {
        assertThat(cli.run("consume", "flags", "--begining")).isEqualTo(new Result(2, "",
                "error: unexpected argument '--begining' found\n\n  tip: a similar argument exists: '--beginning'\n\n"
                        + "Usage: fluvio consume --beginning <topic>" + TRY_HELP));
    }

    @Test
    void flagsMayNotRepeat() {
        assertThat(cli.run("consume", "flags", "-B", "-d", "-B")).isEqualTo(new Result(2, "",
                "error: the argument '--beginning' cannot be used multiple times\n\n"
                        + "Usage: fluvio consume [OPTIONS] <topic>" + TRY_HELP));
    }

    @Test
    void partitionsRepeat() {
        cli.ok("topic", "create", "three", "-p", "3");
        cli.produce("three", "a\nb\nc\n");
        assertThat(cli.run("consume", "three", "-p", "0", "-p", "2", "-Bd").stdout()).isIn("a\nc\n", "c\na\n");
    }

    @Test
    void binaryValuesAreHexDumpedByDefault() {
        assertThat(RecordFormats.dynamic(new byte[] {0, 'A', '\n', (byte) 0xff})).isEqualTo(
                "00000000  00 41 0a ff                                       | A.             |\n"
                        + "------------------------------------------------------------------------------\n");
    }
}
