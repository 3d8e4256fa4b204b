package org.fluviokit.fake.wire;

import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.fluviokit.fake.BrokerException;
import org.fluviokit.fake.ConsumerOffsetEntry;
import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.internal.BrokerConnection;
import org.fluviokit.fake.internal.BrokerEngine;
import org.fluviokit.fake.internal.ConnectionClosedException;
import org.fluviokit.fake.internal.FetchResult;
import org.fluviokit.fake.internal.ReplicaKey;
import org.fluviokit.fake.internal.StreamSession;
import org.fluviokit.protocol.ApiKey;
import org.fluviokit.protocol.ApiVersionsRequest;
import org.fluviokit.protocol.ApiVersionsResponse;
import org.fluviokit.protocol.ApiVersionsResponse.ApiVersionKey;
import org.fluviokit.protocol.FluvioApi;
import org.fluviokit.protocol.CodedError;
import org.fluviokit.protocol.ErrorCode;
import org.fluviokit.protocol.RequestHeader;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.record.RecordSet;
import org.fluviokit.protocol.spu.DeleteConsumerOffsetRequest;
import org.fluviokit.protocol.spu.DeleteConsumerOffsetResponse;
import org.fluviokit.protocol.spu.FetchConsumerOffsetsRequest;
import org.fluviokit.protocol.spu.FetchConsumerOffsetsResponse;
import org.fluviokit.protocol.spu.FetchConsumerOffsetsResponse.ConsumerOffset;
import org.fluviokit.protocol.spu.FetchOffsetsRequest;
import org.fluviokit.protocol.spu.FetchOffsetsResponse;
import org.fluviokit.protocol.spu.FetchOffsetsResponse.FetchOffsetPartitionResponse;
import org.fluviokit.protocol.spu.FetchOffsetsResponse.FetchOffsetTopicResponse;
import org.fluviokit.protocol.spu.ProduceRequest;
import org.fluviokit.protocol.spu.ProduceResponse;
import org.fluviokit.protocol.spu.ProduceResponse.PartitionProduceResponse;
import org.fluviokit.protocol.spu.ProduceResponse.TopicProduceResponse;
import org.fluviokit.protocol.spu.SmartModuleInvocation;
import org.fluviokit.protocol.spu.StreamFetchRequest;
import org.fluviokit.protocol.spu.StreamFetchResponse;
import org.fluviokit.protocol.spu.StreamFetchResponse.FetchablePartitionResponse;
import org.fluviokit.protocol.spu.UpdateConsumerOffsetRequest;
import org.fluviokit.protocol.spu.UpdateConsumerOffsetResponse;
import org.fluviokit.protocol.spu.UpdateOffsetsRequest;
import org.fluviokit.protocol.spu.UpdateOffsetsResponse;
import org.fluviokit.protocol.spu.UpdateOffsetsResponse.OffsetUpdateStatus;

/**
 * A connection to an SPU listener: one {@link BrokerConnection} of the engine, so stream ids are
 * numbered per connection and an offset flush only finds the streams of its own connection (G1,
 * spec §6.5).
 */
final class SpuConnection extends WireConnection {

    /** What the real SPU advertises, in its order (§3.1, §6.2, example C). */
    static final List<ApiVersionKey> API_KEYS = FluvioApi.listedBy(FluvioApi.Role.SPU);

    /** Fluvio ≤ 0.9.12 sends no client_version and gets StreamFetch up to 15 (§3.1). */
    static final List<ApiVersionKey> LEGACY_API_KEYS = API_KEYS.stream()
            .map(key -> key.apiKey() == ApiKey.Spu.STREAM_FETCH
                    ? new ApiVersionKey(key.apiKey(), key.minVersion(), FluvioApi.LEGACY_STREAM_FETCH_MAX) : key)
            .toList();

    private final int spuId;
    private final BrokerConnection engine;
    private final Map<Integer, FetchStream> streams = new ConcurrentHashMap<>();

    SpuConnection(WireServer server, int spuId, Socket socket) throws IOException {
        super(server, socket, "SPU");
        this.spuId = spuId;
        this.engine = BrokerEngine.of(server.broker()).connect();
    }

    /**
     * Whether this SPU leads the partition. A real SPU serves only the partitions it leads; one
     * that does not exist is left to the engine, which answers as a leader would (unknown topic or
     * partition).
     */
    private boolean leads(String topic, int partition) {
        java.util.OptionalInt leader = BrokerEngine.of(server.broker()).leaderOf(topic, partition);
        return leader.isEmpty() || leader.getAsInt() == spuId;
    }

