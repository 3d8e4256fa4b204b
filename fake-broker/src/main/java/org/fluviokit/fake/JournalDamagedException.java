package org.fluviokit.fake;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The journal in a broker's data directory is damaged somewhere other than a torn last entry (the
 * normal result of a crash, which the broker cuts by itself): an entry that fails its checksum with
 * more after it, a file that is not a journal, or an entry that cannot have been written (a batch
 * at the wrong offset, for a topic that does not exist, of an unknown kind). The broker did not
 * start and did not change the file.
 *
 * <p>The choices are to restore the file from a backup, or to build the broker with
 * {@link FakeBroker.Builder#repairDamagedJournal(boolean) repairDamagedJournal(true)} (the standalone
 * jar's {@code --repair}): it keeps a copy of the file, keeps everything before {@link #position()},
 * and drops the rest.
 */
public final class JournalDamagedException extends RuntimeException {

    private final Path journal;
    private final long position;
    private final long journalSize;
    private final String damage;

    public JournalDamagedException(Path journal, long position, long journalSize, String damage) {
        super(damage + "; nothing was changed. Restore the file from a backup, or build the broker with"
                + " repairDamagedJournal(true) to keep a copy of it and start from the " + position
                + " bytes before the damage (everything from byte " + position + " on is dropped)");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.position = position;
        this.journalSize = journalSize;
        this.damage = Objects.requireNonNull(damage, "damage");
    }

    /** The journal file. */
    public Path journal() {
        return journal;
    }

    /** Where the first bad entry starts: the bytes before it are intact. */
    public long position() {
        return position;
    }

    /** The file's size. */
    public long journalSize() {
        return journalSize;
    }

    /** One line: which file, where, and what is wrong there (the message adds the choices). */
    public String damage() {
        return damage;
    }
}
