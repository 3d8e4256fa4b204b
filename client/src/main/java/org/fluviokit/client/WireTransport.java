package org.fluviokit.client;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.fluviokit.client.spi.FluvioErrors;
import org.fluviokit.client.spi.TimeSource;
import org.fluviokit.client.spi.Transport;
import org.fluviokit.client.spi.TransportException;
import org.fluviokit.protocol.CodedError;
import org.fluviokit.protocol.ErrorCode;
import org.fluviokit.protocol.FluvioApi;
import org.fluviokit.protocol.ProtocolException;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.record.Record;
import org.fluviokit.protocol.record.RecordBatch;
import org.fluviokit.protocol.sc.CleanupPolicy;
import org.fluviokit.protocol.sc.CompressionAlgorithm;
import org.fluviokit.protocol.sc.CreateRequest;
import org.fluviokit.protocol.sc.DeleteRequest;
import org.fluviokit.protocol.sc.ListRequest;
import org.fluviokit.protocol.sc.ListResponse;
import org.fluviokit.protocol.sc.Metadata;
import org.fluviokit.protocol.sc.ObjectKind;
import org.fluviokit.protocol.sc.PartitionSpec;
import org.fluviokit.protocol.sc.PartitionStatus;
import org.fluviokit.protocol.sc.ReplicaSpec;
import org.fluviokit.protocol.sc.SpuSpec;
import org.fluviokit.protocol.sc.Status;
import org.fluviokit.protocol.sc.TopicStatus;
import org.fluviokit.protocol.sc.TopicStorageConfig;
import org.fluviokit.protocol.spu.DeleteConsumerOffsetRequest;
import org.fluviokit.protocol.spu.DeleteConsumerOffsetResponse;
import org.fluviokit.protocol.spu.FetchConsumerOffsetsRequest;
import org.fluviokit.protocol.spu.FetchConsumerOffsetsResponse;
import org.fluviokit.protocol.spu.FetchOffsetsRequest;
import org.fluviokit.protocol.spu.FetchOffsetsResponse;
import org.fluviokit.protocol.spu.ProduceRequest;
import org.fluviokit.protocol.spu.ProduceResponse;
import org.fluviokit.protocol.spu.StreamFetchRequest;
import org.fluviokit.protocol.spu.StreamFetchResponse;
import org.fluviokit.protocol.spu.UpdateConsumerOffsetRequest;
import org.fluviokit.protocol.spu.UpdateConsumerOffsetResponse;
import org.fluviokit.protocol.spu.UpdateOffsetsRequest;

/**
 * Reaches a real Fluvio cluster (or the fake's wire server) over Fluvio's binary protocol, as
 * Fluvio's Rust client does (spec wire-protocol §2): one multiplexed connection to the SC with the
 * metadata watches, one per SPU, each request at the version negotiated with that server.
 * Connections that broke are opened again on the next request (an SPU's, or the SC's with its
 * watches), so the client logic above sees the same reconnect behaviour as with the fake.
 */
final class WireTransport implements Transport {

    /** The partition that leads consumer offsets (K1). */
    private static final String CONSUMER_OFFSET_TOPIC = "consumer-offset";
    /** When this JVM last deleted a topic, per cluster endpoint (System.nanoTime()). */
    private static final java.util.concurrent.ConcurrentMap<String, Long> LAST_DELETE =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final String host;
    private final int port;
    private final ClusterSettings settings;
    private final TimeSource time = TimeSource.real(Clock.systemUTC());
    private final Map<Integer, WireSocket> spus = new HashMap<>();
    private final java.util.function.Consumer<WireTransport> onClose;
    private ScMetadata metadata;
    private boolean closed;

    /** Connects to the SC at {@code host:port}; {@code onClose} is told when the transport closes. */
    WireTransport(String host, int port, ClusterSettings settings, java.util.function.Consumer<WireTransport> onClose) {
        this.host = host;
        this.port = port;
        this.settings = settings;
        this.onClose = onClose;
        metadata();
    }

    /** The connections to the SC and the SPUs that have not seen their end yet. */
    synchronized List<WireSocket> openSockets() {
        List<WireSocket> open = new ArrayList<>();
        if (metadata != null && !metadata.isClosed()) {
            open.add(metadata.socket());
        }
        for (WireSocket spu : spus.values()) {
            if (!spu.isClosed()) {
                open.add(spu);
            }
        }
        return open;
    }

    @Override
    public TimeSource time() {
        return time;
    }

