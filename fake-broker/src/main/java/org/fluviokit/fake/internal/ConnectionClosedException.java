package org.fluviokit.fake.internal;

/**
 * The connection a request was sent on is gone: the broker restarted or dropped it (as a TCP
 * connection to a real SPU breaks when the SPU goes away). Fluvio has no error code for this;
 * clients see an I/O error and reconnect (spec M1).
 */
public class ConnectionClosedException extends RuntimeException {
    public ConnectionClosedException(String message) {
        super(message);
    }
}
