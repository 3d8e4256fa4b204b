package org.fluviokit.fake.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.fluviokit.fake.DataDirectoryException;

/**
 * A broker's data directory, held for as long as the broker runs: a lock on {@value #LOCK_FILE}
 * keeps a second broker (in this JVM or another process) from replaying, compacting or appending to
 * the same journal. The operating system drops the lock when the process dies, even by
 * {@code kill -9}, so a crash never leaves the directory locked.
 */
final class DataDirectory implements AutoCloseable {

    static final String LOCK_FILE = "fluviokit.lock";

    /**
     * Directories brokers of this JVM hold. Checked before the lock file is even opened: on Linux,
     * closing any descriptor of a file drops every lock the process holds on it, so a second broker
     * of the same JVM must not open (and close) the lock file of the first.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path path;
    private final Path key;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path path, Path key, FileChannel lockChannel, FileLock lock) {
        this.path = path;
        this.key = key;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Creates the directory if needed and locks it.
     *
     * @throws DataDirectoryException if it is not a directory, cannot be created or written, or is in use
     */
    static DataDirectory lock(Path directory) {
        Path path = directory.toAbsolutePath();
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw unusable(directory, "it is not a directory", null);
        }
        try {
            Files.createDirectories(path);
        } catch (FileAlreadyExistsException e) {
            throw unusable(directory, "it is not a directory", e);
        } catch (AccessDeniedException e) {
            throw unusable(directory, "permission denied creating " + e.getFile(), e);
        } catch (FileSystemException e) {
            throw unusable(directory, "cannot create it: " + reason(e), e);
        } catch (IOException e) {
            throw unusable(directory, "cannot create it: " + e.getMessage(), e);
        }
        if (!Files.isWritable(path)) {
            throw unusable(directory, "it is not writable", null);
        }
        Path key;
        try {
            key = path.toRealPath();
        } catch (IOException e) {
            throw unusable(directory, "cannot resolve it: " + e.getMessage(), e);
        }
        if (!HELD.add(key)) {
            throw inUse(directory, "a broker in this process", null);
        }
        try {
            return lock(directory, path, key);
        } catch (RuntimeException e) {
            HELD.remove(key);
            throw e;
        }
    }

    private static DataDirectory lock(Path directory, Path path, Path key) {
        Path lockFile = path.resolve(LOCK_FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (AccessDeniedException e) {
            throw unusable(directory, "it is not writable (permission denied opening " + LOCK_FILE + ")", e);
        } catch (FileSystemException e) {
            throw unusable(directory, "cannot open " + LOCK_FILE + " in it: " + reason(e), e);
        } catch (IOException e) {
            throw unusable(directory, "cannot open " + LOCK_FILE + " in it: " + e.getMessage(), e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException e) {
            close(channel);
            throw unusable(directory, "cannot lock " + LOCK_FILE + " in it: " + e.getMessage(), e);
        }
        if (lock == null) {
            String holder = holder(channel);
            close(channel);
            throw inUse(directory, holder, null);
        }
        try {
            // Who holds it, for the message a second broker prints (the lock, not the text, is what excludes).
            byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(pid), 0);
        } catch (IOException e) {
            close(channel);
            throw unusable(directory, "cannot write " + LOCK_FILE + " in it: " + e.getMessage(), e);
        }
        return new DataDirectory(path, key, channel, lock);
    }

    Path path() {
        return path;
    }

    Path resolve(String name) {
        return path.resolve(name);
    }

    /**
     * Makes a rename in the directory durable: the new name survives a power loss only once the
     * directory itself is forced to disk (POSIX; other systems may refuse to open a directory).
     */
    void sync() throws IOException {
        try (FileChannel directory = FileChannel.open(path, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (AccessDeniedException | UnsupportedOperationException e) {
            // Windows cannot open a directory; its renames are durable by the file system's own journal.
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // the channel's close below releases it too
        }
        close(lockChannel);
        HELD.remove(key);
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer text = ByteBuffer.allocate(32);
            channel.read(text, 0);
            String pid = new String(text.array(), 0, text.position(), StandardCharsets.US_ASCII).trim();
            return pid.matches("\\d+") ? "the broker with process id " + pid : "another broker";
        } catch (IOException e) {
            return "another broker";
        }
    }

    private static String reason(FileSystemException e) {
        return e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
    }

    private static DataDirectoryException unusable(Path directory, String why, Throwable cause) {
        return new DataDirectoryException(directory, false,
                "cannot use " + directory + " as a data directory: " + why, cause);
    }

    private static DataDirectoryException inUse(Path directory, String holder, Throwable cause) {
        return new DataDirectoryException(directory, true, "cannot use " + directory + " as a data directory: "
                + holder + " is using it (it holds " + directory.resolve(LOCK_FILE)
                + "); stop that broker or choose another directory", cause);
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was written through it that could be lost
        }
    }
}
