package org.fluviokit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TranscriptMatcherTest {

    private final TranscriptMatcher plain = TranscriptMatcher.forCommand("fluvio consume t -B -d");
    private final TranscriptMatcher table = TranscriptMatcher.forCommand("fluvio consumer list");

    @Test
    void linesMatchExactlyIgnoringTrailingSpaces() {
        assertThat(plain.matches(List.of("One  ", "Two"), List.of("One", "Two"))).isTrue();
        assertThat(plain.matches(List.of("One"), List.of("One", "Two"))).isFalse();
        assertThat(plain.matches(List.of("one"), List.of("One"))).isFalse();
        assertThat(plain.matches(List.of("One", ""), List.of("One"))).isTrue();
    }

    @Test
    void wildcardsMatchTextWithinALineAndLinesWithinOutput() {
        assertThat(plain.matches(List.of("modified_time: [..]"), List.of("modified_time: 1700000000"))).isTrue();
        assertThat(plain.matches(List.of("a[..]c"), List.of("abc"))).isTrue();
        assertThat(plain.matches(List.of("a[..]c"), List.of("abd"))).isFalse();
        assertThat(plain.matches(List.of("first", "...", "last"), List.of("first", "x", "y", "last"))).isTrue();
        assertThat(plain.matches(List.of("first", "...", "last"), List.of("first", "last"))).isTrue();
        assertThat(plain.matches(List.of("first", "...", "last"), List.of("first", "x"))).isFalse();
    }

    @Test
    void aCommandMarkedAnyOrderMatchesTheSameLinesInAnotherOrderButNoOtherLines() {
        TranscriptMatcher anyOrder = TranscriptMatcher.forCommand("fluvio consume t -B -d  # lines in any order");
        assertThat(anyOrder.matches(List.of("1", "2", "4", "8"), List.of("1", "4", "2", "8"))).isTrue();
        assertThat(anyOrder.matches(List.of("1", "2", "[..]"), List.of("x9", "2", "1"))).isTrue();
        assertThat(anyOrder.matches(List.of("1", "2", "4", "8"), List.of("1", "4", "2"))).isFalse();
        assertThat(anyOrder.matches(List.of("1", "1", "2"), List.of("1", "2", "2"))).isFalse();
        assertThat(plain.matches(List.of("1", "2", "4", "8"), List.of("1", "4", "2", "8"))).isFalse();
    }

    @Test
    void theLastSpinnerFrameOnAnEightyColumnLineIsNotOutput() {
        String spinnerFrame = "\u2801" + " ".repeat(79);
        String output = "\u001b[1mConsuming records from 'ends'\u001b[0m\r\n" + spinnerFrame + "\r\u001b[2Kr0\r\n"
                + spinnerFrame + "End-offset has been reached; exiting\r\n\r\u001b[2KConsumer stream has closed\r\n";
        assertThat(TranscriptMatcher.lines(output)).containsExactly("Consuming records from 'ends'", "r0",
                "End-offset has been reached; exiting", "Consumer stream has closed");
        assertThat(TranscriptMatcher.lines("\u2801\n\u2802 x\n")).containsExactly("\u2802 x");
    }

    @Test
    void consumerListTablesCompareCellsAndAcceptAnyLastSeenDuration() {
        List<String> docs = List.of("  CONSUMER  TOPIC        PARTITION  OFFSET  LAST SEEN",
                "  c1        hello-topic  0          1       4m 14s");
        assertThat(table.matches(docs, List.of("  CONSUMER  TOPIC        PARTITION  OFFSET  LAST SEEN",
                "  c1        hello-topic  0          1       0s"))).isTrue();
        assertThat(table.matches(docs, List.of("  CONSUMER  TOPIC        PARTITION  OFFSET  LAST SEEN",
                "  c1        hello-topic  0          1       1day 2h 3m 4s"))).isTrue();
        assertThat(table.matches(docs, List.of("  CONSUMER  TOPIC        PARTITION  OFFSET  LAST SEEN",
                "  c1        hello-topic  0          2       0s"))).isFalse();
        assertThat(table.matches(docs, List.of("  CONSUMER  TOPIC        PARTITION  OFFSET  LAST SEEN",
                "  c1        hello-topic  0          1       soon"))).isFalse();
        // a plain command does not get the table rule
        assertThat(plain.matches(docs.subList(1, 2), List.of("  c1        hello-topic  0          1       0s"))).isFalse();
        assertThat(TranscriptMatcher.forCommand("fluvio consumer list -O json").matches(List.of("[..]"), List.of("["))).isTrue();
    }

    @Test
    void terminalOutputIsWhatTheScreenShows() {
        assertThat(TranscriptMatcher.lines("One\r\nTwo\r\n")).containsExactly("One", "Two");
        assertThat(TranscriptMatcher.lines("\u001B[1mbold\u001B[0m\n")).containsExactly("bold");
        // a spinner drawn, erased and replaced by a record, as a progress bar does
        assertThat(TranscriptMatcher.lines("\u28CB\r\u001B[2Kr0\n\u28D9\r\u001B[2Kr1\n\u28F9\r\u001B[2K"))
                .containsExactly("r0", "r1");
        assertThat(TranscriptMatcher.lines("abc\ndef\u001B[1A\rX\n")).containsExactly("Xbc", "def");
        assertThat(TranscriptMatcher.lines("long line\rshort\u001B[K\n")).containsExactly("short");
    }

    @Test
    void theShellSplitsPipesAndQuotesAndRunsEchoAndPrintf() {
        assertThat(CommandShell.ShellWords.pipeline("echo \"One two\" | fluvio produce 't x'"))
                .containsExactly(List.of("echo", "One two"), List.of("fluvio", "produce", "t x"));
        assertThat(CommandShell.ShellWords.pipeline("printf '1:1\\n2:2\\n' | fluvio produce t --key-separator \":\""))
                .containsExactly(List.of("printf", "1:1\\n2:2\\n"), List.of("fluvio", "produce", "t", "--key-separator", ":"));
        assertThat(CommandShell.ShellWords.printf(List.of("1:1\\n2:2\\n"))).isEqualTo("1:1\n2:2\n");
        assertThat(CommandShell.ShellWords.printf(List.of("%s-%s\\n", "a", "b", "c"))).isEqualTo("a-b\nc-\n");
        assertThat(CommandShell.ShellWords.echo(List.of("One"))).isEqualTo("One\n");
        assertThat(CommandShell.ShellWords.echo(List.of("-n", "One"))).isEqualTo("One");
        assertThat(CommandShell.ShellWords.pipeline("fluvio topic create \"\"")).containsExactly(
                List.of("fluvio", "topic", "create", ""));
    }
}
