package org.fluviokit.testkit;

import java.time.Duration;

import org.fluviokit.client.spi.TimeSource;
import org.fluviokit.fake.VirtualClock;

/** Time that moves when the test moves it: the client's periodic work runs as the fake's virtual clock advances. */
final class VirtualTimeSource implements TimeSource {
    private final VirtualClock clock;

    VirtualTimeSource(VirtualClock clock) {
        this.clock = clock;
    }

    @Override
    public long currentTimeMillis() {
        return clock.millis();
    }

    @Override
    public Runnable scheduleAtFixedRate(Duration period, Runnable task) {
        return clock.scheduleAtFixedRate(period, task)::cancel;
    }

    @Override
    public void backoff(Duration duration) {
        // Nothing in an in-process broker changes while a client waits; reconnect at once.
    }

    @Override
    public void close() {
    }
}
