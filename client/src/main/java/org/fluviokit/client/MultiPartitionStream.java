package org.fluviokit.client;

import java.util.ArrayList;
import java.util.List;

import org.fluviokit.client.spi.FluvioErrors;
import org.fluviokit.client.spi.Transport;

/**
 * The partition streams of one consumer, merged (Fluvio's {@code MultiplePartitionConsumerStream}):
 * records come from whichever partition has one; a partition hands out the records of a response it
 * already received before the next partition gets its turn, which is what a real cluster shows
 * ({@code consume -B -d} over keys 1, 2 on partition 0 and 4, 8 on partition 1 prints 1 2 4 8). The
 * stream ends when every partition stream has ended. Commit and flush act on every partition (F4); each partition keeps
 * its own offsets and flush schedule (F1, F5).
 */
final class MultiPartitionStream {

    private final List<PartitionStream> partitions;
    private final StreamSignal signal;
    private int turn;

    MultiPartitionStream(List<PartitionStream> partitions, StreamSignal signal) {
        this.partitions = List.copyOf(partitions);
        this.signal = signal;
    }

    /**
     * Opens one stream per partition (Fluvio's {@code request_stream}): for a named consumer the
     * stored offset is looked up first (B2: the first entry of the filtered answer, plus one), then
     * the partition's offsets, then the start is resolved and the stream opened with the id.
     */
    static MultiPartitionStream open(Transport transport, ConsumerConfig config) {
        TopicMetadata topic = transport.topic(config.topic()).orElseThrow(() -> FluvioErrors.topicNotFound(config.topic()));
        List<Integer> selected = new ArrayList<>(config.partitions());
        if (selected.isEmpty()) {
            for (int p = 0; p < topic.partitions().size(); p++) {
                selected.add(p);
            }
        }
        StreamSignal signal = new StreamSignal();
        List<PartitionStream> opened = new ArrayList<>();
        try {
            for (int partition : selected) {
                if (partition >= topic.partitions().size()) {
                    throw FluvioErrors.partitionNotFound(config.topic(), partition);
                }
                opened.add(openPartition(transport, config, partition, signal));
            }
        } catch (RuntimeException e) {
            for (PartitionStream stream : opened) {
                stream.close();
            }
            throw e;
        }
        return new MultiPartitionStream(opened, signal);
    }

    private static PartitionStream openPartition(Transport transport, ConsumerConfig config, int partition,
                                                 StreamSignal signal) {
        String consumerId = config.offsetConsumer().orElse(null);
        Long resumePoint = null;
        if (consumerId != null) {
            List<ConsumerOffset> stored = transport.fetchConsumerOffsets(config.topic(), partition, consumerId);
            if (!stored.isEmpty()) {
                resumePoint = stored.get(0).offset() + 1;
            }
        }
        Transport.Offsets offsets = transport.fetchOffsets(config.topic(), partition);
        long start = config.offsetStart().resolve(offsets.logStart(), offsets.lastStable(), resumePoint);
        long recordsAtStart = offsets.lastStable() - start;
        Transport.StreamHandle handle = transport.streamFetch(config.topic(), partition, start, config.maxBytes(),
                consumerId, signal::signal);
        OffsetManagement management = new OffsetManagement(config.offsetStrategy(), config.offsetFlush(),
                transport.time(), new OffsetManagement.FlushChannel(handle));
        PartitionStream stream = new PartitionStream(config.topic(), partition, handle, start,
                config.disableContinuous(), recordsAtStart, management);
        try {
            return stream.prefetch();
        } catch (PartitionStream.StreamFailure failure) {
            stream.close();
            throw failure.failure();
        }
    }

    /**
     * The next record from any partition, waiting until {@code deadlineNanos} (System.nanoTime) for
     * one; {@code null} on timeout or when the stream has ended ({@link #isEnded()}).
     *
     * @throws PartitionStream.StreamFailure when a partition's stream failed
     */
    ConsumerRecord next(long deadlineNanos) throws InterruptedException {
        while (true) {
            long seen = signal.version();
            boolean anyOpen = false;
            for (int i = 0; i < partitions.size(); i++) {
                int index = (turn + i) % partitions.size();
                PartitionStream stream = partitions.get(index);
                if (stream.isEnded()) {
                    continue;
                }
                ConsumerRecord record = stream.next();
                if (record != null) {
                    turn = stream.hasBuffered() ? index : index + 1;
                    return record;
                }
                anyOpen |= !stream.isEnded();
                if (stream.awaitsRecordsThatExisted()) {
                    break;
                }
            }
            if (!anyOpen) {
                return null;
            }
            if (!signal.awaitAfter(seen, deadlineNanos)) {
                return null;
            }
        }
    }

    boolean isEnded() {
        for (PartitionStream stream : partitions) {
            if (!stream.isEnded()) {
                return false;
            }
        }
        return true;
    }

    /** D2, F4: committed = seen on every partition. */
    void commit() {
        for (PartitionStream stream : partitions) {
            stream.offsets().commit();
        }
    }

    /** F4: flushes every partition; the first failure is thrown once all were tried. */
    void flush() {
        FluvioException first = null;
        for (PartitionStream stream : partitions) {
            try {
                stream.offsets().flush();
            } catch (FluvioException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    void close() {
        for (PartitionStream stream : partitions) {
            stream.close();
        }
    }

    List<PartitionStream> partitions() {
        return partitions;
    }
}
