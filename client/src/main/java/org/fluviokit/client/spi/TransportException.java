package org.fluviokit.client.spi;

import org.fluviokit.client.FluvioException;
import org.fluviokit.protocol.CodedError;

/** The connection to the cluster failed (no error code: an I/O error, as Fluvio's client reports it). */
public class TransportException extends FluvioException {

    /**
     * What Fluvio's socket says to a request on a connection it already saw end
     * ({@code SocketError::SocketStale}): a stream's flush after the cluster went away.
     */
    public static final String STALE = "Socket is stale";

    /** What Fluvio's socket says to a request whose connection ended while it waited for the answer. */
    public static final String CLOSED_WHILE_WAITING = "Socket io connection is closed";

    public TransportException(String message) {
        super(CodedError.other(message), message);
    }

    public TransportException(String message, Throwable cause) {
        super(CodedError.other(message), message, cause);
    }
}
