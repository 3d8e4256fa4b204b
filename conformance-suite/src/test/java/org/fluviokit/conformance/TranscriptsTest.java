package org.fluviokit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.fluviokit.fake.FakeBroker;
import org.fluviokit.testkit.FakeTarget;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class TranscriptsTest {

    private static final Path BROKEN = Path.of("src/test/resources/broken-transcripts/broken.md");

    @Test
    void aBrokenTranscriptFailsWithAUnifiedDiffNumberedAsTheFile() {
        Transcript transcript = Transcript.parse(BROKEN);
        try (FakeBroker broker = FakeBroker.create()) {
            CommandShell shell = new CommandShell.JavaCli(FakeTarget.of(broker));
            assertThatThrownBy(() -> Transcripts.replay(transcript, shell))
                    .hasMessage(BROKEN + ":13: '$ fluvio consume broken -c c1 -Bd' printed something else\n"
                            + "--- " + BROKEN + "\n"
                            + "+++ actual output of: fluvio consume broken -c c1 -Bd\n"
                            + "@@ -14,2 +1,1 @@\n"
                            + " Consuming records from 'broken' starting from the beginning of log\n"
                            + "-Two");
        }
    }

    @Test
    void aTranscriptCleansUpTheTopicsAndConsumersItCreated() {
        Transcript transcript = Transcript.parse(Path.of("../scenarios/cli/docs-consumer-offsets.md"));
        try (FakeBroker broker = FakeBroker.create()) {
            Transcripts.replay(transcript, new CommandShell.JavaCli(FakeTarget.of(broker)));
            assertThat(broker.topic("hello-topic")).isEmpty();
            assertThat(broker.consumerOffsets()).isEmpty();
        }
    }

    @Test
    void cleaningUpLeavesOthersTopicsAndTheirConsumersOfTheSameNameAlone() {
        Transcript transcript = Transcript.parse(Path.of("../scenarios/cli/docs-consumer-offsets.md"));
        try (FakeBroker broker = FakeBroker.create();
             org.fluviokit.client.Fluvio someoneElse = org.fluviokit.client.Fluvio.connect(FakeTarget.of(broker))) {
            someoneElse.admin().createTopic("theirs", 1);
            someoneElse.topicProducer("theirs").send(null, "x").join();
            try (org.fluviokit.client.ConsumerStream stream = someoneElse.consumerWithConfig(
                    org.fluviokit.client.ConsumerConfig.builder().topic("theirs")
                            .offsetStart(org.fluviokit.client.Offset.beginning()).offsetConsumer("c1")
                            .offsetStrategy(org.fluviokit.client.OffsetManagementStrategy.AUTO).build())) {
                stream.next(java.time.Duration.ofSeconds(1));
            }
            // their c1 shows up in the transcript's consumer list, so the transcript fails; its clean-up still runs
            assertThatThrownBy(() -> Transcripts.replay(transcript, new CommandShell.JavaCli(FakeTarget.of(broker))))
                    .hasMessageContaining("printed something else");
            assertThat(broker.topic("hello-topic")).isEmpty();
            assertThat(broker.topic("theirs")).isPresent();
            assertThat(broker.consumerOffsets()).extracting(o -> o.consumerId() + "@" + o.topic())
                    .containsExactly("c1@theirs");
        }
    }

    @Test
    void aRealBinaryRunsUnderATerminalWithTheProfileAndAPipedStdin(@TempDir Path dir) throws IOException {
        Path stub = dir.resolve("fluvio");
        Files.writeString(stub, """
                #!/bin/sh
                if [ -t 1 ]; then echo "stdout is a terminal"; fi
                echo "profile: $FLV_PROFILE_PATH"
                echo "args: $*"
                if [ "$1" = produce ]; then while read -r line; do echo "read: $line"; done; fi
                if [ "$1" = hang ]; then sleep 30; fi
                """);
        assertThat(stub.toFile().setExecutable(true)).isTrue();
        Path profile = dir.resolve("config");
        CommandShell shell = new CommandShell.Binary(stub, profile, java.time.Duration.ZERO);

        assertThat(TranscriptMatcher.lines(shell.run("fluvio topic list -O json"))).containsExactly(
                "stdout is a terminal", "profile: " + profile, "args: topic list -O json");
        assertThat(TranscriptMatcher.lines(shell.run("printf 'One\\nTwo\\n' | fluvio produce t")))
                .endsWith("read: One", "read: Two");
        CommandShell impatient = new CommandShell.Binary(stub, profile, java.time.Duration.ofSeconds(1), java.time.Duration.ZERO);
        assertThatThrownBy(() -> impatient.run("fluvio hang")).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("'fluvio hang' did not finish in 1000 ms; it printed:");
    }

    /** A folder of the user's transcripts, through the public one-liner. */
    @TestFactory
    Stream<DynamicNode> transcriptsFromAnExternalFolderRun() {
        List<DynamicNode> nodes = Transcripts.in(Path.of("src/test/resources/extra-transcripts")).toList();
        assertThat(nodes).singleElement().isInstanceOfSatisfying(DynamicContainer.class,
                container -> assertThat(container.getDisplayName()).isEqualTo("cli"));
        return nodes.stream();
    }

    @Test
    void extraFoldersComeFromTheScenariosProperty() {
        System.setProperty(ScenarioFiles.EXTRA_FOLDERS_PROPERTY, "src/test/resources/extra-transcripts");
        try {
            List<String> names = Transcripts.builtInAndExtra()
                    .flatMap(node -> ((DynamicContainer) node).getChildren())
                    .map(DynamicNode::getDisplayName)
                    .toList();
            assertThat(names).contains("A transcript kept outside the project", "The Fluvio docs' consumer-offsets session");
        } finally {
            System.clearProperty(ScenarioFiles.EXTRA_FOLDERS_PROPERTY);
        }
    }

    @Test
    void theBehaviourIdsOfATranscriptComeFromItsProse() {
        Transcript transcript = Transcript.parse("""
                # Deleting consumers (I1–I3, J2)
                <!-- not covered here: I5 -->
                See also K4 and C10. <!-- nor
                I6 --> and B2
                ```console
                $ fluvio consumer delete B7
                no consumers found
                ```
                """, "ids.md");
        assertThat(transcript.ids()).containsExactly("I1", "I2", "I3", "J2", "K4", "C10", "B2");
    }

    @Test
    void parsingFindsCommandsAndTheirOutputOnlyInFencedBlocks() {
        Transcript transcript = Transcript.parse("""
                # Title
                $ not a command: outside a block
                ```console
                $ fluvio topic create a
                topic "a" created

                $ fluvio topic list
                ```
                ```
                plain code, no command
                ```
                """, "t.md");
        assertThat(transcript.title()).isEqualTo("Title");
        assertThat(transcript.commands()).extracting(Transcript.Command::line, Transcript.Command::command)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4, "fluvio topic create a"),
                        org.assertj.core.groups.Tuple.tuple(7, "fluvio topic list"));
        assertThat(transcript.commands().get(0).expected()).containsExactly("topic \"a\" created", "");
        assertThatThrownBy(() -> Transcript.parse("```\n$ x\n", "u.md")).hasMessage("u.md: a fenced block is not closed");
        assertThatThrownBy(() -> Transcript.parse("nothing", "n.md")).hasMessageContaining("no command to replay");
    }
}
