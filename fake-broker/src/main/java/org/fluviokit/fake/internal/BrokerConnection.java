package org.fluviokit.fake.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.fluviokit.fake.BrokerApi;
import org.fluviokit.fake.BrokerException;
import org.fluviokit.fake.ConsumerOffsetEntry;
import org.fluviokit.protocol.CodedError;
import org.fluviokit.protocol.ErrorCode;

/**
 * One client connection to the broker's SPU side: what a TCP connection to a Fluvio SPU is. Its
 * methods are the SPU requests Fluvio's clients send (spec section 0). Streams are numbered per
 * connection, and an offset flush names its stream by that number, so it only works on the
 * connection that opened the stream (G1).
 *
 * <p>A restart of the broker closes every connection; requests on a closed one throw
 * {@link ConnectionClosedException}. Thread-safe.
 */
public final class BrokerConnection implements AutoCloseable {

    private final BrokerEngine broker;
    private final Map<Integer, StreamSession> streams = new ConcurrentHashMap<>();
    private final AtomicInteger nextStreamId = new AtomicInteger(1);
    private volatile boolean closed;

    BrokerConnection(BrokerEngine broker) {
        this.broker = broker;
    }

    /**
     * Produce: appends the records to the partition as one batch and returns the offset given to
     * the first record (the partition's log end before the write, §3.6.1).
     *
     * @throws BrokerException NotLeaderForPartition (6) for an unknown topic or partition,
     *                         MessageTooLarge (10) for a batch above the broker's limit, StorageError (56)
     *                         when the journal cannot take it (nothing is stored then)
     */
    public long produce(String topic, int partition, List<ProducedRecord> records) {
        ensureOpen();
        checkFaults(BrokerApi.PRODUCE);
        return broker.produce(topic, partition, records);
    }

    /**
     * FetchOffsets: the partition's log start and high watermark (G6).
     *
     * @throws BrokerException PartitionNotLeader (3001) for an unknown topic or partition
     */
    public PartitionOffsets fetchOffsets(String topic, int partition) {
        ensureOpen();
        checkFaults(BrokerApi.FETCH_OFFSETS);
        return broker.logOrThrow(topic, partition, ErrorCode.PARTITION_NOT_LEADER).offsets();
    }

    /**
     * StreamFetch: opens a stream of the partition from {@code fetchOffset}, tagged with
     * {@code consumerId} (null for none). A start beyond the log end is accepted here and reported
     * by the first {@link StreamSession#poll()} (A6).
     *
     * @throws BrokerException NotLeaderForPartition (6) for an unknown topic or partition
     */
    public StreamSession openStream(String topic, int partition, long fetchOffset, int maxBytes, String consumerId) {
        ensureOpen();
        checkFaults(BrokerApi.STREAM_FETCH);
        PartitionLog log = broker.logOrThrow(topic, partition, ErrorCode.NOT_LEADER_FOR_PARTITION);
        PartitionOffsets offsets = log.offsets();
        BrokerException pending = fetchOffset > offsets.lastStableOffset()
                ? StreamSession.startBeyondEnd(fetchOffset, offsets.lastStableOffset())
                : null;
        int id = nextStreamId.getAndIncrement();
        StreamSession session = new StreamSession(this, id, log, fetchOffset, Math.max(1, maxBytes), consumerId, pending);
        streams.put(id, session);
        log.register(session);
        if (closed) {
            session.close();
        }
        return session;
    }

    /**
     * UpdateOffsets: the stream's flow-control acknowledgement (G7). It never touches a stored
     * consumer offset.
     *
     * @throws BrokerException FetchSessionNotFoud (3002) for a stream this connection does not have
     */
    public void acknowledge(int streamId, long offset) {
        ensureOpen();
        checkFaults(BrokerApi.UPDATE_OFFSETS);
        if (!streams.containsKey(streamId)) {
            throw BrokerException.of(ErrorCode.FETCH_SESSION_NOT_FOUND);
        }
    }

    /**
     * UpdateConsumerOffset: stores {@code offset} for the (topic, partition, consumer id) of stream
     * {@code streamId} of this connection, stamped with the broker clock in whole seconds (G1, G2).
     * Any value is accepted, lower than before or beyond the log end.
     *
     * @return the offset, echoed as the SPU does
     * @throws BrokerException FetchSessionNotFoud (3002) for an unknown stream; Other
     *                         ("stream without consumer id") for a stream opened without one, or with the
     *                         reason when the journal cannot take it (the stored offset is unchanged then)
     */
    public long updateConsumerOffset(int streamId, long offset) {
        ensureOpen();
        checkFaults(BrokerApi.UPDATE_CONSUMER_OFFSET);
        StreamSession session = streams.get(streamId);
        if (session == null || session.isOnDeletedTopic()) {
            // A deleted topic's streams are gone on a real SPU too; storing would resurrect a
            // deleted topic's offsets if it were created again (J2).
            throw BrokerException.of(ErrorCode.FETCH_SESSION_NOT_FOUND);
        }
        String consumerId = session.consumerIdOrNull();
        if (consumerId == null) {
            throw new BrokerException(CodedError.other("stream without consumer id"));
        }
        broker.storeConsumerOffset(session, consumerId, broker.faults().storedOffset(offset));
        return offset;
    }

    /**
     * FetchConsumerOffsets: the stored offsets that match both filters when given (G3). An empty
     * {@code replica} and {@code consumerId} list everything.
     */
    public List<ConsumerOffsetEntry> fetchConsumerOffsets(Optional<ReplicaKey> replica, Optional<String> consumerId) {
        ensureOpen();
        checkFaults(BrokerApi.FETCH_CONSUMER_OFFSETS);
        return broker.listConsumerOffsets(replica, consumerId);
    }

    /** DeleteConsumerOffset: removes one entry; an absent entry is not an error (G4). */
    public void deleteConsumerOffset(ReplicaKey replica, String consumerId) {
        ensureOpen();
        checkFaults(BrokerApi.DELETE_CONSUMER_OFFSET);
        broker.deleteConsumerOffset(replica, Objects.requireNonNull(consumerId, "consumerId"));
    }

    /** The stream this connection opened under {@code streamId}, if it is still open. */
    public Optional<StreamSession> stream(int streamId) {
        return Optional.ofNullable(streams.get(streamId));
    }

    /**
     * Ends a stream from the client side. A real SPU only forgets a stream with its connection;
     * an in-process client calls this once it has sent its last offset flush.
     */
    public void closeStream(int streamId) {
        StreamSession session = streams.remove(streamId);
        if (session != null) {
            session.close();
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** Closes the connection and every stream it opened. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (StreamSession session : streams.values()) {
            session.close();
        }
        streams.clear();
        broker.forget(this);
    }

    /** Applies an injected fault: an error, or this connection dropped (closed) instead of an answer. */
    private void checkFaults(BrokerApi api) {
        try {
            broker.faults().check(api);
        } catch (ConnectionDroppedException e) {
            close();
            throw e;
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new ConnectionClosedException("the connection to the broker is closed");
        }
    }
}
