package org.fluviokit.fake.internal;

import java.util.Optional;

import org.fluviokit.fake.BrokerException;
import org.fluviokit.protocol.CodedError;

/**
 * A stream fetch the broker serves on one connection: the SPU's per-connection stream, numbered
 * 1, 2, … on each connection and tagged with the consumer id the client gave (spec section 0,
 * {@code create_new_publisher}). Offsets flushed through the connection with this session's id are
 * stored under (topic, partition, consumer id) (G1).
 *
 * <p>Each {@link #poll()} hands out the batches appended since the previous one, so no batch is
 * handed out twice on one stream. Thread-safe.
 */
public final class StreamSession {

    private final BrokerConnection connection;
    private final int id;
    private final PartitionLog log;
    private final String consumerId;
    private final int maxBytes;
    private long position;
    private BrokerException pendingError;
    private volatile Runnable listener = () -> { };
    private volatile boolean closed;

    StreamSession(BrokerConnection connection, int id, PartitionLog log, long fetchOffset, int maxBytes,
                  String consumerId, BrokerException pendingError) {
        this.connection = connection;
        this.id = id;
        this.log = log;
        this.position = fetchOffset;
        this.maxBytes = maxBytes;
        this.consumerId = consumerId;
        this.pendingError = pendingError;
    }

    /** The stream id the client uses as {@code session_id} in offset requests. */
    public int id() {
        return id;
    }

    public String topic() {
        return log.topic();
    }

    public int partition() {
        return log.partition();
    }

    /** The consumer id the stream was opened with (StreamFetch v23+), if any. */
    public Optional<String> consumerId() {
        return Optional.ofNullable(consumerId);
    }

    /**
     * The batches appended since the last poll (from the batch that contains the fetch offset on
     * the first poll), at most about {@code maxBytes} of them; none when there is nothing new.
     *
     * @throws BrokerException           with TopicDeleted (2007) once the topic is gone, OffsetEvicted (71)
     *                                   when retention dropped the next offset, or the error the stream
     *                                   was opened with (e.g. a fetch offset beyond the log end, A6)
     * @throws ConnectionClosedException when the connection is closed (e.g. the broker restarted)
     */
    public FetchResult poll() {
        if (closed) {
            throw new ConnectionClosedException("stream " + id + " is closed: its connection is gone");
        }
        synchronized (this) {
            if (pendingError != null) {
                BrokerException error = pendingError;
                pendingError = null;
                throw error;
            }
            FetchResult result = log.read(position, maxBytes);
            if (!result.batches().isEmpty()) {
                position = result.batches().get(result.batches().size() - 1).lastOffset() + 1;
            }
            return result;
        }
    }

    /**
     * Registers what to run whenever the stream may have something new to hand out: records were
     * appended, the topic was deleted, records were evicted, or the session closed. It runs on the
     * thread that caused the change and must be quick (e.g. signal a waiting consumer).
     */
    public void onAvailable(Runnable listener) {
        this.listener = listener == null ? () -> { } : listener;
        signal();
    }

    /**
     * Whether the next poll ends the stream rather than hands out records: its connection closed,
     * its topic was deleted, or it was opened with an error. A server tells a client so at once,
     * even while it waits for the client to acknowledge records.
     */
    public boolean mustEnd() {
        synchronized (this) {
            if (pendingError != null) {
                return true;
            }
        }
        return closed || log.isDeleted();
    }

    /** Whether the session has been closed, with its connection or by the client. */
    public boolean isClosed() {
        return closed;
    }

    BrokerConnection connection() {
        return connection;
    }

    String consumerIdOrNull() {
        return consumerId;
    }

    boolean isOnDeletedTopic() {
        return log.isDeleted();
    }

    void signal() {
        listener.run();
    }

    void close() {
        closed = true;
        log.unregister(this);
        signal();
    }

    static BrokerException startBeyondEnd(long fetchOffset, long logEnd) {
        // A6: the SPU's storage refuses to read past the log end with this text.
        return new BrokerException(CodedError.other("start offset: " + fetchOffset + " is greater than leo: " + logEnd));
    }

    @Override
    public String toString() {
        return "StreamSession[" + id + " " + log.topic() + "-" + log.partition()
                + (consumerId == null ? "" : " consumer " + consumerId) + "]";
    }
}
