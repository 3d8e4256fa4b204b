package org.fluviokit.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.fluviokit.client.FluvioTarget;
import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.VirtualClock;

/** The cluster a transcript runs on and the shell that runs its commands; closed after the transcript. */
final class TranscriptTarget implements AutoCloseable {

    private final FakeBroker broker;
    private final CommandShell shell;

    private TranscriptTarget(FakeBroker broker, CommandShell shell) {
        this.broker = broker;
        this.shell = shell;
    }

    /** A fresh fake broker with the Java CLI, or with the real binary named by {@value Transcripts#CLI_PROPERTY}. */
    static TranscriptTarget open() {
        Targets.selected();
        FakeBroker broker = FakeBroker.builder()
                .clock(VirtualClock.startingAt(Instant.now().truncatedTo(ChronoUnit.SECONDS)))
                .build();
        String binary = System.getProperty(Transcripts.CLI_PROPERTY);
        if (binary == null || binary.isBlank()) {
            return new TranscriptTarget(broker, new CommandShell.JavaCli(FluvioTarget.fake(broker)));
        }
        Path path = Path.of(binary);
        if (!Files.isExecutable(path)) {
            broker.close();
            throw new IllegalArgumentException(Transcripts.CLI_PROPERTY + " names " + path + ", which is not an executable");
        }
        broker.close();
        throw new UnsupportedOperationException("replaying with a real fluvio binary needs the fake broker's wire server");
    }

    CommandShell shell() {
        return shell;
    }

    String describe() {
        return "fake broker";
    }

    @Override
    public void close() {
        broker.close();
    }
}
