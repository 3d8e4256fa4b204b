package org.fluviokit.fake;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How a topic is created: what {@code fluvio topic create} and the SC's Create request carry
 * (spec wire-protocol §3.5.1, computed replica assignment only).
 *
 * @param partitions         number of partitions (the SC refuses 0)
 * @param replicationFactor  number of replicas (the SC refuses 0; more than the SPUs never provisions)
 * @param ignoreRackAssignment Fluvio's {@code ignore_rack_assignment} flag
 * @param retention          the segment retention time, if set ({@code --retention-time})
 * @param segmentSize        bytes per segment, if set
 * @param maxPartitionSize   bytes per partition, if set
 * @param compression        the accepted compression: {@code any} (default), none, gzip, snappy, lz4, zstd
 * @param system             whether this is a system topic, hidden from {@code topic list} (K2)
 */
public record TopicConfig(
        int partitions,
        int replicationFactor,
        boolean ignoreRackAssignment,
        Optional<Duration> retention,
        Optional<Integer> segmentSize,
        Optional<Long> maxPartitionSize,
        String compression,
        boolean system) {

    public TopicConfig {
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(segmentSize, "segmentSize");
        Objects.requireNonNull(maxPartitionSize, "maxPartitionSize");
        compression = Objects.requireNonNull(compression, "compression").toLowerCase(Locale.ROOT);
    }

    /** A user topic with {@code partitions} partitions, one replica each, and Fluvio's defaults. */
    public static TopicConfig partitions(int partitions) {
        return new TopicConfig(partitions, 1, false, Optional.empty(), Optional.empty(), Optional.empty(), "any", false);
    }

    public TopicConfig withReplicationFactor(int replicas) {
        return new TopicConfig(partitions, replicas, ignoreRackAssignment, retention, segmentSize, maxPartitionSize,
                compression, system);
    }

    public TopicConfig withRetention(Duration retentionTime) {
        return new TopicConfig(partitions, replicationFactor, ignoreRackAssignment, Optional.of(retentionTime),
                segmentSize, maxPartitionSize, compression, system);
    }

    public TopicConfig withStorage(Optional<Integer> segmentBytes, Optional<Long> maxPartitionBytes) {
        return new TopicConfig(partitions, replicationFactor, ignoreRackAssignment, retention, segmentBytes,
                maxPartitionBytes, compression, system);
    }

    public TopicConfig withCompression(String compressionType) {
        return new TopicConfig(partitions, replicationFactor, ignoreRackAssignment, retention, segmentSize,
                maxPartitionSize, compressionType, system);
    }

    public TopicConfig asSystemTopic() {
        return new TopicConfig(partitions, replicationFactor, ignoreRackAssignment, retention, segmentSize,
                maxPartitionSize, compression, true);
    }
}
