package org.fluviokit.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.fluviokit.client.spi.FluvioErrors;
import org.fluviokit.client.spi.TimeSource;
import org.fluviokit.client.spi.Transport;
import org.fluviokit.protocol.CodedError;
import org.fluviokit.protocol.ErrorCode;

/**
 * One partition stream's consumer-offset bookkeeping, as Fluvio's client keeps it (spec section 0):
 * three numbers, all starting at -1: <b>seen</b> (the largest offset handed out), <b>committed</b>
 * (set to seen by a commit) and <b>flushed</b> (the last value sent). A flush goes out only when
 * committed &gt; flushed.
 *
 * <p>Under the auto strategy every record handed out is committed at once (C1) and a flush check
 * runs on every record, when the stream ends or fails, and every 100 ms in the background (C3). A
 * check flushes when a whole number of seconds of at least the period has passed since the last
 * check that fired (C2), and always restarts that period, even when it had nothing to send. The
 * period clock starts at 0, so the first check is due at once (C4). Automatic flushes do not wait
 * for the cluster and ignore its answer (C6, C8).
 */
final class OffsetManagement {

    /** The background check period, hard-coded in Fluvio (C3). */
    static final Duration FLUSHER_CHECK_PERIOD = Duration.ofMillis(100);

    private static final Logger LOG = Logger.getLogger(OffsetManagement.class.getName());

    private final OffsetManagementStrategy strategy;
    private final long flushPeriodNanos;
    private final TimeSource time;
    private final FlushChannel channel;
    private long seen = -1;
    private long committed = -1;
    private long flushed = -1;
    private long lastFlushSecond;
    private Runnable stopBackground;
    private boolean closed;

    OffsetManagement(OffsetManagementStrategy strategy, Duration flushPeriod, TimeSource time, FlushChannel channel) {
        this.strategy = strategy;
        this.flushPeriodNanos = flushPeriod.toNanos();
        this.time = time;
        this.channel = channel;
        if (strategy == OffsetManagementStrategy.AUTO) {
            stopBackground = time.scheduleAtFixedRate(FLUSHER_CHECK_PERIOD, this::runAutoFlush);
        }
    }

    /** A record was handed to the application. */
    synchronized void update(long offset) {
        switch (strategy) {
            case NONE:
                break;
            case MANUAL:
                seen = Math.max(seen, offset);
                break;
            case AUTO:
                seen = Math.max(seen, offset);
                committed = seen;
                runAutoFlush();
                break;
            default:
                throw new AssertionError(strategy);
        }
    }

    /** The auto strategy's periodic check (C2, C3): flush if a period has passed, and restart the period. */
    synchronized void runAutoFlush() {
        if (strategy != OffsetManagementStrategy.AUTO) {
            return;
        }
        long nowSecond = nowSecond();
        // Fluvio compares Duration::from_secs(now - last) with the period: whole seconds only.
        long elapsedNanos = Math.multiplyExact(Math.max(0, nowSecond - lastFlushSecond), 1_000_000_000L);
        if (elapsedNanos >= flushPeriodNanos) {
            tryFlush();
            lastFlushSecond = nowSecond;
        }
    }

    /** D2: committed = seen, locally. */
    synchronized void commit() {
        if (strategy == OffsetManagementStrategy.NONE) {
            throw FluvioErrors.of(CodedError.of(ErrorCode.OFFSET_MANAGEMENT_DISABLED));
        }
        committed = seen;
    }

    /**
     * An explicit flush, waiting for the cluster's answer (D3, C9). Nothing is sent when nothing new
     * was committed. A failure leaves the flushed value where it was, so the next flush retries.
     */
    void flush() {
        long toFlush;
        synchronized (this) {
            if (strategy == OffsetManagementStrategy.NONE) {
                throw FluvioErrors.of(CodedError.of(ErrorCode.OFFSET_MANAGEMENT_DISABLED));
            }
            if (flushed >= committed) {
                return;
            }
            toFlush = committed;
        }
        CodedError answer = channel.send(toFlush);
        synchronized (this) {
            if (answer.isOk()) {
                flushed = Math.max(flushed, toFlush);
                if (strategy == OffsetManagementStrategy.AUTO) {
                    lastFlushSecond = nowSecond();
                }
                return;
            }
        }
        if (strategy == OffsetManagementStrategy.AUTO) {
            // C9: the auto strategy wraps the failure in Other(original message).
            throw FluvioErrors.of(CodedError.other(answer.message()));
        }
        throw FluvioErrors.of(answer);
    }

    /**
     * The stream is closed (C6): the auto strategy stops its background check, which runs once
     * more, then commits and queues one last flush without waiting for it.
     */
    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (strategy != OffsetManagementStrategy.AUTO) {
            return;
        }
        stopBackground.run();
        runAutoFlush();
        committed = seen;
        tryFlush();
    }

    synchronized long committed() {
        return committed;
    }

    synchronized long flushed() {
        return flushed;
    }

    /** The automatic flush: sent without waiting, marked flushed once handed over (C8). */
    private void tryFlush() {
        if (flushed >= committed) {
            return;
        }
        if (channel.sendWithoutWaiting(committed)) {
            flushed = committed;
        }
    }

    private long nowSecond() {
        return Math.floorDiv(time.currentTimeMillis(), 1000L);
    }

    /**
     * Carries a partition stream's offset flushes to the cluster on the stream's own connection,
     * one at a time. After a connection failure it is closed for good (C10).
     */
    static final class FlushChannel {
        private final Transport.StreamHandle stream;
        private boolean broken;

        FlushChannel(Transport.StreamHandle stream) {
            this.stream = stream;
        }

        /** Sends {@code offset} and waits for the answer. */
        CodedError send(long offset) {
            CompletableFuture<CodedError> answer;
            synchronized (this) {
                if (broken) {
                    return CodedError.other("sending into a closed channel");
                }
                answer = stream.updateConsumerOffset(offset);
            }
            try {
                return answer.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CodedError.of(ErrorCode.OFFSET_FLUSH_REQUEST_ERROR, "interrupted");
            } catch (ExecutionException e) {
                markBroken();
                return CodedError.of(ErrorCode.OFFSET_FLUSH_REQUEST_ERROR, e.getCause().getMessage());
            }
        }

        /** Hands {@code offset} over for sending; false when the channel is closed (C8, C10). */
        boolean sendWithoutWaiting(long offset) {
            synchronized (this) {
                if (broken) {
                    LOG.log(Level.FINE, "offset flush of {0} not sent: the stream's connection is gone", offset);
                    return false;
                }
                CompletableFuture<CodedError> answer = stream.updateConsumerOffset(offset);
                answer.whenComplete((code, failure) -> {
                    if (failure != null) {
                        markBroken();
                    } else if (!code.isOk()) {
                        LOG.log(Level.FINE, "automatic offset flush of {0} refused: {1}", new Object[] {offset, code});
                    }
                });
                return true;
            }
        }

        private synchronized void markBroken() {
            broken = true;
        }
    }
}
