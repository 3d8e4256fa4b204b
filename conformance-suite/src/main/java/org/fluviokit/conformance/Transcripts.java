package org.fluviokit.conformance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.qameta.allure.Allure;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * CLI transcripts as JUnit dynamic tests: one test per Markdown file, each command an Allure step
 * with the command, the expected and the actual output. A difference fails with a unified diff
 * numbered as lines of the file.
 *
 * <p>Commands run through fluviokit's Java {@code fluvio} CLI on a fresh fake broker, or through a
 * real {@code fluvio} binary when {@value #CLI_PROPERTY} names one (under a pseudo-terminal, with a
 * profile pointing at the target).
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> mySessions() {
 *     return Transcripts.in(Path.of("src/test/transcripts"));
 * }
 * }</pre>
 */
public final class Transcripts {

    /** System property naming a real {@code fluvio} binary to replay transcripts with. */
    public static final String CLI_PROPERTY = "fluviokit.cli";

    private Transcripts() {
    }

    /** The transcripts shipped with fluviokit and those of the folders in {@code -Dfluviokit.scenarios}. */
    public static Stream<DynamicNode> builtInAndExtra() {
        List<Path> files = new ArrayList<>(ScenarioFiles.builtIn("cli", ".md"));
        files.addAll(ScenarioFiles.extra(".md"));
        return tests(files);
    }

    /** The transcripts (Markdown files) of a folder and its sub-folders. */
    public static Stream<DynamicNode> in(Path folder) {
        return tests(ScenarioFiles.in(folder, ".md"));
    }

    private static Stream<DynamicNode> tests(List<Path> files) {
        List<DynamicNode> tests = new ArrayList<>();
        for (Path file : files) {
            if (file.getFileName().toString().equalsIgnoreCase("README.md")) {
                continue;
            }
            Transcript transcript = Transcript.parse(file);
            tests.add(DynamicTest.dynamicTest(transcript.title(), file.toUri(), () -> run(transcript)));
        }
        return Stream.of(DynamicContainer.dynamicContainer("cli", tests.stream()));
    }

    private static void run(Transcript transcript) {
        AllureLabels.check(transcript.source(), "cli", transcript.ids(), SuiteTarget.current());
        try (TranscriptCluster target = TranscriptCluster.open()) {
            Allure.description("Transcript: " + transcript.source() + "\nCommands run by: " + target.shell().describe());
            replay(transcript, target.shell());
        }
    }

    /** Replays every command; throws on the first whose output differs. */
    static void replay(Transcript transcript, CommandShell shell) {
        try {
            for (Transcript.Command command : transcript.commands()) {
                Allure.step("$ " + command.command(), () -> {
                    List<String> actual = TranscriptMatcher.lines(shell.run(command.command()));
                    Allure.addAttachment("expected", String.join("\n", command.expected()));
                    Allure.addAttachment("actual", String.join("\n", actual));
                    TranscriptMatcher matcher = TranscriptMatcher.forCommand(command.command());
                    if (!matcher.matches(command.expected(), actual)) {
                        throw new AssertionFailedError(transcript.source() + ":" + command.line() + ": '$ "
                                + command.command() + "' printed something else\n"
                                + matcher.unifiedDiff(transcript.source(), command, actual),
                                String.join("\n", command.expected()), String.join("\n", actual));
                    }
                });
            }
        } finally {
            cleanUp(transcript, shell);
        }
    }

    /**
     * A transcript cleans up after itself so it can run on a shared cluster: the topics it created
     * go, whatever state the transcript ended in, and their consumer offsets with them (J1). Consumers
     * are not deleted by name: that would reach other topics' consumers of the same name.
     */
    private static void cleanUp(Transcript transcript, CommandShell shell) {
        Set<String> topics = new LinkedHashSet<>();
        for (Transcript.Command command : transcript.commands()) {
            for (List<String> words : CommandShell.ShellWords.pipeline(command.command())) {
                if (words.size() > 3 && words.get(0).equals("fluvio") && words.get(1).equals("topic")
                        && words.get(2).equals("create")) {
                    topics.add(words.get(3));
                }
            }
        }
        for (String topic : topics) {
            quietly(shell, "fluvio topic delete " + CommandShell.ShellWords.quote(topic));
        }
    }

    private static void quietly(CommandShell shell, String command) {
        try {
            shell.run(command);
        } catch (RuntimeException ignored) {
            // best effort: the transcript's own result is what counts
        }
    }
}
