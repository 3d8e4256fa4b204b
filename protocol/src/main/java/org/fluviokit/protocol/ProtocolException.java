package org.fluviokit.protocol;

/**
 * Bytes that are not a valid Fluvio message: truncated input, a length or count larger than the
 * bytes that follow, an invalid bool, invalid UTF-8, an unknown enum or error-code tag, and so on.
 *
 * <p>Every decoding failure in this module is a {@code ProtocolException} (never an
 * {@code IndexOutOfBoundsException} or {@code OutOfMemoryError}), so a server can answer a
 * malformed request the way Fluvio's servers do, by closing the connection (spec §6.1).
 */
public class ProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int position;

    /** A failure that is not tied to a byte position (for example in a whole frame). */
    public ProtocolException(String message) {
        this(message, -1, null);
    }

    public ProtocolException(String message, Throwable cause) {
        this(message, -1, cause);
    }

    /**
     * @param message  what was being read and what was wrong
     * @param position byte position (within the decoded buffer) where the failing item starts,
     *                 or -1 when not applicable
     * @param cause    underlying failure, or null
     */
    public ProtocolException(String message, int position, Throwable cause) {
        super(message, cause);
        this.position = position;
    }

    /** Byte position where the failing item starts, or -1 when not applicable. */
    public int position() {
        return position;
    }
}
