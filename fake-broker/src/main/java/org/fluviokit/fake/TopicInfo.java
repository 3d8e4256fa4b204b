package org.fluviokit.fake;

import java.util.List;

/**
 * A topic as the broker describes it: its configuration and, per partition, where its log stands.
 *
 * @param name       the topic name
 * @param config     how it was created
 * @param partitions one entry per partition, in partition order
 */
public record TopicInfo(String name, TopicConfig config, List<PartitionInfo> partitions) {

    public TopicInfo {
        partitions = List.copyOf(partitions);
    }

    /**
     * One partition's state (what the SC publishes in PartitionStatus, spec §3.5.2).
     *
     * @param partition      the partition number
     * @param leader         the id of the SPU that leads it
     * @param logStartOffset the first offset still stored
     * @param highWatermark  the offset the next record will get
     * @param sizeBytes      bytes stored
     */
    public record PartitionInfo(int partition, int leader, long logStartOffset, long highWatermark, long sizeBytes) {
    }
}
