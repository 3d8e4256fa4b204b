package org.fluviokit.testkit;

import java.util.Objects;

import org.fluviokit.client.Fluvio;
import org.fluviokit.client.FluvioTarget;
import org.fluviokit.client.spi.Transport;
import org.fluviokit.fake.FakeBroker;

/**
 * A {@link FakeBroker} in this JVM as a target, reached by method calls; its virtual clock drives
 * the client's timers.
 *
 * <pre>{@code
 * try (FakeBroker broker = FakeBroker.create(); Fluvio fluvio = Fluvio.connect(FakeTarget.of(broker))) {
 *     fluvio.admin().createTopic("orders", 2);
 * }
 * }</pre>
 */
public final class FakeTarget extends FluvioTarget {

    private final FakeBroker broker;

    private FakeTarget(FakeBroker broker) {
        this.broker = Objects.requireNonNull(broker, "broker");
    }

    /** The broker as a target; closing the clients of it leaves the broker running. */
    public static FakeTarget of(FakeBroker broker) {
        return new FakeTarget(broker);
    }

    /** The broker this target reaches. */
    public FakeBroker broker() {
        return broker;
    }

    @Override
    protected Transport openTransport() {
        return new FakeTransport(broker);
    }

    @Override
    public boolean canRestart() {
        return true;
    }

    @Override
    public void restart() {
        broker.restart();
    }

    @Override
    public String describe() {
        return "fake broker";
    }

    /** A client of {@code broker}: {@code Fluvio.connect(FakeTarget.of(broker))}. */
    public static Fluvio connect(FakeBroker broker) {
        return Fluvio.connect(of(broker));
    }
}
