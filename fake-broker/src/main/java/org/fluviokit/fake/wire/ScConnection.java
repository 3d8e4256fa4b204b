package org.fluviokit.fake.wire;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.fluviokit.fake.BrokerException;
import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.TopicConfig;
import org.fluviokit.fake.TopicInfo;
import org.fluviokit.protocol.ApiKey;
import org.fluviokit.protocol.ApiVersionsRequest;
import org.fluviokit.protocol.ApiVersionsResponse;
import org.fluviokit.protocol.ApiVersionsResponse.ApiVersionKey;
import org.fluviokit.protocol.FluvioApi;
import org.fluviokit.protocol.CodedError;
import org.fluviokit.protocol.ErrorCode;
import org.fluviokit.protocol.RequestHeader;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.sc.CreateRequest;
import org.fluviokit.protocol.sc.DeleteRequest;
import org.fluviokit.protocol.sc.ListRequest;
import org.fluviokit.protocol.sc.ListResponse;
import org.fluviokit.protocol.sc.Metadata;
import org.fluviokit.protocol.sc.ObjectApiEnvelope;
import org.fluviokit.protocol.sc.ObjectKind;
import org.fluviokit.protocol.sc.PartitionSpec;
import org.fluviokit.protocol.sc.PartitionStatus;
import org.fluviokit.protocol.sc.ReplicaSpec;
import org.fluviokit.protocol.sc.Status;
import org.fluviokit.protocol.sc.TopicSpec;
import org.fluviokit.protocol.sc.TopicStatus;
import org.fluviokit.protocol.sc.WatchRequest;

/**
 * A connection to the SC listener: ApiVersions and the object APIs Create, Delete, List and
 * Watch (spec §3.4, §6.4).
 */
final class ScConnection extends WireConnection {

    /** What the real SC advertises, in its order (§3.1, §6.2, example B). */
    static final List<ApiVersionKey> API_KEYS = FluvioApi.listedBy(FluvioApi.Role.SC);

    private static final String TOPIC = ObjectKind.TOPIC.label();
    private static final String PARTITION = ObjectKind.PARTITION.label();
    private static final String SPU = ObjectKind.SPU.label();

    private final FakeBroker broker;
    private final MetadataPublisher metadata;

    ScConnection(WireServer server, Socket socket) throws IOException {
        super(server, socket, "SC");
        this.broker = server.broker();
        this.metadata = server.metadata();
    }

    @Override
    void handle(RequestHeader header, WireReader in) {
        short version = header.apiVersion();
        switch (header.apiKey()) {
            case ApiKey.Sc.API_VERSIONS -> apiVersions(header, in);
            case ApiKey.Sc.CREATE -> send(header.correlationId(), version,
                    create(ObjectApiEnvelope.decode(in, version), version));
            case ApiKey.Sc.DELETE -> send(header.correlationId(), version,
                    delete(ObjectApiEnvelope.decode(in, version), version));
            case ApiKey.Sc.LIST -> list(header, ObjectApiEnvelope.decode(in, version));
            case ApiKey.Sc.WATCH -> watch(header, ObjectApiEnvelope.decode(in, version));
            case ApiKey.Sc.UPDATE -> send(header.correlationId(), version, Status.error("update error",
                    CodedError.other("the fake broker does not update objects"), "not supported by fluviokit"));
            case ApiKey.Sc.MIRRORING -> throw new CloseConnection("Mirroring (1005) is not supported by the fake broker");
            default -> throw new CloseConnection("unknown SC api key " + header.apiKey());
        }
    }

    private void apiVersions(RequestHeader header, WireReader in) {
        ApiVersionsRequest request = ApiVersionsRequest.decode(in, header.apiVersion());
        if (!request.hasSemverClientVersion()) {
            // The real SC parses client_version as semver and hangs up when it is not (§2.2 step 2).
            throw new CloseConnection("client_version \"" + request.clientVersion() + "\" is not semver");
        }
        send(header.correlationId(), header.apiVersion(),
                ApiVersionsResponse.of(API_KEYS, server.platformVersion()));
    }

    private Status create(ObjectApiEnvelope envelope, short version) {
        if (!TOPIC.equals(envelope.label())) {
            // What the real SC answers for kinds it cannot create (§6.4).
            return new Status("create error", CodedError.other("unknown admin object type"), Optional.empty());
        }
        CreateRequest<TopicSpec> request = CreateRequest.decode(envelope, version, ObjectKind.TOPIC);
        String name = request.common().name();
        try {
            TopicConfig config = topicConfig(request.spec());
            // The broker tells the metadata watchers (before returning) and only then is the
            // Status sent: a client that creates and then produces finds the topic (§6.3).
            broker.createTopic(name, config, request.common().dryRun());
            return Status.ok(name);
        } catch (BrokerException e) {
            return status(name, e);
        }
    }

