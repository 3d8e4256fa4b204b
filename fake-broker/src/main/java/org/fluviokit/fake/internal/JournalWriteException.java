package org.fluviokit.fake.internal;

/** A journal write that failed: nothing of it is in the file or in the broker's memory. */
final class JournalWriteException extends RuntimeException {

    JournalWriteException(String message) {
        super(message);
    }

    JournalWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
