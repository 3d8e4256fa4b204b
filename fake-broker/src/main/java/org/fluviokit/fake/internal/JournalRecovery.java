package org.fluviokit.fake.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fluviokit.fake.DataDirectoryException;
import org.fluviokit.fake.JournalDamagedException;
import org.fluviokit.protocol.ProtocolException;

/**
 * Opens a data directory's journal at start-up, replaying it into the broker. It never destroys
 * what it cannot account for:
 * <ul>
 *   <li>a <b>torn last entry</b> (the process died while writing it, so it was never acknowledged)
 *       is cut, and one notice says what was cut;</li>
 *   <li>anything else that is wrong (an entry failing its checks with more after it, a file that is
 *       not a journal, an intact entry that cannot have been written) is <b>damage</b>: the file is
 *       left as it is and {@link JournalDamagedException} says where; with {@code repair} a copy of
 *       the file is kept, it is cut before the first bad entry, and one notice says what was dropped.</li>
 * </ul>
 * Only the entries before the damage are kept, even when intact ones follow: a later entry may
 * depend on what the damaged one held (its batch's offsets follow the lost ones, its consumer
 * offset points into lost records), and replaying around a hole would build a state the broker was
 * never in.
 *
 * <p>A journal of the older layout has no header checks, so there an entry whose length runs past
 * the end of the file is taken for a torn one even if its length field was damaged; such a journal
 * is rewritten in the current layout as soon as it has been read.
 */
final class JournalRecovery {

    /** What replaying applies to the broker. */
    interface Replay {
        /**
         * Applies one entry read from the journal.
         *
         * @param fileBytes what the entry takes in the current layout
         * @param legacy    whether it comes from a journal of the layout without header checks
         * @throws ImpossibleEntryException if the broker could not have written it; nothing is applied then
         */
        void apply(JournalEntry entry, long fileBytes, boolean legacy);
    }

    private enum Layout { CURRENT, LEGACY }

    /** Stops scanning what follows damage after this many bytes checksummed (a large foreign file). */
    private static final long SCAN_BUDGET = 64L << 20;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final DataDirectory directory;
    private final Path file;
    private final JournalSettings settings;
    private final Clock clock;
    private final Replay replay;

    private JournalRecovery(DataDirectory directory, JournalSettings settings, Clock clock, Replay replay) {
        this.directory = directory;
        this.file = directory.resolve(JournalFile.NAME);
        this.settings = settings;
        this.clock = clock;
        this.replay = replay;
    }

    /** The journal opened for appending, and whether it must be rewritten before anything is appended (an older layout). */
    record Opened(Journal journal, boolean needsRewrite) {
    }

    /**
     * Locks the directory, replays its journal and opens it for appending.
     *
     * @throws DataDirectoryException  if the directory or the file cannot be used
     * @throws JournalDamagedException if the journal is damaged and {@code settings.repair()} is off
     */
    static Opened open(JournalSettings settings, Clock clock, Replay replay) {
        DataDirectory directory = DataDirectory.lock(settings.directory());
        try {
            return new JournalRecovery(directory, settings, clock, replay).open();
        } catch (RuntimeException | Error e) {
            directory.close();
            throw e;
        }
    }