    private boolean leadsConsumerOffsets() {
        return leads(FakeBroker.CONSUMER_OFFSET_TOPIC, 0);
    }

    @Override
    void handle(RequestHeader header, WireReader in) {
        short version = header.apiVersion();
        int correlationId = header.correlationId();
        switch (header.apiKey()) {
            case ApiKey.Spu.API_VERSIONS -> {
                ApiVersionsRequest request = ApiVersionsRequest.decode(in, version);
                send(correlationId, version, ApiVersionsResponse.of(
                        request.clientVersion().isEmpty() ? LEGACY_API_KEYS : API_KEYS, "0.0.0"));
            }
            case ApiKey.Spu.PRODUCE -> send(correlationId, version, produce(ProduceRequest.decode(in, version)));
            case ApiKey.Spu.FETCH_OFFSETS -> send(correlationId, version,
                    fetchOffsets(FetchOffsetsRequest.decode(in, version)));
            case ApiKey.Spu.STREAM_FETCH -> streamFetch(header, StreamFetchRequest.decode(in, version));
            case ApiKey.Spu.UPDATE_OFFSETS -> {
                List<FetchStream> acknowledged = new ArrayList<>();
                send(correlationId, version, updateOffsets(UpdateOffsetsRequest.decode(in, version), acknowledged));
                // as the real SPU: the answer goes first, then the stream's next frame
                acknowledged.forEach(FetchStream::release);
            }
            case ApiKey.Spu.UPDATE_CONSUMER_OFFSET -> send(correlationId, version,
                    updateConsumerOffset(UpdateConsumerOffsetRequest.decode(in, version)));
            case ApiKey.Spu.FETCH_CONSUMER_OFFSETS -> send(correlationId, version,
                    fetchConsumerOffsets(FetchConsumerOffsetsRequest.decode(in, version)));
            case ApiKey.Spu.DELETE_CONSUMER_OFFSET -> send(correlationId, version,
                    deleteConsumerOffset(DeleteConsumerOffsetRequest.decode(in, version)));
            case ApiKey.Spu.FETCH -> throw new CloseConnection(
                    "Fetch (1), the Kafka-style fetch no Fluvio client uses, is not supported by the fake broker");
            default -> throw new CloseConnection("unknown SPU api key " + header.apiKey());
        }
    }

    // ---------------------------------------------------------------- produce

    private ProduceResponse produce(ProduceRequest request) {
        Optional<CodedError> smartModuleError = smartModuleError(request.smartmodules());
        List<TopicProduceResponse> topics = new ArrayList<>();
        for (ProduceRequest.TopicProduceData topic : request.topics()) {
            List<PartitionProduceResponse> partitions = new ArrayList<>();
            for (ProduceRequest.PartitionProduceData entry : topic.partitions()) {
                // One answer per entry, in order: the producer matches them by position (§3.6.1).
                CodedError error = smartModuleError.orElse(null);
                if (error == null && !leads(topic.name(), entry.partitionIndex())) {
                    error = CodedError.of(ErrorCode.NOT_LEADER_FOR_PARTITION);
                }
                long base = 0;
                if (error == null) {
                    try {
                        base = Batches.append(engine, server.broker(), topic.name(), entry.partitionIndex(),
                                entry.records());
                    } catch (BrokerException e) {
                        error = e.error();
                    }
                }
                partitions.add(PartitionProduceResponse.of(entry.partitionIndex(),
                        error == null ? CodedError.NONE : error, error == null ? base : 0));
            }
            topics.add(new TopicProduceResponse(topic.name(), partitions));
        }
        return ProduceResponse.of(topics);
    }

    // ---------------------------------------------------------------- offsets

    private FetchOffsetsResponse fetchOffsets(FetchOffsetsRequest request) {
        List<FetchOffsetTopicResponse> topics = new ArrayList<>();
        for (FetchOffsetsRequest.FetchOffsetTopic topic : request.topics()) {
            List<FetchOffsetPartitionResponse> partitions = new ArrayList<>();
            for (int partition : topic.partitions()) {
                if (!leads(topic.name(), partition)) {
                    partitions.add(new FetchOffsetPartitionResponse(CodedError.of(ErrorCode.PARTITION_NOT_LEADER),
                            partition, 0, 0));
                    continue;
                }
                try {
                    var offsets = engine.fetchOffsets(topic.name(), partition);
                    partitions.add(new FetchOffsetPartitionResponse(CodedError.NONE, partition,
                            offsets.logStartOffset(), offsets.lastStableOffset()));
                } catch (BrokerException e) {
                    partitions.add(new FetchOffsetPartitionResponse(e.error(), partition, 0, 0));
                }
            }
            topics.add(new FetchOffsetTopicResponse(topic.name(), partitions));
        }
        return new FetchOffsetsResponse(topics);
    }

