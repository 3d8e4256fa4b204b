package org.fluviokit.fake;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongUnaryOperator;

import org.fluviokit.protocol.CodedError;
import org.fluviokit.protocol.ErrorCode;

/**
 * Errors a test asks the broker to answer instead of serving requests, to see how a client copes
 * (e.g. an offset flush answered with SpuOffline must fail an explicit flush, D3, and be swallowed
 * by an automatic one, C8). Each queued error answers exactly one request of its kind, in order.
 * Thread-safe.
 */
public final class BrokerFaults {

    private final Map<BrokerApi, Deque<CodedError>> queued = new EnumMap<>(BrokerApi.class);
    private volatile boolean armed;
    private volatile LongUnaryOperator storedOffsetRewrite = LongUnaryOperator.identity();

    BrokerFaults() {
    }

    /** The next request of kind {@code api} fails with {@code code} (and its fields, if it has any). */
    public BrokerFaults failNext(BrokerApi api, ErrorCode code, Object... fields) {
        return failNext(api, 1, CodedError.of(code, fields));
    }

    /** The next {@code times} requests of kind {@code api} fail with {@code error}. */
    public synchronized BrokerFaults failNext(BrokerApi api, int times, CodedError error) {
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
        return this;
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
    public BrokerFaults rewriteStoredOffsets(LongUnaryOperator rewrite) {
        this.storedOffsetRewrite = Objects.requireNonNull(rewrite, "rewrite");
        return this;
    }

    /** Forgets every error not yet used and any offset rewrite. */
    public synchronized void clear() {
        queued.clear();
        armed = false;
        storedOffsetRewrite = LongUnaryOperator.identity();
    }

    long storedOffset(long flushed) {
        return storedOffsetRewrite.applyAsLong(flushed);
    }

    void check(BrokerApi api) {
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
