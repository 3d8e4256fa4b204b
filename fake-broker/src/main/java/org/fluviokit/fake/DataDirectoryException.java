package org.fluviokit.fake;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A broker's data directory cannot be used: it is a file, it cannot be created or written, or
 * another broker (in this process or another) is using it. The message is one line that names the
 * directory and says why. Nothing in the directory was changed.
 */
public class DataDirectoryException extends RuntimeException {

    private final Path directory;
    private final boolean inUse;

    public DataDirectoryException(Path directory, boolean inUse, String message, Throwable cause) {
        super(message, cause);
        this.directory = Objects.requireNonNull(directory, "directory");
        this.inUse = inUse;
    }

    /** The data directory, as it was given. */
    public Path directory() {
        return directory;
    }

    /** Whether another running broker holds the directory (rather than the directory being unusable). */
    public boolean inUseByAnotherBroker() {
        return inUse;
    }
}
