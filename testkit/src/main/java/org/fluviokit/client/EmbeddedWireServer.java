package org.fluviokit.client;

import java.time.Clock;

import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.wire.WireServer;

/**
 * The fake broker behind its wire server, started once per JVM on loopback ports the OS chooses,
 * for {@code FluvioTarget.cluster("embedded")}. It runs on the system clock, as a real cluster does,
 * and stops with the JVM.
 */
final class EmbeddedWireServer {

    private static WireServer server;

    private EmbeddedWireServer() {
    }

    static synchronized String endpoint() {
        if (server == null) {
            FakeBroker broker = FakeBroker.builder().clock(Clock.systemUTC()).build();
            server = WireServer.start(broker);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "fluviokit-embedded-wire-server"));
        }
        return server.scEndpoint();
    }
}
