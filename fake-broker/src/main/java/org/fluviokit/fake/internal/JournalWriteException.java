package org.fluviokit.fake.internal;

/** A journal write that failed: nothing of it is in the file or in the broker's memory. */
final class JournalWriteException extends RuntimeException {

    JournalWriteException(String message) {
        super(message);
    }

    JournalWriteException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether the disk was full (ENOSPC), which Fluvio's SPU answers with PartitionFull rather than
     * StorageError. Java reports it only in the message, the operating system's text.
     */
    boolean diskFull() {
        for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("No space left on device")) {
                return true;
            }
        }
        return false;
    }
}
