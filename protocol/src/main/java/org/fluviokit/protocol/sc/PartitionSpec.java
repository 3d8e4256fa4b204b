package org.fluviokit.protocol.sc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * A partition's spec (label {@code "Partition"}, object name {@code <topic>-<n>}, spec §3.5.2).
 * Clients use {@code leader} to find the SPU to talk to. Version gates: cleanup_policy and
 * storage v≥4, compression_type v≥6, deduplication v≥12, system v≥13, mirror v≥14.
 *
 * @param leader          SPU id of the leader
 * @param replicas        SPU ids, leader first
 * @param cleanupPolicy   v≥4
 * @param storage         v≥4
 * @param compressionType v≥6
 * @param deduplication   v≥12
 * @param system          v≥13
 * @param mirror          v≥14
 */
public record PartitionSpec(int leader, List<Integer> replicas, Optional<CleanupPolicy> cleanupPolicy,
                            Optional<TopicStorageConfig> storage, CompressionAlgorithm compressionType,
                            Optional<Deduplication> deduplication, boolean system,
                            Optional<PartitionMirrorConfig> mirror) {

    public PartitionSpec {
        replicas = List.copyOf(replicas);
        Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(compressionType, "compressionType");
        Objects.requireNonNull(deduplication, "deduplication");
        Objects.requireNonNull(mirror, "mirror");
    }

    /**
     * A partition of {@code topic} led by {@code leader}, inheriting the topic's cleanup, storage,
     * compression, deduplication and system settings, as the SC creates partitions.
     */
    public static PartitionSpec forTopic(TopicSpec topic, int leader, List<Integer> replicas) {
        return new PartitionSpec(leader, replicas, topic.cleanupPolicy(), topic.storage(),
                topic.compressionType(), topic.deduplication(), topic.system(), Optional.empty());
    }

    public void encode(WireWriter out, short version) {
        out.i32(leader).vec(replicas, WireWriter::i32);
        if (version >= 4) {
            out.option(cleanupPolicy, (w, p) -> p.encode(w, version));
            out.option(storage, (w, s) -> s.encode(w, version));
        }
        if (version >= 6) {
            compressionType.encode(out);
        }
        if (version >= 12) {
            out.option(deduplication, (w, d) -> d.encode(w, version));
        }
        if (version >= 13) {
            out.bool(system);
        }
        if (version >= 14) {
            out.option(mirror, (w, m) -> m.encode(w, version));
        }
    }

    public static PartitionSpec decode(WireReader in, short version) {
        int leader = in.i32("leader");
        List<Integer> replicas = in.vec("replicas", r -> r.i32("replica"));
        Optional<CleanupPolicy> cleanupPolicy = Optional.empty();
        Optional<TopicStorageConfig> storage = Optional.empty();
        if (version >= 4) {
            cleanupPolicy = in.option("cleanup_policy", r -> CleanupPolicy.decode(r, version));
            storage = in.option("storage", r -> TopicStorageConfig.decode(r, version));
        }
        CompressionAlgorithm compression = version >= 6
                ? CompressionAlgorithm.decode(in) : CompressionAlgorithm.ANY;
        Optional<Deduplication> deduplication = version >= 12
                ? in.option("deduplication", r -> Deduplication.decode(r, version)) : Optional.empty();
        boolean system = version >= 13 && in.bool("system");
        Optional<PartitionMirrorConfig> mirror = version >= 14
                ? in.option("mirror", r -> PartitionMirrorConfig.decode(r, version)) : Optional.empty();
        return new PartitionSpec(leader, replicas, cleanupPolicy, storage, compression, deduplication,
                system, mirror);
    }
}
