package org.fluviokit.client;

import java.util.Objects;

import org.fluviokit.fake.FakeBroker;

/**
 * Where a {@link Fluvio} client connects: a {@link FakeBroker} in the same JVM, or (in a later
 * release) a real cluster. The client behaves the same on every target; only the transport differs.
 */
public abstract class FluvioTarget {

    FluvioTarget() {
    }

    /** A fake broker in this JVM, reached by method calls; its virtual clock drives the client's timers. */
    public static FluvioTarget fake(FakeBroker broker) {
        return new Fake(broker);
    }

    abstract Transport openTransport();

    /** A short description, e.g. {@code fake broker}. */
    public abstract String describe();

    @Override
    public String toString() {
        return describe();
    }

    static final class Fake extends FluvioTarget {
        private final FakeBroker broker;

        Fake(FakeBroker broker) {
            this.broker = Objects.requireNonNull(broker, "broker");
        }

        FakeBroker broker() {
            return broker;
        }

        @Override
        Transport openTransport() {
            return new FakeTransport(broker);
        }

        @Override
        public String describe() {
            return "fake broker";
        }
    }
}
