package org.fluviokit.fake;

import java.util.Objects;
import java.util.function.LongUnaryOperator;

import org.fluviokit.fake.internal.FaultPlan;
import org.fluviokit.protocol.CodedError;
import org.fluviokit.protocol.ErrorCode;

/**
 * Errors a test asks the broker to answer instead of serving requests, to see how a client copes
 * (e.g. an offset flush answered with SpuOffline must fail an explicit flush, D3, and be swallowed
 * by an automatic one, C8). Each queued error answers exactly one request of its kind, in order.
 * Thread-safe.
 */
public final class BrokerFaults {

    private final FaultPlan plan;

    BrokerFaults(FaultPlan plan) {
        this.plan = plan;
    }

    /** The next request of kind {@code api} fails with {@code code} (and its fields, if it has any). */
    public BrokerFaults failNext(BrokerApi api, ErrorCode code, Object... fields) {
        return failNext(api, 1, CodedError.of(code, fields));
    }

    /** The next {@code times} requests of kind {@code api} fail with {@code error}. */
    public BrokerFaults failNext(BrokerApi api, int times, CodedError error) {
        plan.failNext(api, times, error);
        return this;
    }

    /**
     * The next request of kind {@code api} is never answered: the connection it came on closes instead
     * (an SPU or SC that dies while serving it), and the request has no effect. Clients see what they
     * see when a cluster goes away mid-request, e.g. Fluvio's {@code Socket io connection is closed}.
     */
    public BrokerFaults dropConnectionOnNext(BrokerApi api) {
        plan.dropConnectionOnNext(api, 1);
        return this;
    }

    /** How many injected faults are still waiting for a request of kind {@code api}. */
    public int pending(BrokerApi api) {
        return plan.pending(api);
    }

    /**
     * Makes the broker store {@code rewrite(offset)} whenever a client flushes {@code offset}: a
     * deliberately wrong broker (e.g. {@code offset -> offset + 1} stores the next offset instead
     * of the last), to check that a test harness notices (mutation testing).
     */
    public BrokerFaults rewriteStoredOffsets(LongUnaryOperator rewrite) {
        plan.rewriteStoredOffsets(Objects.requireNonNull(rewrite, "rewrite"));
        return this;
    }

    /** Forgets every error not yet used and any offset rewrite. */
    public void clear() {
        plan.clear();
    }
}