    private TopicConfig topicConfig(TopicSpec spec) {
        int partitions;
        int replication;
        boolean ignoreRack = false;
        ReplicaSpec replicas = spec.replicas();
        if (replicas instanceof ReplicaSpec.Computed computed) {
            partitions = computed.partitions();
            replication = computed.replicationFactor();
            ignoreRack = computed.ignoreRackAssignment();
        } else if (replicas instanceof ReplicaSpec.Assigned assigned) {
            partitions = assigned.maps().size();
            replication = assigned.maps().isEmpty() ? 1 : Math.max(1, assigned.maps().get(0).replicas().size());
        } else {
            throw refused(ErrorCode.TOPIC_ERROR, "mirror topics are not supported by the fake broker");
        }
        if (Integer.toUnsignedLong(partitions) > server.maxPartitions()) {
            throw refused(ErrorCode.TOPIC_ERROR, "the fake broker accepts at most " + server.maxPartitions()
                    + " partitions per topic, not " + Integer.toUnsignedLong(partitions));
        }
        TopicConfig config = new TopicConfig(partitions, replication, ignoreRack, Optional.empty(), Optional.empty(),
                Optional.empty(), MetadataPublisher.compressionName(spec.compressionType()), spec.system());
        if (spec.cleanupPolicy().isPresent()) {
            config = config.withRetention(Duration.ofSeconds(spec.cleanupPolicy().get().timeInSeconds()));
        }
        if (spec.storage().isPresent()) {
            var storage = spec.storage().get();
            Optional<Integer> segment = Optional.empty();
            if (storage.segmentSize().isPresent()) {
                long size = storage.segmentSize().getAsLong();
                if (size > Integer.MAX_VALUE) {
                    throw refused(ErrorCode.TOPIC_INVALID_CONFIGURATION,
                            "segment_size " + size + " is larger than the fake broker accepts");
                }
                segment = Optional.of((int) size);
            }
            Optional<Long> max = storage.maxPartitionSize().isPresent()
                    ? Optional.of(storage.maxPartitionSize().getAsLong()) : Optional.empty();
            config = config.withStorage(segment, max);
        }
        return config;
    }

    private Status delete(ObjectApiEnvelope envelope, short version) {
        if (!TOPIC.equals(envelope.label())) {
            return new Status("delete error", CodedError.other("unknown admin object type"), Optional.empty());
        }
        DeleteRequest request = DeleteRequest.decode(envelope, version);
        try {
            broker.deleteTopic(request.key(), request.force());
            return Status.ok(request.key());
        } catch (BrokerException e) {
            return status(request.key(), e);
        }
    }

    private void list(RequestHeader header, ObjectApiEnvelope envelope) {
        short version = header.apiVersion();
        String label = envelope.label();
        if (TOPIC.equals(label)) {
            ListRequest request = ListRequest.decode(envelope, version);
            List<Metadata<TopicSpec, TopicStatus>> objects = new ArrayList<>();
            for (TopicInfo topic : listTopics()) {
                if (topic.config().system() == request.system() && matches(request, topic.name())) {
                    objects.add(MetadataPublisher.topic(topic));
                }
            }
            send(header.correlationId(), version, new ListResponse<>(ObjectKind.TOPIC, objects));
        } else if (PARTITION.equals(label)) {
            ListRequest request = ListRequest.decode(envelope, version);
            List<Metadata<PartitionSpec, PartitionStatus>> objects = new ArrayList<>();
            for (TopicInfo topic : listTopics()) {
                // The real SC ignores the name filters of a partition List (only the system flag counts).
                if (topic.config().system() == request.system()) {
                    objects.addAll(MetadataPublisher.partitions(topic));
                }
            }
            send(header.correlationId(), version, new ListResponse<>(ObjectKind.PARTITION, objects));
        } else if (SPU.equals(label)) {
            ListRequest request = ListRequest.decode(envelope, version);
            send(header.correlationId(), version,
                    new ListResponse<>(ObjectKind.SPU, filter(metadata.spus(), m -> matches(request, m.name()))));
        } else if (MetadataPublisher.EMPTY_LIST_LABELS.contains(label)) {
            send(header.correlationId(), version, (out, v) -> {
                out.string(label);
                out.lengthPrefixed(w -> w.u32(0));
            });
        } else {
            // The real SC fails the request and the connection with it.
            throw new CloseConnection("List of unknown object type \"" + label + "\"");
        }
    }

    private List<TopicInfo> listTopics() {
        try {
            return broker.listTopics();
        } catch (BrokerException e) {
            // A List response has no error field: an SC that fails a List drops the connection.
            throw new CloseConnection("List failed: " + e.getMessage());
        }
    }

    private void watch(RequestHeader header, ObjectApiEnvelope envelope) {
        String label = envelope.label();
        WatchRequest.decode(envelope, header.apiVersion());
        if (!TOPIC.equals(label) && !PARTITION.equals(label) && !SPU.equals(label)
                && !MetadataPublisher.EMPTY_WATCH_LABELS.contains(label)) {
            // §3.4.4: a Watch for an unsupported label makes the SC end the connection.
            throw new CloseConnection("Watch of unknown object type \"" + label + "\"");
        }
        metadata.watch(this, header.correlationId(), header.apiVersion(), label);
    }

    @Override
    void released() {
        metadata.unwatch(this);
    }

    private static boolean matches(ListRequest request, String name) {
        if (request.nameFilters().isEmpty()) {
            return true;
        }
        for (String filter : request.nameFilters()) {
            if (name.contains(filter)) {
                return true;
            }
        }
        return false;
    }

    private static <T> List<T> filter(List<T> values, Predicate<T> keep) {
        return values.stream().filter(keep).toList();
    }

    /** The SC's Status for a refused request: its own message when it has one (§3.4.1). */
    private static Status status(String name, BrokerException e) {
        boolean ownMessage = e.getMessage() != null && !e.getMessage().equals(e.error().message());
        return new Status(name, e.error(), ownMessage ? Optional.of(e.getMessage()) : Optional.empty());
    }

    private static BrokerException refused(ErrorCode code, String message) {
        return new BrokerException(CodedError.of(code), message);
    }
}
