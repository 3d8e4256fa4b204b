package org.fluviokit.client;

import java.util.Comparator;

/**
 * A consumer offset stored in the cluster, as {@code fluvio consumer list} shows it.
 *
 * @param consumerId   the consumer's id
 * @param topic        the topic
 * @param partition    the partition
 * @param offset       the offset of the last record the consumer was given, not the next one (B1);
 *                     a consumer with this id resumes at {@code offset + 1} (B2)
 * @param modifiedTime when the cluster stored it, in whole seconds since the epoch (G2)
 */
public record ConsumerOffset(String consumerId, String topic, int partition, long offset, long modifiedTime)
        implements Comparable<ConsumerOffset> {

    /** Fluvio orders consumer offsets by consumer id, topic, partition, then the rest (H2). */
    private static final Comparator<ConsumerOffset> ORDER = Comparator.comparing(ConsumerOffset::consumerId)
            .thenComparing(ConsumerOffset::topic)
            .thenComparingInt(ConsumerOffset::partition)
            .thenComparingLong(ConsumerOffset::offset)
            .thenComparingLong(ConsumerOffset::modifiedTime);

    @Override
    public int compareTo(ConsumerOffset other) {
        return ORDER.compare(this, other);
    }
}
