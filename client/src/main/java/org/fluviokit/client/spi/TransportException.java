package org.fluviokit.client.spi;

import org.fluviokit.client.FluvioException;
import org.fluviokit.protocol.CodedError;

/** The connection to the cluster failed (no error code: an I/O error, as Fluvio's client reports it). */
public class TransportException extends FluvioException {
    public TransportException(String message) {
        super(CodedError.other(message), message);
    }

    public TransportException(String message, Throwable cause) {
        super(CodedError.other(message), message, cause);
    }
}
