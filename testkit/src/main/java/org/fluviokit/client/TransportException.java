package org.fluviokit.client;

import org.fluviokit.protocol.CodedError;

/** The connection to the cluster failed (no error code: an I/O error, as Fluvio's client reports it). */
class TransportException extends FluvioException {
    TransportException(String message) {
        super(CodedError.other(message), message);
    }

    TransportException(String message, Throwable cause) {
        super(CodedError.other(message), message, cause);
    }
}
