package org.fluviokit.junit;

import java.time.Duration;
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
    private final Resources resources = new Resources();
    private WireServer server;
    private ProfileFile profile;

    FakeCluster(FakeBroker broker) {
        this.broker = resources.add(broker);
        this.fluvio = resources.add(FakeTarget.connect(broker));
    }

    @Override
    public Fluvio fluvio() {
        return fluvio;
    }

    @Override
    public Fluvio newClient() {
        return resources.add(FakeTarget.connect(broker));
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
            server = resources.add(WireServer.start(broker));
        }
        return server.scEndpoint();
    }

    @Override
    public synchronized java.nio.file.Path profile() {
        if (profile == null) {
            profile = resources.add(ProfileFile.pointingAt(endpoint()));
        }
        return profile.path();
    }

    @Override
    public String describe() {
        return "fake broker";
    }

    @Override
    public void close() {
        resources.closeAll();
    }
}
