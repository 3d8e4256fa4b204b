package org.fluviokit.fake.internal;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a broker keeps its journal.
 *
 * @param directory            the data directory
 * @param fsync                force every entry to disk before acknowledging it (survives power loss), not only to the OS
 * @param repair               when the journal is damaged, keep a copy, cut it at the first bad entry and start
 *                             (otherwise the broker refuses to start and leaves the file alone)
 * @param compactionMinGarbage the least garbage worth a rewrite of the journal (it also needs half of the file)
 * @param notices              where the one-line reports of what start-up did to the journal go
 */
public record JournalSettings(Path directory, boolean fsync, boolean repair, long compactionMinGarbage,
                              Consumer<String> notices) {

    /** System property: the default {@link #compactionMinGarbage()}, in bytes (tests and the crash harness lower it). */
    public static final String COMPACTION_MIN_GARBAGE_PROPERTY = "fluviokit.journal.compaction-min-garbage";
    public static final long DEFAULT_COMPACTION_MIN_GARBAGE = 1 << 20;

    public JournalSettings {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(notices, "notices");
        if (compactionMinGarbage < 1) {
            throw new IllegalArgumentException("compaction needs at least one byte of garbage: " + compactionMinGarbage);
        }
    }

    /** The default least garbage for a rewrite: {@value #COMPACTION_MIN_GARBAGE_PROPERTY}, else 1 MiB. */
    public static long defaultCompactionMinGarbage() {
        return Long.getLong(COMPACTION_MIN_GARBAGE_PROPERTY, DEFAULT_COMPACTION_MIN_GARBAGE);
    }
}
