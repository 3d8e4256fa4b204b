package org.fluviokit.client;

import java.time.Duration;
import java.util.Optional;

import org.fluviokit.client.spi.Transport;
import org.fluviokit.protocol.CodedError;
import org.fluviokit.protocol.ErrorCode;

/**
 * Fluvio's {@code ConsumerRetryStream} around the merged partition streams (spec group M): when a
 * continuous stream fails or ends, it reconnects with {@code Offset.absolute(last delivered + 1)}
 * (the original start if nothing was delivered yet) and a fresh offset store; a
 * {@code disableContinuous} stream ends quietly instead (M2). After {@code maxReconnectAttempts}
 * failed attempts it fails with MaxRetryReached (M3); with zero attempts (Fluvio's
 * {@code RetryMode::Disabled}) a failure is thrown as it is.
 *
 * <p>Note (M1, reproduced from the Rust client): "last delivered + 1" is one number for the whole
 * stream, so a multi-partition stream resumes every partition at the offset after the last record
 * of whichever partition delivered last.
 */
final class DefaultConsumerStream implements ConsumerStream {

    private static final Duration BACKOFF_MIN = Duration.ofSeconds(1);
    private static final Duration BACKOFF_MAX = Duration.ofSeconds(30);
    private static final double BACKOFF_FACTOR = 1.1;

    private final Transport transport;
    private final ConsumerConfig config;
    private final Runnable onClose;
    private MultiPartitionStream current;
    private Long nextOffsetToRead;
    private boolean terminated;
    private boolean closed;

    DefaultConsumerStream(Transport transport, ConsumerConfig config, Runnable onClose) {
        this.transport = transport;
        this.config = config;
        this.onClose = onClose;
        this.current = MultiPartitionStream.open(transport, config);
    }

    @Override
    public synchronized Optional<ConsumerRecord> next(Duration timeout) {
        ensureOpen();
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        boolean reconnected = false;
        try {
            while (!terminated && !closed) {
                try {
                    ConsumerRecord record = current.next(deadline);
                    if (record != null) {
                        nextOffsetToRead = record.offset() + 1;
                        return Optional.of(record);
                    }
                    if (!current.isEnded()) {
                        return Optional.empty();
                    }
                } catch (PartitionStream.StreamFailure failure) {
                    if (config.maxReconnectAttempts() == 0) {
                        // Fluvio's RetryMode::Disabled hands the error to the caller.
                        terminated = true;
                        throw failure.failure();
                    }
                    CodedError error = failure.failure().error();
                    if (error.code() == ErrorCode.OFFSET_EVICTED) {
                        // M3: resume from the first offset still stored.
                        nextOffsetToRead = ((Number) error.fields().get(1)).longValue();
                    }
                }
                if (config.disableContinuous()) {
                    terminated = true;
                    return Optional.empty();
                }
                if (reconnected && System.nanoTime() - deadline >= 0) {
                    // A6: a stream that fails at once after every reconnect keeps reconnecting;
                    // the caller still gets control back at its timeout.
                    return Optional.empty();
                }
                reconnect();
                reconnected = true;
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public synchronized void offsetCommit() {
        ensureOpen();
        current.commit();
    }

    @Override
    public synchronized void offsetFlush() {
        ensureOpen();
        current.flush();
    }

    /** Fluvio's Rust API cannot reach a dropped stream at all; here every use after close says so the same way. */
    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this consumer stream is closed");
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        current.close();
        onClose.run();
    }

    MultiPartitionStream current() {
        return current;
    }

    private void reconnect() throws InterruptedException {
        ConsumerConfig.Builder retry = config.toBuilder();
        if (nextOffsetToRead != null) {
            retry.offsetStart(Offset.absolute(nextOffsetToRead));
        }
        ConsumerConfig retryConfig = retry.build();
        Duration backoff = BACKOFF_MIN;
        int attempts = 0;
        while (true) {
            transport.time().backoff(backoff);
            attempts++;
            try {
                MultiPartitionStream reopened = MultiPartitionStream.open(transport, retryConfig);
                current.close();
                current = reopened;
                return;
            } catch (FluvioException e) {
                if (attempts >= config.maxReconnectAttempts()) {
                    terminated = true;
                    current.close();
                    throw new FluvioException(CodedError.of(ErrorCode.MAX_RETRY_REACHED),
                            ErrorCode.MAX_RETRY_REACHED.message(), e);
                }
                backoff = Duration.ofMillis(Math.min(BACKOFF_MAX.toMillis(),
                        (long) (backoff.toMillis() * BACKOFF_FACTOR)));
            }
        }
    }
}
