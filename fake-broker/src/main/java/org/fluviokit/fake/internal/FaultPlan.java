package org.fluviokit.fake.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongUnaryOperator;

import org.fluviokit.fake.BrokerApi;
import org.fluviokit.fake.BrokerException;
import org.fluviokit.protocol.CodedError;

/**
 * The errors queued for the broker to answer instead of serving requests, and any offset rewrite:
 * what {@link org.fluviokit.fake.BrokerFaults} sets and the engine checks. Thread-safe.
 */
public final class FaultPlan {

    private final Map<BrokerApi, Deque<Fault>> queued = new EnumMap<>(BrokerApi.class);
    private volatile boolean armed;
    private volatile LongUnaryOperator storedOffsetRewrite = LongUnaryOperator.identity();

    public FaultPlan() {
    }

    /** The next {@code times} requests of kind {@code api} fail with {@code error}. */
    public synchronized void failNext(BrokerApi api, int times, CodedError error) {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(error, "error");
        if (error.isOk()) {
            throw new IllegalArgumentException("a fault needs an error code other than NONE");
        }
        queue(api, times, new Fault(error));
    }

    /**
     * The next {@code times} requests of kind {@code api} are never answered: the connection they
     * came on closes instead, and the request has no effect (an SPU or SC that died while serving it).
     */
    public synchronized void dropConnectionOnNext(BrokerApi api, int times) {
        Objects.requireNonNull(api, "api");
        queue(api, times, Fault.DROP);
    }

    private void queue(BrokerApi api, int times, Fault fault) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, was " + times);
        }
        Deque<Fault> faults = queued.computeIfAbsent(api, k -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            faults.add(fault);
        }
        armed = true;
    }

    /** How many injected faults are still waiting for a request of kind {@code api}. */
    public synchronized int pending(BrokerApi api) {
        Deque<Fault> faults = queued.get(api);
        return faults == null ? 0 : faults.size();
    }

    /**
     * Makes the broker store {@code rewrite(offset)} whenever a client flushes {@code offset}: a
     * deliberately wrong broker (e.g. {@code offset -> offset + 1} stores the next offset instead
     * of the last), to check that a test harness notices (mutation testing).
     */
    public void rewriteStoredOffsets(LongUnaryOperator rewrite) {
        this.storedOffsetRewrite = Objects.requireNonNull(rewrite, "rewrite");
    }

    /** Forgets every error not yet used and any offset rewrite. */
    public synchronized void clear() {
        queued.clear();
        armed = false;
        storedOffsetRewrite = LongUnaryOperator.identity();
    }

    /** The offset to store when a client flushes {@code flushed}. */
    public long storedOffset(long flushed) {
        return storedOffsetRewrite.applyAsLong(flushed);
    }

    /**
     * Throws the next queued fault for {@code api}, if there is one: a {@link BrokerException} for an
     * error, a {@link ConnectionDroppedException} for a connection to drop.
     */
    public void check(BrokerApi api) {
        if (!armed) {
            return;
        }
        Fault fault;
        synchronized (this) {
            Deque<Fault> faults = queued.get(api);
            fault = faults == null ? null : faults.poll();
            armed = queued.values().stream().anyMatch(q -> !q.isEmpty());
        }
        if (fault == Fault.DROP) {
            throw new ConnectionDroppedException(api);
        }
        if (fault != null) {
            throw new BrokerException(fault.error());
        }
    }

    /** A queued fault: an error to answer instead of serving the request, or {@link #DROP}. */
    private record Fault(CodedError error) {
        /** The connection is closed instead of answering. */
        static final Fault DROP = new Fault(null);
    }
}
