package org.fluviokit.fake.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * An append-only file of everything the broker acknowledged: topics created and deleted, batches
 * appended, consumer offsets stored and deleted, records evicted (layout in {@link JournalFile}).
 * Each entry is handed to the operating system before the broker changes its memory and answers,
 * so killing the process (even with {@code kill -9}) loses nothing acknowledged, and a write that
 * fails leaves neither the file nor the memory changed. With {@code fsync} each entry is also
 * forced to the disk first, so an operating-system crash or a power loss loses nothing acknowledged
 * either. A broker started on the same directory replays the file ({@link JournalRecovery}, K4).
 *
 * <p>Entries that no longer matter (a deleted topic's, evicted batches, an overwritten consumer
 * offset) are garbage; {@link #rewrite} replaces the file with a snapshot of what is stored.
 */
final class Journal implements AutoCloseable {

    static final String FILE_NAME = JournalFile.NAME;
    static final String COMPACTING_SUFFIX = ".compacting";

    private final DataDirectory directory;
    private final Path file;
    private final boolean fsync;
    /** Bytes of the file that a rewrite would drop; the engine adds to it as entries become garbage. */
    private final AtomicLong garbage = new AtomicLong();
    private FileChannel channel;
    private volatile long size;
    /** Why writes are refused, once a failed write could not be undone; null while the journal is usable. */
    private String unusable;
    private InjectedFailure injected;
    private boolean undoFailsNext;

    Journal(DataDirectory directory, FileChannel channel, long size, boolean fsync) {
        this.directory = directory;
        this.file = directory.resolve(FILE_NAME);
        this.channel = channel;
        this.size = size;
        this.fsync = fsync;
    }

    Path file() {
        return file;
    }

    long size() {
        return size;
    }

    long garbage() {
        return garbage.get();
    }

    void addGarbage(long bytes) {
        garbage.addAndGet(bytes);
    }

    /**
     * Appends the entry, then returns the bytes it took.
     *
     * @throws JournalWriteException if it could not be written (the file is as it was before)
     */
    long append(JournalEntry entry) {
        // Encoded outside the lock: producers of different partitions only queue for the write itself.
        return append(JournalFile.frame(entry.encode()));
    }

    private synchronized long append(ByteBuffer framed) {
        if (unusable != null) {
            throw new JournalWriteException("the journal " + file + " takes no more writes: " + unusable);
        }
        long start = size;
        try {
            write(framed, start);
        } catch (IOException e) {
            undo(start, false, e);
        }
        if (fsync) {
            try {
                channel.force(false);
            } catch (IOException e) {
                undo(start, true, e);
            }
        }
        size = start + framed.limit();
        return framed.limit();
    }

    /**
     * Replaces the file with {@code snapshot}'s entries: written to {@value #COMPACTING_SUFFIX},
     * forced to disk, then renamed over the journal in one step. A crash before the rename leaves the
     * old journal whole (the next start deletes the unfinished copy); after it, the new one is whole.
     * The caller keeps every writer out while this runs.
     *
     * @throws JournalWriteException if the new file could not be written (the journal is unchanged)
     */
    synchronized void rewrite(Consumer<Consumer<JournalEntry>> snapshot) {
        if (unusable != null) {
            throw new JournalWriteException("the journal " + file + " takes no more writes: " + unusable);
        }
        Path temp = directory.resolve(FILE_NAME + COMPACTING_SUFFIX);
        long written;
        try {
            written = writeSnapshot(temp, snapshot);
        } catch (IOException | UncheckedIOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the next start deletes it
            }
            throw new JournalWriteException("cannot compact the journal " + file + ": " + e.getMessage()
                    + "; it is unchanged", e);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new JournalWriteException("cannot compact the journal " + file + ": " + e.getMessage()
                    + "; it is unchanged", e);
        }
        FileChannel old = channel;
        try {
            directory.sync();
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            unusable = "it was compacted but could not be opened again (" + e.getMessage() + ")";
            throw new JournalWriteException("the journal " + file + " " + unusable, e);
        } finally {
            closeQuietly(old);
        }
        size = written;
        garbage.set(0);
    }

    @Override
    public synchronized void close() {
        try {
            closeQuietly(channel);
        } finally {
            directory.close();
        }
    }

    /**
     * For tests of a failing disk: the next write puts only {@code bytesWritten} bytes of its entry
     * into the file, then fails with {@code error}; with {@code undoFails} the attempt to cut those
     * bytes off fails as well.
     */
    synchronized void failNextWrite(int bytesWritten, IOException error, boolean undoFails) {
        injected = new InjectedFailure(bytesWritten, error, undoFails);
    }

    private void write(ByteBuffer framed, long start) throws IOException {
        InjectedFailure failure = injected;
        injected = null;
        if (failure != null) {
            framed.limit(Math.min(framed.limit(), failure.bytesWritten()));
            writeFully(framed, start);
            undoFailsNext = failure.undoFails();
            throw failure.error();
        }
        writeFully(framed, start);
    }

    private void writeFully(ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }

    /** Cuts off what a failed write left, then reports the failure; if even that fails, the journal refuses all further writes. */
    private void undo(long start, boolean forcing, IOException cause) {
        String doing = forcing ? "forcing an entry to disk" : "writing an entry";
        try {
            if (undoFailsNext) {
                undoFailsNext = false;
                throw new IOException("injected: cutting failed too");
            }
            channel.truncate(start);
            if (forcing) {
                // After a failed fsync the page cache no longer says what is on the disk (Linux drops
                // the error with the pages), so nothing written from here on could be promised.
                unusable = doing + " failed (" + cause.getMessage() + ")";
            }
        } catch (IOException e) {
            unusable = doing + " failed (" + cause.getMessage() + ") and the partial entry could not be cut off ("
                    + e.getMessage() + "); restart the broker, which cuts it as a torn last entry";
        }
        throw new JournalWriteException("cannot write the broker journal " + file + ": " + doing + " failed: "
                + cause.getMessage(), cause);
    }

    private long writeSnapshot(Path temp, Consumer<Consumer<JournalEntry>> snapshot) throws IOException {
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            OutputStream stream = new BufferedOutputStream(Channels.newOutputStream(out), 1 << 20);
            long[] written = {JournalFile.MAGIC.length};
            stream.write(JournalFile.MAGIC);
            snapshot.accept(entry -> {
                ByteBuffer framed = JournalFile.frame(entry.encode());
                try {
                    stream.write(framed.array(), 0, framed.limit());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                written[0] += framed.limit();
            });
            stream.flush();
            // Always, whatever the fsync setting: the rename must never expose a file the disk does not hold yet.
            out.force(true);
            return written[0];
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // every write through it was already reported
        }
    }

    private record InjectedFailure(int bytesWritten, IOException error, boolean undoFails) {
    }
}
