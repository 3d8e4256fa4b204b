package org.fluviokit.junit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.fluviokit.client.Fluvio;
import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.VirtualClock;
import org.fluviokit.fake.wire.WireServer;
import org.fluviokit.testkit.FakeTarget;

/** A fake broker and the clients opened on it; closing it closes them in reverse order, then the broker. */
final class FakeCluster implements FluvioCluster {
    private final FakeBroker broker;
    private final Fluvio fluvio;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private WireServer server;
    private ProfileFile profile;

    FakeCluster(FakeBroker broker) {
        this.broker = broker;
        this.fluvio = FakeTarget.connect(broker);
    }

    @Override
    public Fluvio fluvio() {
        return fluvio;
    }

    @Override
    public Fluvio newClient() {
        Fluvio client = FakeTarget.connect(broker);
        synchronized (opened) {
            opened.add(client);
        }
        return client;
    }

    @Override
    public void restart() {
        broker.restart();
    }

    @Override
    public void advanceClock(Duration duration) {
        broker.advanceClock(duration);
    }

    @Override
    public Optional<FakeBroker> fakeBroker() {
        return Optional.of(broker);
    }

    @Override
    public boolean hasVirtualClock() {
        return broker.clock() instanceof VirtualClock;
    }

    @Override
    public boolean canRestart() {
        return true;
    }

    @Override
    public synchronized String endpoint() {
        if (server == null) {
            server = WireServer.start(broker);
        }
        return server.scEndpoint();
    }

    @Override
    public synchronized java.nio.file.Path profile() {
        if (profile == null) {
            profile = ProfileFile.pointingAt(endpoint());
        }
        return profile.path();
    }

    @Override
    public String describe() {
        return "fake broker";
    }

    @Override
    public void close() {
        List<AutoCloseable> toClose;
        synchronized (opened) {
            toClose = new ArrayList<>(opened);
            opened.clear();
        }
        Collections.reverse(toClose);
        toClose.add(fluvio);
        synchronized (this) {
            if (profile != null) {
                toClose.add(profile);
            }
            if (server != null) {
                toClose.add(server);
            }
        }
        toClose.add(broker);
        Closing.all(toClose);
    }
}