    @Override
    public String describe() {
        return "cluster " + host + ":" + port;
    }

    // ---------------------------------------------------------------- SC

    @Override
    public void createTopic(String name, TopicSpec spec, boolean dryRun) {
        if (!dryRun) {
            awaitDeleteSettled();
        }
        ScMetadata cluster = metadata();
        WireSocket sc = cluster.socket();
        short version = version(sc, FluvioApi.CREATE);
        CreateRequest<org.fluviokit.protocol.sc.TopicSpec> request = new CreateRequest<>(ObjectKind.TOPIC,
                new CreateRequest.CommonCreateRequest(name, dryRun, java.util.OptionalLong.empty()), wireSpec(spec));
        Status status = Status.decode(sc.request(CreateRequest.API_KEY, version, request), version);
        if (!status.errorCode().isOk()) {
            throw FluvioErrors.admin(status.errorCode(), status.errorMessage().orElse(null));
        }
        if (!dryRun) {
            // A real SC publishes the topic and its partitions before answering (§6.3); wait for them anyway.
            cluster.awaitChange(() -> cluster.partition(name, spec.partitions() - 1).isPresent());
        }
    }

    @Override
    public void deleteTopic(String name, boolean force) {
        ScMetadata cluster = metadata();
        int partitions = cluster.topic(name).map(topic -> topic.spec().partitionCount()).orElse(1);
        WireSocket sc = cluster.socket();
        short version = version(sc, FluvioApi.DELETE);
        Status status = Status.decode(sc.request(DeleteRequest.API_KEY, version,
                new DeleteRequest(ObjectKind.TOPIC.label(), name, force)), version);
        if (!status.errorCode().isOk()) {
            throw FluvioErrors.admin(status.errorCode(), status.errorMessage().orElse(null));
        }
        // The topic and its partitions are gone from the metadata before the name can be used again.
        cluster.awaitChange(() -> {
            if (cluster.topic(name).isPresent()) {
                return false;
            }
            for (int p = 0; p < partitions; p++) {
                if (cluster.partition(name, p).isPresent()) {
                    return false;
                }
            }
            return true;
        });
        LAST_DELETE.put(host + ":" + port, System.nanoTime());
    }

