package org.fluviokit.protocol;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads frames (spec §1.1: i32 length, then that many bytes) from a stream.
 *
 * <p>Fluvio's codec enforces no maximum; this reader does, so that a hostile or corrupt length
 * cannot make it allocate: a negative length, or one above the configured maximum, is a
 * {@link FrameTooLargeException} raised before any of the body is read. The body itself is
 * read incrementally, so even an allowed length costs memory only as bytes actually arrive.
 *
 * <p>Not thread-safe; use one reader per connection.
 */
public final class FrameReader {

    /** Default maximum frame size: 64 MiB. */
    public static final int DEFAULT_MAX_FRAME_SIZE = 64 * 1024 * 1024;

    private final InputStream in;
    private final int maxFrameSize;

    public FrameReader(InputStream in) {
        this(in, DEFAULT_MAX_FRAME_SIZE);
    }

    public FrameReader(InputStream in, int maxFrameSize) {
        this.in = Objects.requireNonNull(in, "in");
        if (maxFrameSize < 0) {
            throw new IllegalArgumentException("negative maximum frame size " + maxFrameSize);
        }
        this.maxFrameSize = maxFrameSize;
    }

    public int maxFrameSize() {
        return maxFrameSize;
    }

    /**
     * The next frame's message bytes (without the length prefix), or empty when the stream ended
     * cleanly between frames (the peer closed the connection, §6.10).
     *
     * @throws FrameTooLargeException if the length is negative or above the maximum
     * @throws EOFException           if the stream ends inside a frame
     * @throws IOException            if reading fails
     */
    public Optional<byte[]> readFrame() throws IOException {
        byte[] prefix = in.readNBytes(4);
        if (prefix.length == 0) {
            return Optional.empty();
        }
        if (prefix.length < 4) {
            throw new EOFException("stream ended inside a frame length prefix after "
                    + prefix.length + " bytes");
        }
        int length = new WireReader(prefix).i32("frame length");
        if (length < 0 || length > maxFrameSize) {
            throw new FrameTooLargeException(length, maxFrameSize);
        }
        // readNBytes(int) buffers in chunks as data arrives rather than allocating `length` up front.
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new EOFException("stream ended inside a frame: expected " + length
                    + " bytes, got " + body.length);
        }
        return Optional.of(body);
    }
}