    private Opened open() {
        removeUnfinishedCompaction();
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return new Opened(create(), false);
        }
        if (!Files.isRegularFile(file)) {
            throw unusable(file + " is not a regular file", null);
        }
        Scan scan;
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            scan = new Scanner(new JournalFile.Reader(in)).scan();
        } catch (AccessDeniedException e) {
            throw unusable("cannot read " + file + ": permission denied", e);
        } catch (IOException e) {
            throw unusable("cannot read " + file + ": " + e.getMessage(), e);
        }
        long keep = scan.intactEnd();
        // Cut before its first line (a repaired foreign file, say): the file must be written anew, header first.
        boolean needsRewrite = scan.layout() != Layout.CURRENT || keep < JournalFile.MAGIC.length;
        if (scan.damage() != null) {
            if (!settings.repair()) {
                throw new JournalDamagedException(file, keep, scan.size(), scan.damage());
            }
            Path copy = keepCopy();
            settings.notices().accept("repaired the journal: " + scan.damage() + "; the original is kept as "
                    + copy.getFileName() + "; kept the " + keep + " bytes before the damage and dropped the "
                    + (scan.size() - keep) + " from byte " + keep + " on: " + scan.dropped());
        } else if (scan.torn() != null) {
            settings.notices().accept(scan.torn());
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (AccessDeniedException e) {
            throw unusable("cannot write " + file + ": permission denied", e);
        } catch (IOException e) {
            throw unusable("cannot open " + file + " for writing: " + e.getMessage(), e);
        }
        try {
            if (keep < scan.size()) {
                channel.truncate(keep);
                channel.force(true);
            }
        } catch (IOException e) {
            closeQuietly(channel);
            throw unusable("cannot cut " + file + " at byte " + keep + ": " + e.getMessage(), e);
        }
        return new Opened(new Journal(directory, channel, keep, settings.fsync()), needsRewrite);
    }

    /** A new, empty journal: written aside and renamed, so a journal without its first line never exists. */
    private Journal create() {
        Path temp = directory.resolve(JournalFile.NAME + Journal.COMPACTING_SUFFIX);
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                out.write(ByteBuffer.wrap(JournalFile.MAGIC));
                out.force(true);
            }
            Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            directory.sync();
            return new Journal(directory, FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE),
                    JournalFile.MAGIC.length, settings.fsync());
        } catch (IOException e) {
            throw unusable("cannot create " + file + ": " + e.getMessage(), e);
        }
    }

    /** A copy left by a compaction that a crash interrupted: the journal beside it is whole, the copy is not. */
    private void removeUnfinishedCompaction() {
        Path temp = directory.resolve(JournalFile.NAME + Journal.COMPACTING_SUFFIX);
        try {
            if (Files.exists(temp, LinkOption.NOFOLLOW_LINKS)) {
                long bytes = Files.size(temp);
                Files.delete(temp);
                settings.notices().accept("removed " + temp + " (" + bytes + " bytes): a journal compaction the broker"
                        + " did not finish; the journal itself is whole");
            }
        } catch (IOException e) {
            throw unusable("cannot remove " + temp + ": " + e.getMessage(), e);
        }
    }

    private Path keepCopy() {
        String base = JournalFile.NAME + ".damaged-" + STAMP.format(clock.instant());
        Path copy = directory.resolve(base);
        for (int n = 2; Files.exists(copy, LinkOption.NOFOLLOW_LINKS); n++) {
            copy = directory.resolve(base + "-" + n);
        }
        try {
            Files.copy(file, copy);
            try (FileChannel written = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                written.force(true);
            }
            directory.sync();
        } catch (IOException e) {
            throw unusable("cannot keep a copy of " + file + " as " + copy.getFileName() + " before repairing it: "
                    + e.getMessage() + "; nothing was changed", e);
        }
        return copy;
    }

    private DataDirectoryException unusable(String why, Throwable cause) {
        return new DataDirectoryException(settings.directory(), false, why, cause);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was written through it
        }
    }

    /**
     * What reading the journal found.
     *
     * @param intactEnd where the intact entries end: everything before is replayed
     * @param torn      the notice for a torn last entry, or null
     * @param damage    where and what the damage is (one line), or null
     * @param dropped   what a repair drops, for a person (with damage only)
     */
    private record Scan(Layout layout, long size, long intactEnd, String torn, String damage, String dropped) {
    }

    /** Reads entries in order, replaying each, until the end, a torn last entry or damage. */
    private final class Scanner {
        private final JournalFile.Reader in;
        private final long size;
        private Layout layout = Layout.CURRENT;
        private int header = JournalFile.ENTRY_HEADER;
        private long entries;

        Scanner(JournalFile.Reader in) {
            this.in = in;
            this.size = in.size();
        }

        Scan scan() throws IOException {
            long position;
            if (size == 0) {
                // An older broker created the file and wrote nothing into it.
                return new Scan(Layout.LEGACY, 0, 0, null, null, null);
            }
            byte[] first = in.read(0, (int) Math.min(size, JournalFile.MAGIC.length));
            if (size >= JournalFile.MAGIC.length && Arrays.equals(first, JournalFile.MAGIC)) {
                position = JournalFile.MAGIC.length;
            } else if (size < JournalFile.MAGIC.length && startsWith(JournalFile.MAGIC, first)) {
                // Journals are created whole by a rename, so this is only a foreign or older copy cut short.
                return new Scan(Layout.LEGACY, size, 0, "cut an unfinished journal header off " + file + " ("
                        + size + " bytes); it held no entries", null, null);
            } else if (startsWith(first, JournalFile.MAGIC_PREFIX)) {
                int end = 0;
                while (end < first.length && first[end] != '\n') {
                    end++;
                }
                return damaged(0, "its first line '" + new String(first, 0, end, StandardCharsets.US_ASCII)
                        + "' is of a journal layout this fluviokit does not know (written by a newer one?)", -1);
            } else if (legacyEntryAt(0)) {
                layout = Layout.LEGACY;
                header = JournalFile.LEGACY_ENTRY_HEADER;
                position = 0;
            } else {
                return damaged(0, "it is not a fluviokit journal (it does not start with the line 'fluviokit journal v1',"
                        + " nor with an entry of an older journal)", -1);
            }
            while (position < size) {
                Scan end = entryAt(position);
                if (end != null) {
                    return end;
                }
                position = nextPosition;
            }
            return new Scan(layout, size, size, null, null, null);
        }

        private long nextPosition;

        /** Reads and replays the entry at {@code position}; null when it was fine (then {@link #nextPosition} follows it). */
        private Scan entryAt(long position) throws IOException {
            if (size - position < header) {
                return torn(position, "an entry header cut short");
            }
            int length = in.readInt(position);
            int crc = in.readInt(position + 4);
            boolean headerChecked = layout == Layout.CURRENT;
            if (headerChecked && in.readInt(position + 8) != JournalFile.headerCheck(length, crc)) {
                return in.zeroesToEnd(position) ? zeroes(position)
                        : damaged(position, "entry " + (entries + 1) + " has a header that fails its check", -1);
            }
            if (length < 1) {
                return !headerChecked && in.zeroesToEnd(position) ? zeroes(position)
                        : damaged(position, "entry " + (entries + 1) + " claims a length of " + length + " bytes", -1);
            }
            long next = position + header + length;
            if (next > size) {
                byte[] partial = in.read(position + header, (int) (size - position - header));
                return torn(position, JournalEntry.guess(partial).orElse("an entry") + ", " + partial.length + " of its "
                        + length + " bytes written");
            }
            byte[] body = in.read(position + header, length);
            if (JournalFile.crc(body, 0, length) != crc) {
                return damaged(position, "entry " + (entries + 1) + " fails its checksum (it looks like "
                        + JournalEntry.guess(body).orElse("no known entry") + ")", next);
            }
            JournalEntry entry;
            try {
                entry = JournalEntry.decode(body);
            } catch (ProtocolException e) {
                return damaged(position, "entry " + (entries + 1) + " is intact but cannot be read ("
                        + unreadable(e) + ")", next);
            }
            try {
                replay.apply(entry, JournalFile.ENTRY_HEADER + length, layout == Layout.LEGACY);
            } catch (ImpossibleEntryException e) {
                return damaged(position, "entry " + (entries + 1) + " is intact but impossible: " + e.getMessage(), next);
            }
            entries++;
            nextPosition = next;
            return null;
        }

        private String unreadable(ProtocolException e) {
            String message = e.getMessage();
            return message.startsWith("unknown journal entry kind tag ")
                    ? "unknown entry kind " + message.substring("unknown journal entry kind tag ".length()).split(" ")[0]
                    + ", written by a newer fluviokit?"
                    : message;
        }

        private Scan torn(long position, String what) {
            return new Scan(layout, size, position, "cut a torn last entry off " + file + ": " + (size - position)
                    + " bytes at byte " + position + " (" + what + "); it was being written when the broker stopped"
                    + " and was never acknowledged", null, null);
        }

        private Scan zeroes(long position) {
            return new Scan(layout, size, position, "cut " + (size - position) + " zero bytes off the end of " + file
                    + " at byte " + position + ": the file system had grown the file for a write that never reached"
                    + " the disk", null, null);
        }

        /**
         * Damage at {@code position}; {@code next} is where the entry there would end if its length can
         * be trusted (its header passed its check), else -1.
         */
        private Scan damaged(long position, String what, long next) throws IOException {
            Dropped dropped = new Dropped();
            long after = summarizeFrom(position, next, dropped);
            String damage = file + " is damaged at byte " + position + " of " + size + ": " + what + "; "
                    + (size - position) + " bytes from there on" + (after > 0 ? ", " + after + " intact entries among them" : "");
            return new Scan(layout, size, position, null, damage, dropped.toString());
        }

        /** Reads what follows the damage for the report of what a repair drops; returns how many intact entries there are. */
        private long summarizeFrom(long position, long next, Dropped dropped) throws IOException {
            long intact = 0;
            long budget = SCAN_BUDGET;
            if (next > 0) {
                // The damaged entry itself: a checksum failure may still hold a readable entry.
                byte[] body = in.read(position + header, (int) (next - position - header));
                try {
                    dropped.add(JournalEntry.decode(body), true);
                } catch (ProtocolException e) {
                    dropped.undecodable(next - position, JournalEntry.guess(body).orElse("no known entry"));
                }
            }
            long at = next > 0 ? next : position + 1;
            long unreadableFrom = next > 0 ? -1 : position;
            while (at < size) {
                // Every position tried and every body checksummed costs budget: a large foreign file ends the scan early.
                budget--;
                int length = entryLengthAt(at);
                if (length > 0 && budget > 0) {
                    budget -= length;
                    byte[] body = in.read(at + header, length);
                    try {
                        JournalEntry entry = JournalEntry.decode(body);
                        if (unreadableFrom >= 0) {
                            dropped.unreadable(at - unreadableFrom);
                            unreadableFrom = -1;
                        }
                        dropped.add(entry, false);
                        intact++;
                        at += header + length;
                        continue;
                    } catch (ProtocolException e) {
                        // intact framing, unreadable body: counted with the bytes around it
                    }
                }
                if (budget <= 0) {
                    dropped.unexamined(size - at);
                    return intact;
                }
                if (unreadableFrom < 0) {
                    unreadableFrom = at;
                }
                at++;
            }
            if (unreadableFrom >= 0) {
                dropped.unreadable(size - unreadableFrom);
            }
            return intact;
        }

        /** The body length of an entry that passes every check at {@code at}, or 0. */
        private int entryLengthAt(long at) throws IOException {
            if (size - at < header) {
                return 0;
            }
            int length = in.readInt(at);
            int crc = in.readInt(at + 4);
            if (length < 1 || at + header + length > size) {
                return 0;
            }
            if (layout == Layout.CURRENT && in.readInt(at + 8) != JournalFile.headerCheck(length, crc)) {
                return 0;
            }
            return JournalFile.crc(in.read(at + header, length), 0, length) == crc ? length : 0;
        }

        private boolean legacyEntryAt(long at) throws IOException {
            if (size - at < JournalFile.LEGACY_ENTRY_HEADER) {
                return false;
            }
            int length = in.readInt(at);
            if (length < 1 || at + JournalFile.LEGACY_ENTRY_HEADER + length > size) {
                return false;
            }
            byte[] body = in.read(at + JournalFile.LEGACY_ENTRY_HEADER, length);
            return JournalFile.crc(body, 0, length) == in.readInt(at + 4);
        }

        private static boolean startsWith(byte[] bytes, byte[] prefix) {
            return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
        }
    }

    /** What a repair drops, summed up per partition and consumer for one line. */
    private static final class Dropped {
        private final Map<String, long[]> records = new LinkedHashMap<>();
        private final Map<String, Long> offsets = new LinkedHashMap<>();
        private final List<String> other = new ArrayList<>();
        private String damagedEntry;
        private long unreadable;
        private long unexamined;

        void add(JournalEntry entry, boolean damaged) {
            if (damaged) {
                damagedEntry = entry.describe();
            }
            if (entry instanceof JournalEntry.Batch batch) {
                if (!batch.records().isEmpty()) {
                    long[] range = records.computeIfAbsent(batch.replica().toString(),
                            key -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 0});
                    range[0] = Math.min(range[0], batch.baseOffset());
                    range[1] = Math.max(range[1], batch.baseOffset() + batch.records().size() - 1);
                    range[2] += batch.records().size();
                }
            } else if (entry instanceof JournalEntry.OffsetStored stored) {
                offsets.put(stored.consumerId() + " on " + stored.replica(), stored.offset());
            } else {
                other.add(entry.describe());
            }
        }

        void unreadable(long bytes) {
            unreadable += bytes;
        }

        void undecodable(long bytes, String looksLike) {
            damagedEntry = looksLike + ", " + bytes + " bytes that cannot be read";
        }

        void unexamined(long bytes) {
            unexamined += bytes;
        }

        @Override
        public String toString() {
            List<String> parts = new ArrayList<>();
            records.forEach((partition, range) -> parts.add("records " + range[0] + "–" + range[1] + " of " + partition
                    + " (" + range[2] + " records)"));
            if (!offsets.isEmpty()) {
                List<String> stored = new ArrayList<>();
                offsets.forEach((key, offset) -> stored.add(key + " at " + offset));
                parts.add("consumer offsets " + String.join(", ", stored));
            }
            if (!other.isEmpty()) {
                parts.add(other.size() <= 5 ? String.join(", ", other) : other.size() + " other entries (topics, evictions,"
                        + " offset deletions)");
            }
            if (damagedEntry != null) {
                parts.add("(the damaged entry looked like " + damagedEntry + ")");
            }
            if (unreadable > 0) {
                parts.add(unreadable + " bytes that are not entries");
            }
            if (unexamined > 0) {
                parts.add(unexamined + " bytes not examined");
            }
            return parts.isEmpty() ? "nothing but the damaged bytes" : String.join("; ", parts);
        }
    }
}
