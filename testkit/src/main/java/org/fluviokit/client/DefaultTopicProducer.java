package org.fluviokit.client;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.fluviokit.protocol.ErrorCode;

/**
 * Sends each record as its own batch and waits for the answer: what Fluvio's producer does with its
 * default linger of 0 when records come one at a time (as from the CLI).
 */
final class DefaultTopicProducer implements TopicProducer {

    /** Fluvio's default {@code max_request_size}. */
    static final int MAX_REQUEST_SIZE = 1_048_576;
    /** Bytes of an empty batch plus the record count, which Fluvio adds to a record's size before the limit check. */
    private static final int EMPTY_BATCH_SIZE = 4 + 57;

    private final Transport transport;
    private final String topic;
    private final int partitionCount;
    private final Integer fixedPartition;
    private final Partitioner partitioner = new Partitioner();

    DefaultTopicProducer(Transport transport, String topic, int partitionCount, Integer fixedPartition) {
        this.transport = transport;
        this.topic = topic;
        this.partitionCount = partitionCount;
        this.fixedPartition = fixedPartition;
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public CompletableFuture<RecordMetadata> send(String key, String value) {
        Objects.requireNonNull(value, "value");
        return send(key == null ? null : key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public CompletableFuture<RecordMetadata> send(byte[] key, byte[] value) {
        Objects.requireNonNull(value, "value");
        int size = EMPTY_BATCH_SIZE + recordSize(key, value);
        if (size > MAX_REQUEST_SIZE) {
            // Fluvio's message prints the record size in both places.
            throw new FluvioException(ErrorCode.MESSAGE_TOO_LARGE,
                    "Producer error: record size (" + size + " bytes), exceeded maximum request size (" + size + " bytes)");
        }
        int partition;
        synchronized (partitioner) {
            partition = fixedPartition != null ? fixedPartition : partitioner.partition(key, partitionCount);
        }
        if (partition >= partitionCount) {
            throw new FluvioException(ErrorCode.NOT_LEADER_FOR_PARTITION,
                    "Producer error: partition: " + partition + " not found");
        }
        Transport.OutgoingRecord record = new Transport.OutgoingRecord(key, value, transport.time().currentTimeMillis());
        try {
            long offset = transport.produce(topic, partition, List.of(record));
            return CompletableFuture.completedFuture(new RecordMetadata(partition, offset));
        } catch (FluvioException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void flush() {
        // Every send has been answered before it returned.
    }

    @Override
    public void close() {
        flush();
    }

    /** The bytes Fluvio's record encoding takes (spec wire-protocol §4.4), with zero time and offset deltas. */
    static int recordSize(byte[] key, byte[] value) {
        int body = 1 + 1 + 1 // attributes, timestamp delta 0, offset delta 0
                + (key == null ? 1 : 1 + varintSize(key.length) + key.length)
                + varintSize(value.length) + value.length
                + 1; // header count 0
        return varintSize(body) + body;
    }

    private static int varintSize(long value) {
        long zigzag = (value << 1) ^ (value >> 63);
        int bytes = 1;
        while ((zigzag & ~0x7FL) != 0) {
            zigzag >>>= 7;
            bytes++;
        }
        return bytes;
    }
}
