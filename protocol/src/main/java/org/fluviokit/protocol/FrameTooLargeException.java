package org.fluviokit.protocol;

/**
 * A frame whose length prefix is negative or larger than the reader's configured maximum.
 * Raised before any of the frame's body is read or allocated.
 */
public final class FrameTooLargeException extends ProtocolException {

    private static final long serialVersionUID = 1L;

    private final long frameLength;
    private final int maxFrameSize;

    public FrameTooLargeException(long frameLength, int maxFrameSize) {
        super(frameLength < 0
                ? "negative frame length " + frameLength
                : "frame length " + frameLength + " exceeds the maximum frame size " + maxFrameSize);
        this.frameLength = frameLength;
        this.maxFrameSize = maxFrameSize;
    }

    /** The length announced by the frame's i32 prefix. */
    public long frameLength() {
        return frameLength;
    }

    /** The maximum the reader was configured with. */
    public int maxFrameSize() {
        return maxFrameSize;
    }
}
