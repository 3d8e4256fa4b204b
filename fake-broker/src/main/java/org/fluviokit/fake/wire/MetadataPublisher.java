package org.fluviokit.fake.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListSet;

import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.TopicConfig;
import org.fluviokit.fake.TopicInfo;
import org.fluviokit.fake.internal.BrokerEngine;
import org.fluviokit.fake.internal.BrokerListener;
import org.fluviokit.protocol.Encodable;
import org.fluviokit.protocol.Frames;
import org.fluviokit.protocol.sc.CleanupPolicy;
import org.fluviokit.protocol.sc.CompressionAlgorithm;
import org.fluviokit.protocol.sc.Metadata;
import org.fluviokit.protocol.sc.MetadataUpdate;
import org.fluviokit.protocol.sc.MetadataUpdate.Message;
import org.fluviokit.protocol.sc.ObjectKind;
import org.fluviokit.protocol.sc.PartitionSpec;
import org.fluviokit.protocol.sc.PartitionStatus;
import org.fluviokit.protocol.sc.ReplicaSpec;
import org.fluviokit.protocol.sc.SpuSpec;
import org.fluviokit.protocol.sc.SpuStatus;
import org.fluviokit.protocol.sc.TopicSpec;
import org.fluviokit.protocol.sc.TopicStatus;
import org.fluviokit.protocol.sc.TopicStorageConfig;
import org.fluviokit.protocol.sc.WatchResponse;

/**
 * What the SC publishes: the broker's topics, their partitions and the SPUs as SC metadata
 * objects (spec §3.5, §6.3), and the open Watch streams of every SC connection, to which every
 * topic change is pushed (§6.3).
 *
 * <p>Changes are written to every watch before the broker call that made them returns, so a
 * client that creates a topic and then produces finds the topic in its metadata cache: the
 * Create's Status is only sent after that (§6.3).
 */
final class MetadataPublisher implements BrokerListener {

    /** Labels the real SC can watch; those this fake has no objects of get an empty snapshot. */
    static final List<String> EMPTY_WATCH_LABELS = List.of("SpuGroup", "SmartModule", "TableFormat");
    /** Labels the real SC can list; those this fake has no objects of are listed empty. */
    static final List<String> EMPTY_LIST_LABELS = List.of("SpuGroup", "CustomSpu", "SmartModule", "TableFormat",
            "Mirror");

    /** One open Watch stream. */
    private record Watch(ScConnection connection, int correlationId, short version, String label) {
    }

    private final WireServer server;
    private final FakeBroker broker;
    private final List<Watch> watches = new ArrayList<>();
    /**
     * Names of the broker's topics, followed through the listener: {@link FakeBroker#listTopics()}
     * serves (and may fail) a client's List request, which publishing metadata is not.
     */
    private final Set<String> topicNames = new ConcurrentSkipListSet<>();
    private long epoch = 1;

    MetadataPublisher(WireServer server, FakeBroker broker) {
        this.server = server;
        this.broker = broker;
    }

    /** Starts following the broker: from now on every topic change reaches the watches. */
    void attach() {
        BrokerEngine.of(broker).addListener(this);
        for (TopicInfo topic : broker.listTopics()) {
            topicNames.add(topic.name());
        }
    }

    void detach() {
        BrokerEngine.of(broker).removeListener(this);
    }

    // ---------------------------------------------------------------- watches

    /**
     * Opens a watch: sends the full snapshot of {@code label} at once, then every change. Labels
     * without objects here get an empty snapshot (as a real SC with none of them sends).
     */
    void watch(ScConnection connection, int correlationId, short version, String label) {
        synchronized (watches) {
            Encodable snapshot = switch (label) {
                case "Topic" -> new WatchResponse<>(ObjectKind.TOPIC, MetadataUpdate.withAll(epoch, topics()));
                case "Partition" -> new WatchResponse<>(ObjectKind.PARTITION,
                        MetadataUpdate.withAll(epoch, partitions()));
                case "SPU" -> new WatchResponse<>(ObjectKind.SPU, MetadataUpdate.withAll(epoch, spus()));
                default -> emptyUpdate(label, epoch);
            };
            connection.send(Frames.response(correlationId, version, snapshot));
            watches.add(new Watch(connection, correlationId, version, label));
        }
    }

    void unwatch(ScConnection connection) {
        synchronized (watches) {
            watches.removeIf(watch -> watch.connection() == connection);
        }
    }

    @Override
    public void topicCreated(TopicInfo topic) {
        topicNames.add(topic.name());
        push(topic, MetadataUpdate.MsgType.UPDATE);
    }

    @Override
    public void topicDeleted(TopicInfo topic) {
        topicNames.remove(topic.name());
        push(topic, MetadataUpdate.MsgType.DELETE);
    }

    @Override
    public void restarted() {
        // A restarted cluster drops every connection, the SC's included (K4, M1).
        server.closeConnections();
    }

