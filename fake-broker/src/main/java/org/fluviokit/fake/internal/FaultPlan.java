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

    private final Map<BrokerApi, Deque<CodedError>> queued = new EnumMap<>(BrokerApi.class);
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
        Deque<CodedError> errors = queued.computeIfAbsent(api, k -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            errors.add(error);
        }
        armed = true;
    }

    /** How many injected errors are still waiting for a request of kind {@code api}. */
    public synchronized int pending(BrokerApi api) {
        Deque<CodedError> errors = queued.get(api);
        return errors == null ? 0 : errors.size();
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

    /** Throws the next queued error for {@code api}, if there is one. */
    public void check(BrokerApi api) {
        if (!armed) {
            return;
        }
        CodedError error;
        synchronized (this) {
            Deque<CodedError> errors = queued.get(api);
            error = errors == null ? null : errors.poll();
            armed = queued.values().stream().anyMatch(q -> !q.isEmpty());
        }
        if (error != null) {
            throw new BrokerException(error);
        }
    }
}
