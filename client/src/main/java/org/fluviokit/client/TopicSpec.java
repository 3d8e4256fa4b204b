package org.fluviokit.client;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How to create a topic: what {@code fluvio topic create} sends (a computed replica assignment).
 *
 * @param partitions        number of partitions (default 1)
 * @param replicationFactor replicas per partition (default 1)
 * @param retentionTime     segment retention, if set ({@code --retention-time})
 * @param segmentSize       bytes per segment, if set
 * @param maxPartitionSize  bytes per partition, if set
 * @param compression       accepted compression: {@code any} (default), none, gzip, snappy, lz4, zstd
 * @param system            whether the topic is a system topic (K2)
 */
public record TopicSpec(int partitions, int replicationFactor, Optional<Duration> retentionTime,
                        Optional<Integer> segmentSize, Optional<Long> maxPartitionSize, String compression,
                        boolean system) {

    public TopicSpec {
        Objects.requireNonNull(retentionTime, "retentionTime");
        Objects.requireNonNull(segmentSize, "segmentSize");
        Objects.requireNonNull(maxPartitionSize, "maxPartitionSize");
        compression = Objects.requireNonNull(compression, "compression").toLowerCase(Locale.ROOT);
    }

    /** {@code partitions} partitions, one replica each, Fluvio's defaults otherwise. */
    public static TopicSpec partitions(int partitions) {
        return new TopicSpec(partitions, 1, Optional.empty(), Optional.empty(), Optional.empty(), "any", false);
    }

    public TopicSpec withReplicationFactor(int replicas) {
        return new TopicSpec(partitions, replicas, retentionTime, segmentSize, maxPartitionSize, compression, system);
    }

    public TopicSpec withRetentionTime(Duration retention) {
        return new TopicSpec(partitions, replicationFactor, Optional.of(retention), segmentSize, maxPartitionSize,
                compression, system);
    }

    public TopicSpec withSegmentSize(int bytes) {
        return new TopicSpec(partitions, replicationFactor, retentionTime, Optional.of(bytes), maxPartitionSize,
                compression, system);
    }

    public TopicSpec withMaxPartitionSize(long bytes) {
        return new TopicSpec(partitions, replicationFactor, retentionTime, segmentSize, Optional.of(bytes),
                compression, system);
    }

    public TopicSpec withCompression(String type) {
        return new TopicSpec(partitions, replicationFactor, retentionTime, segmentSize, maxPartitionSize, type, system);
    }

    public TopicSpec asSystemTopic() {
        return new TopicSpec(partitions, replicationFactor, retentionTime, segmentSize, maxPartitionSize,
                compression, true);
    }
}
