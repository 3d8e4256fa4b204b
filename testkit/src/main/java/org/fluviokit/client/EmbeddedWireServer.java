package org.fluviokit.client;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

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

    static synchronized WireServer server() {
        if (server == null) {
            FakeBroker broker = FakeBroker.builder().clock(Clock.systemUTC()).build();
            server = WireServer.start(broker);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "fluviokit-embedded-wire-server"));
        }
        return server;
    }

    /**
     * Restarts the broker (K4: it drops every connection) and returns once every client of it in
     * this JVM has seen its connections close: a real cluster is down for a while, so its clients
     * always notice before they talk to it again.
     */
    static void restart() {
        WireServer running = server();
        List<WireSocket> clients = WireSocket.openTo(running.host(), running.ports());
        running.broker().restart();
        WireSocket.awaitClosed(clients, Duration.ofSeconds(10));
    }
}