    /** Lets the cluster settle after a delete before a create ({@link ClusterSettings#deleteSettleTime()}). */
    private void awaitDeleteSettled() {
        Long deleted = LAST_DELETE.get(host + ":" + port);
        if (deleted == null) {
            return;
        }
        long remaining = settings.deleteSettleTime().toNanos() - (System.nanoTime() - deleted);
        if (remaining > 0) {
            try {
                java.util.concurrent.TimeUnit.NANOSECONDS.sleep(remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException("interrupted while waiting to create a topic", e);
            }
        }
    }

    @Override
    public List<TopicMetadata> listTopics() {
        ScMetadata cluster = metadata();
        WireSocket sc = cluster.socket();
        short version = version(sc, FluvioApi.LIST);
        List<TopicMetadata> result = new ArrayList<>();
        // The SC lists either user or system topics (§3.4.4); ask for both.
        for (boolean system : new boolean[] {false, true}) {
            ListRequest request = new ListRequest(ObjectKind.TOPIC.label(), List.of(), false, system);
            ListResponse<org.fluviokit.protocol.sc.TopicSpec, TopicStatus> response = ListResponse.decode(
                    sc.request(ListRequest.API_KEY, version, request), version, ObjectKind.TOPIC);
            for (Metadata<org.fluviokit.protocol.sc.TopicSpec, TopicStatus> topic : response.objects()) {
                result.add(metadata(topic, cluster));
            }
        }
        return result;
    }

    @Override
    public Optional<TopicMetadata> topic(String name) {
        ScMetadata cluster = metadata();
        return cluster.topic(name).map(topic -> metadata(topic, cluster));
    }

    // ---------------------------------------------------------------- SPU

    @Override
    public long produce(String topic, int partition, List<OutgoingRecord> records) {
        WireSocket spu = leaderOf(topic, partition, ErrorCode.NOT_LEADER_FOR_PARTITION);
        long first = records.get(0).timestamp();
        List<Record> wireRecords = new ArrayList<>(records.size());
        for (OutgoingRecord record : records) {
            Record wire = record.key() == null ? Record.of(record.value()) : Record.of(record.key(), record.value());
            wireRecords.add(wire.withTimestampDelta(Math.max(0, record.timestamp() - first)));
        }
        RecordBatch batch = RecordBatch.ofRecords(first, org.fluviokit.protocol.record.Compression.NONE, wireRecords);
        short version = version(spu, FluvioApi.PRODUCE);
        ProduceResponse response;
        try {
            response = ProduceResponse.decode(
                    spu.request(ProduceRequest.API_KEY, version, ProduceRequest.of(topic, partition, batch)), version);
        } catch (SocketError e) {
            throw FluvioErrors.recordMetadataLost();
        }
        ProduceResponse.PartitionProduceResponse answer = response.responses().get(0).partitions().get(0);
        if (!answer.errorCode().isOk()) {
            throw FluvioErrors.produce(answer.errorCode());
        }
        return answer.baseOffset();
    }

    @Override
    public Offsets fetchOffsets(String topic, int partition) {
        WireSocket spu = leaderOf(topic, partition, ErrorCode.PARTITION_NOT_LEADER);
        short version = version(spu, FluvioApi.FETCH_OFFSETS);
        FetchOffsetsResponse response = FetchOffsetsResponse.decode(
                spu.request(FetchOffsetsRequest.API_KEY, version, FetchOffsetsRequest.of(topic, partition)), version);
        FetchOffsetsResponse.FetchOffsetPartitionResponse answer = response.topics().get(0).partitions().get(0);
        // §3.6.2: the Rust client uses the offsets whatever the error code says
        return new Offsets(answer.startOffset(), answer.lastStableOffset());
    }

    @Override
    public StreamHandle streamFetch(String topic, int partition, long fetchOffset, int maxBytes, String consumerId,
                                    Runnable onData) {
        WireSocket spu = leaderOf(topic, partition, ErrorCode.NOT_LEADER_FOR_PARTITION);
        short version = version(spu, FluvioApi.STREAM_FETCH);
        StreamFetchRequest request = StreamFetchRequest.of(topic, partition, fetchOffset).withMaxBytes(maxBytes);
        if (consumerId != null) {
            request = request.withConsumerId(consumerId);
        }
        WireStream stream = new WireStream(spu, version, onData);
        stream.correlationId = spu.stream(StreamFetchRequest.API_KEY, version, request, settings.clientId(),
                stream::frame, stream::lost);
        return stream;
    }

    @Override
    public List<ConsumerOffset> fetchConsumerOffsets(String topic, Integer partition, String consumerId) {
        WireSocket leader = leaderOf(CONSUMER_OFFSET_TOPIC, 0, ErrorCode.PARTITION_NOT_LEADER);
        short version = version(leader, FluvioApi.FETCH_CONSUMER_OFFSETS);
        FetchConsumerOffsetsRequest request = new FetchConsumerOffsetsRequest(
                topic == null && consumerId == null ? Optional.empty()
                        : Optional.of(new FetchConsumerOffsetsRequest.FilterOpts(
                                topic == null ? Optional.empty()
                                        : Optional.of(new org.fluviokit.protocol.spu.ReplicaKey(topic,
                                                partition == null ? 0 : partition)),
                                Optional.ofNullable(consumerId))));
        FetchConsumerOffsetsResponse response = FetchConsumerOffsetsResponse.decode(
                leader.request(FetchConsumerOffsetsRequest.API_KEY, version, request), version);
        if (!response.errorCode().isOk()) {
            throw FluvioErrors.fetchConsumerOffsets(response.errorCode());
        }
        List<ConsumerOffset> result = new ArrayList<>();
        for (FetchConsumerOffsetsResponse.ConsumerOffset offset : response.consumers()) {
            result.add(new ConsumerOffset(offset.consumerId(), offset.replicaId().topic(), offset.replicaId().partition(),
                    offset.offset(), offset.modifiedTime()));
        }
        return result;
    }

    @Override
    public void deleteConsumerOffset(String consumerId, String topic, int partition) {
        WireSocket leader = leaderOf(CONSUMER_OFFSET_TOPIC, 0, ErrorCode.PARTITION_NOT_LEADER);
        short version = version(leader, FluvioApi.DELETE_CONSUMER_OFFSET);
        DeleteConsumerOffsetResponse response = DeleteConsumerOffsetResponse.decode(
                leader.request(DeleteConsumerOffsetRequest.API_KEY, version, new DeleteConsumerOffsetRequest(
                        new org.fluviokit.protocol.spu.ReplicaKey(topic, partition), consumerId)), version);
        if (!response.errorCode().isOk()) {
            throw FluvioErrors.deleteConsumerOffset(response.errorCode());
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (metadata != null) {
            metadata.close();
        }
        spus.values().forEach(WireSocket::close);
        spus.clear();
        time.close();
        onClose.accept(this);
    }

    // ---------------------------------------------------------------- connections

    private synchronized ScMetadata metadata() {
        if (closed) {
            throw new IllegalStateException("this client is closed");
        }
        if (metadata == null || metadata.isClosed()) {
            metadata = ScMetadata.connect(host, port, settings);
        }
        return metadata;
    }

    /** The connection to the SPU that leads the partition (§2.4), opened on first use and again after it broke. */
    private WireSocket leaderOf(String topic, int partition, ErrorCode whenMissing) {
        ScMetadata cluster = metadata();
        Metadata<PartitionSpec, PartitionStatus> found = cluster.partition(topic, partition)
                .orElseThrow(() -> CONSUMER_OFFSET_TOPIC.equals(topic)
                        ? FluvioErrors.partitionNotFound(topic, partition)
                        : new FluvioException(whenMissing, "Partition not found: " + topic + "-" + partition));
        int leader = found.spec().leader();
        synchronized (this) {
            WireSocket socket = spus.get(leader);
            if (socket == null || socket.isClosed()) {
                SpuSpec spu = cluster.spu(leader).orElseThrow(() -> new FluvioException(ErrorCode.SPU_NOT_FOUND,
                        "Spu not found: " + leader));
                SpuSpec.IngressAddr address = spu.publicEndpoint().ingress().isEmpty() ? null
                        : spu.publicEndpoint().ingress().get(0);
                String spuHost = address == null ? "" : address.hostname().or(address::ip).orElse("");
                try {
                    socket = WireSocket.connect(spuHost, spu.publicEndpoint().port(), settings.clientId(), settings);
                } catch (TransportException e) {
                    // Fluvio's client shows a failed connection to an SPU as a FluvioError::Socket
                    throw new TransportException("Socket error: " + e.getMessage(), e);
                }
                spus.put(leader, socket);
            }
            return socket;
        }
    }

    /** The version to send {@code api} at over {@code socket}, from the one table of versions (wire-protocol §3.1). */
    static short version(WireSocket socket, FluvioApi api) {
        return socket.negotiate(api).orElseThrow(() -> new FluvioException(ErrorCode.OTHER,
                "no version found for: " + api.key()));
    }

    // ---------------------------------------------------------------- conversions

    private static org.fluviokit.protocol.sc.TopicSpec wireSpec(TopicSpec spec) {
        org.fluviokit.protocol.sc.TopicSpec wire = org.fluviokit.protocol.sc.TopicSpec.of(
                new ReplicaSpec.Computed(spec.partitions(), spec.replicationFactor(), false));
        if (spec.retentionTime().isPresent()) {
            wire = wire.withCleanupPolicy(CleanupPolicy.segment(spec.retentionTime().get().getSeconds()));
        }
        if (spec.segmentSize().isPresent() || spec.maxPartitionSize().isPresent()) {
            wire = wire.withStorage(new TopicStorageConfig(
                    spec.segmentSize().map(java.util.OptionalLong::of).orElse(java.util.OptionalLong.empty()),
                    spec.maxPartitionSize().map(java.util.OptionalLong::of).orElse(java.util.OptionalLong.empty())));
        }
        return wire.withCompressionType(CompressionAlgorithm.valueOf(spec.compression().toUpperCase(java.util.Locale.ROOT)))
                .withSystem(spec.system());
    }

    private static TopicMetadata metadata(Metadata<org.fluviokit.protocol.sc.TopicSpec, TopicStatus> topic,
                                          ScMetadata cluster) {
        org.fluviokit.protocol.sc.TopicSpec wire = topic.spec();
        int replication = wire.replicas() instanceof ReplicaSpec.Computed computed ? computed.replicationFactor()
                : topic.status().replicaMap().values().stream().mapToInt(List::size).max().orElse(1);
        TopicSpec spec = new TopicSpec(wire.partitionCount(), replication,
                wire.cleanupPolicy().map(policy -> Duration.ofSeconds(policy.timeInSeconds())),
                wire.storage().flatMap(s -> s.segmentSize().isPresent()
                        ? Optional.of((int) s.segmentSize().getAsLong()) : Optional.empty()),
                wire.storage().flatMap(s -> s.maxPartitionSize().isPresent()
                        ? Optional.of(s.maxPartitionSize().getAsLong()) : Optional.empty()),
                wire.compressionType().name().toLowerCase(java.util.Locale.ROOT), wire.system());
        List<TopicMetadata.Partition> partitions = new ArrayList<>();
        for (int p = 0; p < wire.partitionCount(); p++) {
            Optional<Metadata<PartitionSpec, PartitionStatus>> partition = cluster.partition(topic.name(), p);
            int leader = partition.map(m -> m.spec().leader()).orElse(-1);
            long hw = partition.map(m -> m.status().leader().hw()).orElse(0L);
            long base = partition.map(m -> m.status().baseOffset()).orElse(0L);
            long size = partition.map(m -> m.status().size()).orElse(-1L);
            partitions.add(new TopicMetadata.Partition(p, leader, base, hw, size));
        }
        return new TopicMetadata(topic.name(), spec, topic.status().resolution().name().toLowerCase(java.util.Locale.ROOT),
                topic.status().reason(), partitions);
    }

    /** A StreamFetch: response frames queued by the reader thread, taken by the consumer. */
    private final class WireStream implements StreamHandle {
        private final WireSocket spu;
        private final short version;
        private final Runnable onData;
        private final Deque<StreamResponse> responses = new ArrayDeque<>();
        private volatile int streamId;
        private volatile String lost;
        int correlationId;

        WireStream(WireSocket spu, short version, Runnable onData) {
            this.spu = spu;
            this.version = version;
            this.onData = onData;
        }

        void frame(WireReader in) {
            StreamResponse response;
            try {
                StreamFetchResponse decoded = StreamFetchResponse.decode(in, version);
                streamId = decoded.streamId();
                List<FetchedBatch> batches = new ArrayList<>();
                for (RecordBatch batch : decoded.partition().records().batches()) {
                    batches.add(new DecodedBatch(batch));
                }
                response = new StreamResponse(batches, decoded.partition().errorCode());
            } catch (ProtocolException e) {
                response = new StreamResponse(List.of(), CodedError.other(e.getMessage()));
            }
            synchronized (this) {
                responses.add(response);
            }
            onData.run();
        }

        void lost(String reason) {
            lost = reason;
            onData.run();
        }

        @Override
        public int streamId() {
            return streamId;
        }

        @Override
        public StreamResponse poll() {
            synchronized (this) {
                StreamResponse next = responses.poll();
                if (next != null) {
                    return next;
                }
            }
            if (lost != null) {
                throw new TransportException("connection to " + spu.address() + " " + lost);
            }
            return null;
        }

        @Override
        public void acknowledge(long nextOffset) {
            // Flow control; its answer does not matter to the client (§3.6.4).
            spu.send(UpdateOffsetsRequest.API_KEY, (short) 0, UpdateOffsetsRequest.of(nextOffset, streamId),
                    settings.clientId());
        }

        @Override
        public CompletableFuture<CodedError> updateConsumerOffset(long offset) {
            // A flush goes on the stream's own connection (G1); Fluvio's client words its failures as its
            // socket does: stale when the connection had ended before, closed when it ended meanwhile.
            short flushVersion = version(spu, FluvioApi.UPDATE_CONSUMER_OFFSET);
            return spu.send(UpdateConsumerOffsetRequest.API_KEY, flushVersion,
                            new UpdateConsumerOffsetRequest(offset, streamId), settings.clientId())
                    .thenApply(in -> UpdateConsumerOffsetResponse.decode(in, flushVersion).errorCode());
        }

        @Override
        public void close() {
            spu.forgetStream(correlationId);
        }
    }

    /** A record batch as it came off the wire: offsets are base + index, times first + delta (§3.6.3). */
    private static final class DecodedBatch implements FetchedBatch {
        private final RecordBatch batch;
        private final List<Record> records;

        DecodedBatch(RecordBatch batch) {
            this.batch = batch;
            this.records = batch.records();
        }

        @Override
        public long baseOffset() {
            return batch.baseOffset();
        }

        @Override
        public int recordCount() {
            return Math.min(batch.recordCount(), records.size());
        }

        @Override
        public byte[] key(int index) {
            return records.get(index).key().orElse(null);
        }

        @Override
        public byte[] value(int index) {
            return records.get(index).value();
        }

        @Override
        public long timestamp(int index) {
            return batch.firstTimestamp() <= 0 ? -1 : batch.firstTimestamp() + records.get(index).timestampDelta();
        }
    }
}