    private UpdateOffsetsResponse updateOffsets(UpdateOffsetsRequest request, List<FetchStream> acknowledged) {
        List<OffsetUpdateStatus> status = new ArrayList<>();
        for (UpdateOffsetsRequest.OffsetUpdate update : request.offsets()) {
            CodedError error = CodedError.NONE;
            try {
                engine.acknowledge(update.sessionId(), update.offset());
                FetchStream stream = streams.get(update.sessionId());
                if (stream != null && stream.acknowledges(update.offset())) {
                    acknowledged.add(stream);
                }
            } catch (BrokerException e) {
                error = e.error();
            }
            status.add(new OffsetUpdateStatus(update.sessionId(), error));
        }
        return new UpdateOffsetsResponse(status);
    }

    private UpdateConsumerOffsetResponse updateConsumerOffset(UpdateConsumerOffsetRequest request) {
        try {
            return new UpdateConsumerOffsetResponse(engine.updateConsumerOffset(request.sessionId(), request.offset()),
                    CodedError.NONE);
        } catch (BrokerException e) {
            return new UpdateConsumerOffsetResponse(0, e.error());
        }
    }

    private FetchConsumerOffsetsResponse fetchConsumerOffsets(FetchConsumerOffsetsRequest request) {
        if (!leadsConsumerOffsets()) {
            return new FetchConsumerOffsetsResponse(CodedError.of(ErrorCode.PARTITION_NOT_LEADER), List.of()); // G5
        }
        Optional<ReplicaKey> replica = request.filterOpts()
                .flatMap(FetchConsumerOffsetsRequest.FilterOpts::replicaId)
                .map(key -> new ReplicaKey(key.topic(), key.partition()));
        Optional<String> consumer = request.filterOpts().flatMap(FetchConsumerOffsetsRequest.FilterOpts::consumerId);
        try {
            List<ConsumerOffset> consumers = new ArrayList<>();
            for (ConsumerOffsetEntry entry : engine.fetchConsumerOffsets(replica, consumer)) {
                consumers.add(new ConsumerOffset(entry.consumerId(),
                        new org.fluviokit.protocol.spu.ReplicaKey(entry.topic(), entry.partition()),
                        entry.offset(), entry.modifiedTime()));
            }
            return new FetchConsumerOffsetsResponse(CodedError.NONE, consumers);
        } catch (BrokerException e) {
            return new FetchConsumerOffsetsResponse(e.error(), List.of());
        }
    }

    private DeleteConsumerOffsetResponse deleteConsumerOffset(DeleteConsumerOffsetRequest request) {
        if (!leadsConsumerOffsets()) {
            return new DeleteConsumerOffsetResponse(CodedError.of(ErrorCode.PARTITION_NOT_LEADER)); // G5
        }
        try {
            engine.deleteConsumerOffset(new ReplicaKey(request.replicaId().topic(), request.replicaId().partition()),
                    request.consumerId());
            return new DeleteConsumerOffsetResponse(CodedError.NONE);
        } catch (BrokerException e) {
            return new DeleteConsumerOffsetResponse(e.error());
        }
    }

    // ---------------------------------------------------------------- stream fetch

    private void streamFetch(RequestHeader header, StreamFetchRequest request) {
        List<SmartModuleInvocation> chain = new ArrayList<>(request.smartmodules());
        request.smartmodule().ifPresent(chain::add);
        Optional<CodedError> refused = smartModuleError(chain);
        if (refused.isEmpty() && (request.wasmModule().length > 0 || request.derivedstream().isPresent())) {
            refused = Optional.of(CodedError.of(ErrorCode.SMART_MODULE_ERROR));
        }
        if (refused.isEmpty() && !leads(request.topic(), request.partition())) {
            refused = Optional.of(CodedError.of(ErrorCode.NOT_LEADER_FOR_PARTITION));
        }
        StreamSession session;
        try {
            if (refused.isPresent()) {
                throw new BrokerException(refused.get());
            }
            session = engine.openStream(request.topic(), request.partition(), request.fetchOffset(),
                    request.maxBytes(), request.consumerId().orElse(null));
        } catch (BrokerException e) {
            // Unknown partition: one frame with stream id 0 and nothing else (§3.6.3).
            send(header.correlationId(), header.apiVersion(), errorFrame(request.topic(), 0, request.partition(),
                    e.error()));
            return;
        }
        FetchStream stream = new FetchStream(header.correlationId(), header.apiVersion(), session);
        streams.put(session.id(), stream);
        session.onAvailable(stream::signal);
    }

