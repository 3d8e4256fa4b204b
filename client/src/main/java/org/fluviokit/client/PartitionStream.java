package org.fluviokit.client;

import java.util.ArrayDeque;
import java.util.Deque;

import org.fluviokit.client.spi.FluvioErrors;
import org.fluviokit.client.spi.Transport;
import org.fluviokit.protocol.CodedError;

/**
 * One partition's stream: the records of a StreamFetch, with the client-side rules Fluvio's
 * {@code PartitionConsumer} applies (spec wire-protocol §3.6.3, offset-semantics A7):
 * <ul>
 *   <li>records before the resolved start offset are dropped (the first batch may hold some);</li>
 *   <li>with {@code disableContinuous} the stream ends once the responses received account for
 *       the records that existed at the start, counted in whole batches, so the last response is
 *       handed out whole;</li>
 *   <li>every response is acknowledged with UpdateOffsets;</li>
 *   <li>each record handed out, and the end of the stream, drive the offset bookkeeping.</li>
 * </ul>
 * Not thread-safe: owned by one {@link MultiPartitionStream}.
 */
final class PartitionStream {

    private final String topic;
    private final int partition;
    private final Transport.StreamHandle handle;
    private final long startOffset;
    private final boolean limited;
    private final OffsetManagement offsets;
    private final Deque<Transport.FetchedBatch> batches = new ArrayDeque<>();
    private long remaining;
    private Transport.FetchedBatch current;
    private int index;
    private CodedError pendingError;
    private boolean ended;
    private boolean answered;
    private final boolean hadRecordsAtStart;

    PartitionStream(String topic, int partition, Transport.StreamHandle handle, long startOffset,
                    boolean disableContinuous, long recordsAtStart, OffsetManagement offsets) {
        this.topic = topic;
        this.partition = partition;
        this.handle = handle;
        this.startOffset = startOffset;
        this.limited = disableContinuous;
        this.remaining = recordsAtStart;
        this.hadRecordsAtStart = recordsAtStart > 0;
        this.offsets = offsets;
    }

    /**
     * Whether records existed when the stream opened but the cluster has not answered yet: a merged
     * stream waits for them before it serves later partitions, so the records that were there are
     * handed out in partition order on a cluster too, as they are on the fake (and as the real CLI
     * was seen to print them).
     */
    boolean awaitsRecordsThatExisted() {
        return hadRecordsAtStart && !answered && !ended;
    }

    /**
     * Takes the first response at once: a real SPU sends it as soon as the stream opens, so with
     * {@code disableContinuous} records produced after the opening are not part of the snapshot (A7).
     */
    PartitionStream prefetch() {
        fetchOnce();
        return this;
    }

    int partition() {
        return partition;
    }

    OffsetManagement offsets() {
        return offsets;
    }

    boolean isEnded() {
        return ended;
    }

    /** Whether records of a response already received are waiting to be handed out. */
    boolean hasBuffered() {
        return (current != null && index < current.recordCount()) || !batches.isEmpty();
    }

    /**
     * The next record, or {@code null} when none is available now (see {@link #isEnded()}).
     *
     * @throws StreamFailure when the cluster answered the stream with an error, or the connection failed
     */
    ConsumerRecord next() {
        if (ended) {
            return null;
        }
        while (true) {
            ConsumerRecord record = nextBuffered();
            if (record != null) {
                offsets.update(record.offset());
                return record;
            }
            if (pendingError != null) {
                CodedError error = pendingError;
                pendingError = null;
                end();
                throw new StreamFailure(FluvioErrors.of(error));
            }
            if (limited && remaining <= 0) {
                end();
                return null;
            }
            if (!fetchOnce()) {
                return null;
            }
        }
    }

    /** Takes the next response, if one is waiting; false when none is. */
    private boolean fetchOnce() {
        if (limited && remaining <= 0) {
            return false;
        }
        Transport.StreamResponse response;
        try {
            response = handle.poll();
        } catch (FluvioException e) {
            end();
            throw new StreamFailure(e);
        }
        if (response == null) {
            return false;
        }
        answered = true;
        if (limited) {
            remaining = Math.max(0, remaining - response.recordCount());
        }
        batches.addAll(response.batches());
        if (!response.error().isOk()) {
            pendingError = response.error();
        }
        if (!response.batches().isEmpty()) {
            Transport.FetchedBatch last = response.batches().get(response.batches().size() - 1);
            handle.acknowledge(last.baseOffset() + last.recordCount());
        }
        return true;
    }

    /** Stops the stream: the auto strategy's last flush goes out first (C6). */
    void close() {
        offsets.close();
        handle.close();
    }

    private ConsumerRecord nextBuffered() {
        while (true) {
            if (current == null || index >= current.recordCount()) {
                current = batches.poll();
                index = 0;
                if (current == null) {
                    return null;
                }
            }
            int i = index++;
            long offset = current.baseOffset() + i;
            if (offset < startOffset) {
                continue;
            }
            return new ConsumerRecord(partition, offset, current.key(i), current.value(i), current.timestamp(i));
        }
    }

    private void end() {
        if (!ended) {
            ended = true;
            // C3: the end of a stream, or an error, also triggers a flush check.
            offsets.runAutoFlush();
        }
    }

    @Override
    public String toString() {
        return topic + "-" + partition + " from " + startOffset;
    }

    /** The stream failed; the cause says why. */
    static final class StreamFailure extends RuntimeException {
        StreamFailure(FluvioException cause) {
            super(cause.getMessage(), cause, false, false);
        }

        FluvioException failure() {
            return (FluvioException) getCause();
        }
    }
}
