package org.fluviokit.client;

import java.util.Objects;

import org.fluviokit.protocol.CodedError;
import org.fluviokit.protocol.ErrorCode;

/**
 * An error from Fluvio, with the error code and the text Fluvio's own client shows, so that a test
 * on the fake fails the same way it would on a cluster.
 *
 * <p>Errors the cluster answered carry its code. Errors Fluvio's client raises itself carry the
 * closest code: {@code Topic not found: T} carries {@link ErrorCode#TOPIC_NOT_FOUND},
 * {@code Partition not found: T-5} {@link ErrorCode#NOT_LEADER_FOR_PARTITION}, a negative offset
 * {@link ErrorCode#OFFSET_OUT_OF_RANGE}, an oversized record {@link ErrorCode#MESSAGE_TOO_LARGE},
 * and configuration and connection errors {@link ErrorCode#OTHER}.
 */
public class FluvioException extends RuntimeException {

    private final CodedError error;

    /** An error with a code that carries no fields; {@link ErrorCode#OTHER} carries the message itself. */
    public FluvioException(ErrorCode code, String message) {
        this(code == ErrorCode.OTHER ? CodedError.other(message) : CodedError.of(code), message, null);
    }

    public FluvioException(CodedError error, String message) {
        this(error, message, null);
    }

    public FluvioException(CodedError error, String message, Throwable cause) {
        super(message, cause);
        this.error = Objects.requireNonNull(error, "error");
    }

    /** The error code. */
    public ErrorCode errorCode() {
        return error.code();
    }

    /** The error code with the fields it carries (e.g. the next available offset of OffsetEvicted). */
    public CodedError error() {
        return error;
    }
}
