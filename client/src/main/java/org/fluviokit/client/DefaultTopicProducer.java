package org.fluviokit.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.fluviokit.client.spi.Transport;
import org.fluviokit.protocol.ErrorCode;

/**
 * Sends records as Fluvio's producer does with its defaults (linger 0, batches up to 16 KiB): each
 * partition has at most one produce request in flight, and the records sent while it is out go
 * together in the next batch. A record sent alone, waited for, is thus its own batch (as from the
 * CLI); records sent without waiting share batches. In process ({@link Transport#producesInProcess()})
 * every record is stored before {@code send} returns, so tests on the fake need no flush.
 */
final class DefaultTopicProducer implements TopicProducer {

    /** Fluvio's default {@code max_request_size}. */
    static final int MAX_REQUEST_SIZE = 1_048_576;
    /** Fluvio's default {@code batch_size}: a batch grows to this many bytes of records, one record at least. */
    static final int BATCH_SIZE = 16_384;
    /** Sends the batches of every producer of this JVM; a partition uses one thread at a time. */
    private static final ExecutorService SENDERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "fluviokit-producer");
        thread.setDaemon(true);
        return thread;
    });
    /** Bytes of an empty batch plus the record count, which Fluvio adds to a record's size before the limit check. */
    private static final int EMPTY_BATCH_SIZE = 4 + 57;

    private final Transport transport;
    private final String topic;
    private final int partitionCount;
    private final Integer fixedPartition;
    private final Partitioner partitioner = new Partitioner();
    private final Map<Integer, PartitionQueue> queues = new ConcurrentHashMap<>();

    private volatile boolean closed;

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
        if (closed) {
            throw new IllegalStateException("this producer is closed");
        }
        int recordBytes = recordSize(key, value);
        int size = EMPTY_BATCH_SIZE + recordBytes;
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
        if (transport.producesInProcess()) {
            try {
                long offset = transport.produce(topic, partition, List.of(record));
                return CompletableFuture.completedFuture(new RecordMetadata(partition, offset));
            } catch (FluvioException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return queues.computeIfAbsent(partition, PartitionQueue::new).add(record, recordBytes);
    }

    @Override
    public void flush() {
        for (PartitionQueue queue : queues.values()) {
            queue.lastSent().handle((stored, refused) -> null).join(); // refusals are their records' business
        }
    }

    @Override
    public void close() {
        closed = true;
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

    /** The records of one partition on their way: at most one request out, the rest waiting to go together. */
    private final class PartitionQueue {
        private final int partition;
        private final Deque<Pending> waiting = new ArrayDeque<>();
        private boolean sending;
        private CompletableFuture<RecordMetadata> lastSent = CompletableFuture.completedFuture(null);

        PartitionQueue(int partition) {
            this.partition = partition;
        }

        synchronized CompletableFuture<RecordMetadata> add(Transport.OutgoingRecord record, int bytes) {
            Pending pending = new Pending(record, bytes, new CompletableFuture<>());
            waiting.add(pending);
            lastSent = pending.stored();
            if (!sending) {
                sending = true;
                SENDERS.execute(this::sendAll);
            }
            return pending.stored();
        }

        synchronized CompletableFuture<RecordMetadata> lastSent() {
            return lastSent;
        }

        private void sendAll() {
            List<Pending> batch;
            while ((batch = nextBatch()) != null) {
                List<Transport.OutgoingRecord> records = new ArrayList<>(batch.size());
                batch.forEach(pending -> records.add(pending.record()));
                try {
                    long base = transport.produce(topic, partition, records);
                    for (int i = 0; i < batch.size(); i++) {
                        batch.get(i).stored().complete(new RecordMetadata(partition, base + i));
                    }
                } catch (RuntimeException e) {
                    FluvioException failure = e instanceof FluvioException fluvio ? fluvio
                            : new FluvioException(ErrorCode.OTHER, "Producer error: " + e.getMessage());
                    batch.forEach(pending -> pending.stored().completeExceptionally(failure));
                }
            }
        }

        /** The records that go next, up to {@link #BATCH_SIZE} bytes (one at least); null when none wait. */
        private synchronized List<Pending> nextBatch() {
            if (waiting.isEmpty()) {
                sending = false;
                return null;
            }
            List<Pending> batch = new ArrayList<>();
            int bytes = 0;
            while (!waiting.isEmpty() && (batch.isEmpty() || bytes + waiting.peek().size() <= BATCH_SIZE)) {
                Pending next = waiting.poll();
                bytes += next.size();
                batch.add(next);
            }
            return batch;
        }
    }

    private record Pending(Transport.OutgoingRecord record, int size, CompletableFuture<RecordMetadata> stored) {
    }
}
