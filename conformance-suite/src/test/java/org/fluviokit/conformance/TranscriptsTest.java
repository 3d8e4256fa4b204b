package org.fluviokit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.fluviokit.client.FluvioTarget;
import org.fluviokit.fake.FakeBroker;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class TranscriptsTest {

    private static final Path BROKEN = Path.of("src/test/resources/broken-transcripts/broken.md");

    @Test
    void aBrokenTranscriptFailsWithAUnifiedDiffNumberedAsTheFile() {
        Transcript transcript = Transcript.parse(BROKEN);
        try (FakeBroker broker = FakeBroker.create()) {
            CommandShell shell = new CommandShell.JavaCli(FluvioTarget.fake(broker));
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
            Transcripts.replay(transcript, new CommandShell.JavaCli(FluvioTarget.fake(broker)));
            assertThat(broker.topic("hello-topic")).isEmpty();
            assertThat(broker.consumerOffsets()).isEmpty();
        }
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