    /** Partitions before the topic: a client that sees the topic finds its partitions too. */
    private void push(TopicInfo topic, MetadataUpdate.MsgType type) {
        List<Message<PartitionSpec, PartitionStatus>> partitionChanges = new ArrayList<>();
        for (Metadata<PartitionSpec, PartitionStatus> partition : partitions(topic)) {
            partitionChanges.add(new Message<>(type, partition));
        }
        List<Message<TopicSpec, TopicStatus>> topicChanges = List.of(new Message<>(type, topic(topic)));
        synchronized (watches) {
            epoch++;
            for (Watch watch : List.copyOf(watches)) {
                Encodable body = switch (watch.label()) {
                    case "Topic" -> new WatchResponse<>(ObjectKind.TOPIC, MetadataUpdate.withChanges(epoch, topicChanges));
                    case "Partition" -> new WatchResponse<>(ObjectKind.PARTITION,
                            MetadataUpdate.withChanges(epoch, partitionChanges));
                    default -> null;
                };
                if (body != null) {
                    watch.connection().send(Frames.response(watch.correlationId(), watch.version(), body));
                }
            }
        }
    }

    /** A Watch frame with neither changes nor a snapshot: the label's payload needs no spec codec. */
    static Encodable emptyUpdate(String label, long epoch) {
        return (out, version) -> {
            out.string(label);
            out.lengthPrefixed(w -> w.i64(epoch).u32(0).u32(0));
        };
    }

    // ---------------------------------------------------------------- objects

    /** Every topic, system ones included, by name. */
    List<TopicInfo> topicInfos() {
        List<TopicInfo> result = new ArrayList<>();
        for (String name : topicNames) {
            broker.topic(name).ifPresent(result::add);
        }
        return result;
    }

    List<Metadata<TopicSpec, TopicStatus>> topics() {
        List<Metadata<TopicSpec, TopicStatus>> result = new ArrayList<>();
        for (TopicInfo topic : topicInfos()) {
            result.add(topic(topic));
        }
        return result;
    }

    List<Metadata<PartitionSpec, PartitionStatus>> partitions() {
        List<Metadata<PartitionSpec, PartitionStatus>> result = new ArrayList<>();
        for (TopicInfo topic : topicInfos()) {
            result.addAll(partitions(topic));
        }
        return result;
    }

    List<Metadata<SpuSpec, SpuStatus>> spus() {
        List<Metadata<SpuSpec, SpuStatus>> result = new ArrayList<>();
        for (int id : broker.spuIds()) {
            int port = server.spuPort(id);
            result.add(new Metadata<>("custom-spu-" + id,
                    SpuSpec.custom(id, server.advertisedHost(), port, Math.min(port + 1, 0xFFFF)), SpuStatus.ONLINE));
        }
        return result;
    }

    /** The topic as the SC publishes it (§3.5.1): provisioned, every partition on its leader. */
    static Metadata<TopicSpec, TopicStatus> topic(TopicInfo topic) {
        SortedMap<Integer, List<Integer>> replicaMap = new TreeMap<>();
        for (TopicInfo.PartitionInfo partition : topic.partitions()) {
            replicaMap.put(partition.partition(), List.of(partition.leader()));
        }
        return new Metadata<>(topic.name(), topicSpec(topic.config()), TopicStatus.provisioned(replicaMap));
    }

    /** One {@code <topic>-<n>} object per partition, Online on its leader (§3.5.2, §6.3). */
    static List<Metadata<PartitionSpec, PartitionStatus>> partitions(TopicInfo topic) {
        TopicSpec spec = topicSpec(topic.config());
        List<Metadata<PartitionSpec, PartitionStatus>> result = new ArrayList<>();
        for (TopicInfo.PartitionInfo partition : topic.partitions()) {
            result.add(new Metadata<>(topic.name() + "-" + partition.partition(),
                    PartitionSpec.forTopic(spec, partition.leader(), List.of(partition.leader())),
                    PartitionStatus.online(partition.leader(), partition.highWatermark(), partition.sizeBytes(),
                            partition.logStartOffset())));
        }
        return result;
    }

    static TopicSpec topicSpec(TopicConfig config) {
        Optional<TopicStorageConfig> storage = config.segmentSize().isEmpty() && config.maxPartitionSize().isEmpty()
                ? Optional.empty()
                : Optional.of(new TopicStorageConfig(
                        config.segmentSize().map(size -> OptionalLong.of(size)).orElse(OptionalLong.empty()),
                        config.maxPartitionSize().map(size -> OptionalLong.of(size)).orElse(OptionalLong.empty())));
        return new TopicSpec(
                new ReplicaSpec.Computed(config.partitions(), config.replicationFactor(), config.ignoreRackAssignment()),
                config.retention().map(retention -> CleanupPolicy.segment(retention.getSeconds())),
                storage,
                compression(config.compression()),
                Optional.empty(),
                config.system());
    }

    static CompressionAlgorithm compression(String name) {
        return switch (name) {
            case "none" -> CompressionAlgorithm.NONE;
            case "gzip" -> CompressionAlgorithm.GZIP;
            case "snappy" -> CompressionAlgorithm.SNAPPY;
            case "lz4" -> CompressionAlgorithm.LZ4;
            case "zstd" -> CompressionAlgorithm.ZSTD;
            default -> CompressionAlgorithm.ANY;
        };
    }

    static String compressionName(CompressionAlgorithm algorithm) {
        return algorithm.name().toLowerCase(Locale.ROOT);
    }
}
