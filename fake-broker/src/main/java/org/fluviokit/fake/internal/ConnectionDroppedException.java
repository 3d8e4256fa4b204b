package org.fluviokit.fake.internal;

import org.fluviokit.fake.BrokerApi;

/** An injected fault: the connection a request came on is dropped instead of the request being served. */
public final class ConnectionDroppedException extends ConnectionClosedException {
    public ConnectionDroppedException(BrokerApi api) {
        super("the connection was dropped instead of answering " + api + " (an injected fault)");
    }
}
