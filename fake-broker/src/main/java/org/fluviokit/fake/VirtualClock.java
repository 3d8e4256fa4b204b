package org.fluviokit.fake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A clock that only moves when a test moves it, and runs the tasks scheduled on it as it passes
 * their due time.
 *
 * <p>The fake broker stamps consumer offsets with this clock, and clients of the fake schedule
 * their periodic work on it (the auto strategy's 100 ms flush check, spec C3). Advancing the clock
 * by two seconds therefore runs twenty flush checks, in order, on the calling thread, and returns
 * once they are done: a test of flush timing takes microseconds and has no real sleep.
 *
 * <p>Thread-safe. Advances are serialised: one thread's {@link #advance} runs all due tasks before
 * another thread's advance starts. A task must not advance the clock itself.
 */
public final class VirtualClock extends Clock {

    private final ReentrantLock advancing = new ReentrantLock();
    private final Object state = new Object();
    private final PriorityQueue<ScheduledTask> queue = new PriorityQueue<>();
    private long nowNanos;
    private long sequence;
    private Thread advancingThread;

    private VirtualClock(Instant start) {
        this.nowNanos = toNanos(start);
    }

    /** A clock that starts at the given instant. */
    public static VirtualClock startingAt(Instant start) {
        return new VirtualClock(Objects.requireNonNull(start, "start"));
    }

    /**
     * A clock that starts at the current wall-clock time (to the millisecond), so that offset
     * timestamps look like real ones to tools that compare them with their own clock
     * (e.g. {@code fluvio consumer list}'s LAST SEEN column, spec H3).
     */
    public static VirtualClock startingNow() {
        return startingAt(Instant.ofEpochMilli(System.currentTimeMillis()));
    }

    @Override
    public Instant instant() {
        synchronized (state) {
            return Instant.ofEpochSecond(0, nowNanos);
        }
    }

    @Override
    public long millis() {
        synchronized (state) {
            return Math.floorDiv(nowNanos, 1_000_000L);
        }
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** Zones do not matter to Fluvio (it counts seconds since the epoch), so this clock has one: UTC. */
    @Override
    public Clock withZone(ZoneId zone) {
        if (ZoneOffset.UTC.equals(zone)) {
            return this;
        }
        throw new UnsupportedOperationException("a VirtualClock is always UTC");
    }

    /**
     * Moves the clock forward, running every task that falls due on the way at its due time.
     *
     * @throws IllegalArgumentException if {@code duration} is negative
     * @throws IllegalStateException    if called from inside a scheduled task
     */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a clock cannot go back: " + duration);
        }
        if (advancingThread == Thread.currentThread()) {
            throw new IllegalStateException("a scheduled task must not advance the clock");
        }
        advancing.lock();
        try {
            advancingThread = Thread.currentThread();
            long target;
            synchronized (state) {
                target = Math.addExact(nowNanos, duration.toNanos());
            }
            while (true) {
                ScheduledTask next;
                synchronized (state) {
                    next = queue.peek();
                    if (next == null || next.dueNanos() > target) {
                        nowNanos = target;
                        return;
                    }
                    queue.poll();
                    nowNanos = Math.max(nowNanos, next.dueNanos());
                }
                if (!next.job.cancelled) {
                    next.job.action.run();
                    reschedule(next);
                }
            }
        } finally {
            advancingThread = null;
            advancing.unlock();
        }
    }

    /** Runs {@code action} once, {@code delay} from now (in virtual time). */
    public Cancellable schedule(Duration delay, Runnable action) {
        return enqueue(delay, Duration.ZERO, action);
    }

    /** Runs {@code action} every {@code period}, the first time {@code period} from now. */
    public Cancellable scheduleAtFixedRate(Duration period, Runnable action) {
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
        return enqueue(period, period, action);
    }

    /** How many scheduled tasks are waiting; useful to check that clients clean up after themselves. */
    public int pendingTasks() {
        synchronized (state) {
            return (int) queue.stream().filter(t -> !t.job.cancelled).count();
        }
    }

    private Cancellable enqueue(Duration delay, Duration period, Runnable action) {
        Objects.requireNonNull(action, "action");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        Job job = new Job(action, period.toNanos());
        synchronized (state) {
            queue.add(new ScheduledTask(Math.addExact(nowNanos, delay.toNanos()), sequence++, job));
        }
        return job;
    }

    private void reschedule(ScheduledTask task) {
        if (task.job.periodNanos == 0 || task.job.cancelled) {
            return;
        }
        synchronized (state) {
            queue.add(new ScheduledTask(task.dueNanos + task.job.periodNanos, sequence++, task.job));
        }
    }

    private static long toNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    @Override
    public String toString() {
        return "VirtualClock[" + instant() + "]";
    }

    /** A handle to stop a scheduled task. */
    public interface Cancellable {
        void cancel();
    }

    /** What to run and how often; the handle callers cancel. */
    private static final class Job implements Cancellable {
        final Runnable action;
        final long periodNanos;
        volatile boolean cancelled;

        Job(Runnable action, long periodNanos) {
            this.action = action;
            this.periodNanos = periodNanos;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    /** One due run of a job; ties run in the order they were scheduled. */
    private record ScheduledTask(long dueNanos, long order, Job job) implements Comparable<ScheduledTask> {
        @Override
        public int compareTo(ScheduledTask other) {
            int byTime = Long.compare(dueNanos, other.dueNanos);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }
}
