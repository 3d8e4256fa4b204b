package org.fluviokit.protocol.sc;

import java.util.Objects;
import java.util.Optional;

import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * A topic's spec (label {@code "Topic"}, spec §3.5.1). Version gates: cleanup_policy v≥3,
 * storage v≥4, compression_type v≥6 (absent: {@link CompressionAlgorithm#ANY}), deduplication
 * v≥12, system v≥13.
 *
 * <p>Build one with {@link #computed(int, int)} and the {@code with…} methods, e.g. the
 * {@code consumer-offset} system topic of §6.3:
 * <pre>{@code
 * TopicSpec.computed(1, 1)
 *         .withCleanupPolicy(CleanupPolicy.segment(604_800))
 *         .withStorage(TopicStorageConfig.of(512_000_000, 2_048_000_000L))
 *         .withSystem(true);
 * }</pre>
 *
 * @param replicas        partition layout
 * @param cleanupPolicy   v≥3
 * @param storage         v≥4
 * @param compressionType v≥6
 * @param deduplication   v≥12
 * @param system          v≥13; system topics are only deleted with force
 */
public record TopicSpec(ReplicaSpec replicas, Optional<CleanupPolicy> cleanupPolicy,
                        Optional<TopicStorageConfig> storage, CompressionAlgorithm compressionType,
                        Optional<Deduplication> deduplication, boolean system) {

    public TopicSpec {
        Objects.requireNonNull(replicas, "replicas");
        Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(compressionType, "compressionType");
        Objects.requireNonNull(deduplication, "deduplication");
    }

    /** What {@code fluvio topic create -p partitions -r replication} sends (§2.5). */
    public static TopicSpec computed(int partitions, int replicationFactor) {
        return of(new ReplicaSpec.Computed(partitions, replicationFactor, false));
    }

    /** A spec with these replicas and every other field at its default. */
    public static TopicSpec of(ReplicaSpec replicas) {
        return new TopicSpec(replicas, Optional.empty(), Optional.empty(), CompressionAlgorithm.ANY,
                Optional.empty(), false);
    }

    public int partitionCount() {
        return replicas.partitionCount();
    }

    public TopicSpec withCleanupPolicy(CleanupPolicy policy) {
        return new TopicSpec(replicas, Optional.of(policy), storage, compressionType, deduplication, system);
    }

    public TopicSpec withStorage(TopicStorageConfig config) {
        return new TopicSpec(replicas, cleanupPolicy, Optional.of(config), compressionType, deduplication, system);
    }

    public TopicSpec withCompressionType(CompressionAlgorithm compression) {
        return new TopicSpec(replicas, cleanupPolicy, storage, compression, deduplication, system);
    }

    public TopicSpec withDeduplication(Deduplication dedup) {
        return new TopicSpec(replicas, cleanupPolicy, storage, compressionType, Optional.of(dedup), system);
    }

    public TopicSpec withSystem(boolean isSystem) {
        return new TopicSpec(replicas, cleanupPolicy, storage, compressionType, deduplication, isSystem);
    }

    public void encode(WireWriter out, short version) {
        replicas.encode(out, version);
        if (version >= 3) {
            out.option(cleanupPolicy, (w, p) -> p.encode(w, version));
        }
        if (version >= 4) {
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
    }

    public static TopicSpec decode(WireReader in, short version) {
        ReplicaSpec replicas = ReplicaSpec.decode(in, version);
        Optional<CleanupPolicy> cleanupPolicy = version >= 3
                ? in.option("cleanup_policy", r -> CleanupPolicy.decode(r, version)) : Optional.empty();
        Optional<TopicStorageConfig> storage = version >= 4
                ? in.option("storage", r -> TopicStorageConfig.decode(r, version)) : Optional.empty();
        CompressionAlgorithm compression = version >= 6
                ? CompressionAlgorithm.decode(in) : CompressionAlgorithm.ANY;
        Optional<Deduplication> deduplication = version >= 12
                ? in.option("deduplication", r -> Deduplication.decode(r, version)) : Optional.empty();
        boolean system = version >= 13 && in.bool("system");
        return new TopicSpec(replicas, cleanupPolicy, storage, compression, deduplication, system);
    }
}
