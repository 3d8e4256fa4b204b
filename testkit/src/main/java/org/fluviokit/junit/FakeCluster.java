package org.fluviokit.junit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.fluviokit.client.Fluvio;
import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.VirtualClock;
import org.fluviokit.testkit.FakeTarget;

/** A fake broker and the clients opened on it; closing it closes them in reverse order, then the broker. */
final class FakeCluster implements FluvioCluster {
    private final FakeBroker broker;
    private final Fluvio fluvio;
    private final List<AutoCloseable> opened = new ArrayList<>();

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
        toClose.add(broker);
        Closing.all(toClose);
    }
}
