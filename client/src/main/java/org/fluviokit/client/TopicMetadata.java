package org.fluviokit.client;

import java.util.List;

/**
 * A topic as the cluster describes it.
 *
 * @param name       the topic's name
 * @param spec       how it was created
 * @param status     its provisioning state in Fluvio's words ({@code provisioned}, {@code pending}, …)
 * @param reason     why it is in that state, empty when all is well
 * @param partitions one entry per partition, in partition order
 */
public record TopicMetadata(String name, TopicSpec spec, String status, String reason, List<Partition> partitions) {

    public TopicMetadata {
        partitions = List.copyOf(partitions);
    }

    /**
     * A partition's state.
     *
     * @param partition      its number
     * @param leader         the SPU that leads it
     * @param logStartOffset the first offset still stored
     * @param highWatermark  the offset the next record will get
     * @param sizeBytes      bytes stored, or -1 when unknown
     */
    public record Partition(int partition, int leader, long logStartOffset, long highWatermark, long sizeBytes) {
    }
}
