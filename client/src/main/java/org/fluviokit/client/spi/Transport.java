package org.fluviokit.client.spi;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.fluviokit.client.ConsumerOffset;
import org.fluviokit.client.FluvioException;
import org.fluviokit.client.TopicMetadata;
import org.fluviokit.client.TopicSpec;
import org.fluviokit.protocol.CodedError;

/**
 * How the client reaches a cluster: the service-provider interface behind {@link org.fluviokit.client.FluvioTarget}.
 * Applications never use it; a target implements it (fluviokit's wire transport in this artifact, the
 * in-process fake in {@code fluviokit-testkit}). Each operation is one of the requests Fluvio's client sends
 * (spec section 0 and wire-protocol §2.5); everything the client library decides (resolving offsets,
 * commit, flush timing, reconnects) sits above this interface, once, for every target.
 *
 * <p>Operations throw {@link FluvioException} with the cluster's error code when it refuses a
 * request, and {@link TransportException} when the connection fails.
 */
public interface Transport extends AutoCloseable {

    /** The clock and scheduler the client runs its periodic work on (virtual for a fake on a virtual clock). */
    TimeSource time();

    /** A short description for messages, e.g. {@code fake broker} or {@code cluster 127.0.0.1:9003}. */
    String describe();

    // SC

    void createTopic(String name, TopicSpec spec, boolean dryRun);

    void deleteTopic(String name, boolean force);

    /** Every topic, system topics included. */
    List<TopicMetadata> listTopics();

    /** The topic from the client's metadata, if the cluster has it. */
    Optional<TopicMetadata> topic(String name);

    // SPU

    /** Appends the records to the partition as one batch; returns the first record's offset. */
    long produce(String topic, int partition, List<OutgoingRecord> records);

    /**
     * Whether {@link #produce} is answered within the call, in this JVM. A producer then stores each
     * record as it is sent; over a network it keeps one request per partition in flight and batches
     * what is sent meanwhile, as Fluvio's producer does.
     */
    default boolean producesInProcess() {
        return false;
    }

    /** FetchOffsets: the partition's log start and high watermark. */
    Offsets fetchOffsets(String topic, int partition);

    /**
     * StreamFetch: opens a stream of the partition from {@code fetchOffset}, tagged with
     * {@code consumerId} (null for none). {@code onData} runs whenever the stream may have
     * something new; it must be quick.
     */
    StreamHandle streamFetch(String topic, int partition, long fetchOffset, int maxBytes, String consumerId,
                             Runnable onData);

    /** FetchConsumerOffsets, filtered by replica and/or consumer id when given (null for no filter). */
    List<ConsumerOffset> fetchConsumerOffsets(String topic, Integer partition, String consumerId);

    /** DeleteConsumerOffset. */
    void deleteConsumerOffset(String consumerId, String topic, int partition);

    @Override
    void close();

    /** A record on its way to the cluster. */
    record OutgoingRecord(byte[] key, byte[] value, long timestamp) {
    }

    /** A partition's log start and high watermark (the LSO). */
    record Offsets(long logStart, long lastStable) {
    }

    /** One open stream fetch. */
    interface StreamHandle {

        /** The stream id the SPU assigned: the {@code session_id} of offset flushes. */
        int streamId();

        /**
         * The next response the cluster sent on this stream, or {@code null} when none is waiting.
         * A response may carry records and an error; the records come first (wire-protocol §3.6.3).
         *
         * @throws TransportException when the stream's connection is gone
         */
        StreamResponse poll();

        /** UpdateOffsets: flow-control acknowledgement of everything before {@code nextOffset} (G7). */
        void acknowledge(long nextOffset);

        /**
         * UpdateConsumerOffset on the stream's connection (G1). The future completes with the
         * cluster's answer, or exceptionally with a {@link TransportException}.
         */
        CompletableFuture<CodedError> updateConsumerOffset(long offset);

        /** Stops the stream. Flushes sent before are delivered first. */
        void close();
    }

    /** One StreamFetch response. */
    record StreamResponse(List<FetchedBatch> batches, CodedError error) {

        /** Records in the batches, counted as Fluvio's client does: whole batches (A7). */
        public int recordCount() {
            int total = 0;
            for (FetchedBatch batch : batches) {
                total += batch.recordCount();
            }
            return total;
        }
    }

    /** A batch of records as a stream delivers it. Record offsets are {@code baseOffset() + index}. */
    interface FetchedBatch {
        long baseOffset();

        int recordCount();

        byte[] key(int index);

        byte[] value(int index);

        long timestamp(int index);
    }
}
