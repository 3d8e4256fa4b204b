package org.fluviokit.junit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.fluviokit.client.Fluvio;
import org.fluviokit.client.FluvioTarget;
import org.fluviokit.fake.FakeBroker;
import org.opentest4j.TestAbortedException;

/** A cluster this JVM does not own: it can neither be restarted nor have its clock moved from here. */
final class RemoteCluster implements FluvioCluster {

    private final FluvioTarget target;
    private final Fluvio fluvio;
    private final List<AutoCloseable> opened = new ArrayList<>();

    RemoteCluster(FluvioTarget target) {
        this.target = target;
        this.fluvio = Fluvio.connect(target);
    }

    @Override
    public Fluvio fluvio() {
        return fluvio;
    }

    @Override
    public Fluvio newClient() {
        Fluvio client = Fluvio.connect(target);
        synchronized (opened) {
            opened.add(client);
        }
        return client;
    }

    /** A test that needs a restart cannot run here: it is skipped with the reason, never passed. */
    @Override
    public void restart() {
        throw new TestAbortedException("needs a restart: " + describe() + " cannot be restarted from a test");
    }

    /** A test that needs virtual time cannot run here: it is skipped with the reason, never passed. */
    @Override
    public void advanceClock(Duration duration) {
        throw new TestAbortedException("needs virtual time: " + describe() + " runs in real time");
    }

    @Override
    public Optional<FakeBroker> fakeBroker() {
        return Optional.empty();
    }

    @Override
    public boolean hasVirtualClock() {
        return false;
    }

    @Override
    public boolean canRestart() {
        return false;
    }

    @Override
    public String describe() {
        return target.describe();
    }

    @Override
    public void close() {
        List<AutoCloseable> toClose;
        synchronized (opened) {
            toClose = new ArrayList<>(opened);
            opened.clear();
        }
        Collections.reverse(toClose);
        for (AutoCloseable resource : toClose) {
            try {
                resource.close();
            } catch (Exception ignored) {
                // closing clients of a remote cluster cannot fail the test
            }
        }
        fluvio.close();
    }
}
