package org.fluviokit.fake;

import org.fluviokit.protocol.CodedError;
import org.fluviokit.protocol.ErrorCode;

/**
 * A request the broker refused, with the Fluvio error code a real SC or SPU answers in that case.
 * The message is the text Fluvio's client shows for the code, or the SC's own message when the SC
 * sends one (e.g. {@code Topic 'hello' already exists}).
 */
public class BrokerException extends RuntimeException {

    private final CodedError error;

    public BrokerException(CodedError error) {
        this(error, error.message());
    }

    public BrokerException(CodedError error, String serverMessage) {
        super(serverMessage);
        this.error = error;
    }

    public static BrokerException of(ErrorCode code, Object... fields) {
        return new BrokerException(CodedError.of(code, fields));
    }

    /** The error code and its fields, as they travel on the wire. */
    public CodedError error() {
        return error;
    }

    public ErrorCode code() {
        return error.code();
    }
}