    static StreamFetchResponse errorFrame(String topic, int streamId, int partition, CodedError error) {
        return new StreamFetchResponse(topic, streamId,
                FetchablePartitionResponse.of(partition, error, 0, 0, RecordSet.EMPTY));
    }

    /**
     * Pushes a stream's new batches to the client as they are appended. The engine hands each
     * batch out once per stream, and one drain at a time sends them, in order (§6.5: never the
     * same batch twice on a stream). As the real SPU does, a stream has one frame of records in
     * flight: after sending one it waits until the client's UpdateOffsets reaches the frame's end
     * before it sends the next, so a slow consumer is never flooded. The end of a stream (its
     * connection closed, its topic deleted) is sent at once. Unlike the real SPU, an acknowledgement
     * behind the frame's end does not send those records again: Fluvio's clients never send one.
     */
    private static final long NONE_IN_FLIGHT = -1;

    private final class FetchStream {
        private final int correlationId;
        private final short version;
        private final StreamSession session;
        private final Object drainLock = new Object();
        private boolean scheduled;
        private boolean ended;
        /** The offset after the last record of the frame in flight; {@link #NONE_IN_FLIGHT} when none is. */
        private long inFlightEnd = NONE_IN_FLIGHT;

        FetchStream(int correlationId, short version, StreamSession session) {
            this.correlationId = correlationId;
            this.version = version;
            this.session = session;
        }

        /** Runs on whatever thread changed the partition: only schedules a drain. */
        void signal() {
            synchronized (this) {
                if (scheduled || !mayDrain()) {
                    return;
                }
                scheduled = true;
            }
            server.execute(this::drain);
        }

        /** Whether an UpdateOffsets to {@code offset} acknowledges the frame in flight. */
        synchronized boolean acknowledges(long offset) {
            return inFlightEnd != NONE_IN_FLIGHT && offset >= inFlightEnd;
        }

        /** The frame in flight was acknowledged: the next one may go. */
        void release() {
            synchronized (this) {
                inFlightEnd = NONE_IN_FLIGHT;
            }
            signal();
        }

        private synchronized boolean mayDrain() {
            return !ended && (inFlightEnd == NONE_IN_FLIGHT || session.mustEnd());
        }

        private void drain() {
            synchronized (drainLock) {
                synchronized (this) {
                    scheduled = false;
                }
                while (mayDrain() && !isClosed()) {
                    StreamFetchResponse frame;
                    FetchResult result;
                    try {
                        result = session.poll();
                        if (result.batches().isEmpty()) {
                            return;
                        }
                        frame = new StreamFetchResponse(session.topic(), session.id(),
                                FetchablePartitionResponse.of(session.partition(), CodedError.NONE,
                                        result.highWatermark(), result.logStartOffset(),
                                        Batches.toRecordSet(result.batches())));
                    } catch (BrokerException e) {
                        // TopicDeleted, OffsetEvicted, a start beyond the log end: the SPU sends
                        // the error and ends the stream (§3.6.3).
                        end();
                        send(correlationId, version, errorFrame(session.topic(), session.id(), session.partition(),
                                e.error()));
                        return;
                    } catch (ConnectionClosedException e) {
                        // The engine dropped the connection (restart, dropConnections): so does TCP.
                        end();
                        close();
                        return;
                    }
                    synchronized (this) {
                        inFlightEnd = result.batches().get(result.batches().size() - 1).lastOffset() + 1;
                    }
                    send(correlationId, version, frame);
                }
            }
        }

        private synchronized void end() {
            ended = true;
        }
    }

    @Override
    void released() {
        engine.close();
        streams.clear();
    }

    private static Optional<CodedError> smartModuleError(List<SmartModuleInvocation> chain) {
        if (chain.isEmpty()) {
            return Optional.empty();
        }
        // The fake runs no SmartModules: a named one is "not found", an ad-hoc one fails to load.
        if (chain.get(0).wasm() instanceof SmartModuleInvocation.Wasm.Predefined predefined) {
            return Optional.of(CodedError.of(ErrorCode.SMART_MODULE_NOT_FOUND, predefined.name()));
        }
        return Optional.of(CodedError.of(ErrorCode.SMART_MODULE_ERROR));
    }
}
