package org.fluviokit.client.spi;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The clock the client reads and the scheduler it runs periodic work on (the auto strategy's
 * 100 ms flush check, C3). Real for a cluster; a fake broker on a virtual clock supplies a virtual
 * one, whose work runs when the test advances the clock.
 */
public interface TimeSource extends AutoCloseable {

    long currentTimeMillis();

    /** Runs {@code task} every {@code period}; the returned action cancels it. */
    Runnable scheduleAtFixedRate(Duration period, Runnable task);

    /** Waits before a reconnect attempt (a no-op in virtual time, where nothing can change by waiting). */
    void backoff(Duration duration) throws InterruptedException;

    @Override
    void close();

    /** Wall-clock time and a daemon scheduler thread of its own, stopped by {@link #close()}. */
    static TimeSource real(Clock clock) {
        return new Real(clock);
    }

    /** Wall-clock time and a daemon scheduler thread. */
    final class Real implements TimeSource {
        private final Clock clock;
        private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "fluviokit-offset-flusher");
            thread.setDaemon(true);
            return thread;
        });

        private Real(Clock clock) {
            this.clock = clock;
        }

        @Override
        public long currentTimeMillis() {
            return clock.millis();
        }

        @Override
        public Runnable scheduleAtFixedRate(Duration period, Runnable task) {
            long nanos = period.toNanos();
            ScheduledFuture<?> future = scheduler.scheduleAtFixedRate(task, nanos, nanos, TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        }

        @Override
        public void backoff(Duration duration) throws InterruptedException {
            TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        }

        @Override
        public void close() {
            scheduler.shutdownNow();
        }
    }
}
