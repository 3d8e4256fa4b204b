package org.fluviokit.fake;

/**
 * One stored consumer offset (spec G2, K5).
 *
 * @param consumerId   the consumer's id, case-sensitive and never validated (L1)
 * @param topic        the topic
 * @param partition    the partition
 * @param offset       the offset of the last record the consumer was given, not the next one (B1)
 * @param modifiedTime when the broker stored it, in whole seconds since the epoch
 */
public record ConsumerOffsetEntry(String consumerId, String topic, int partition, long offset, long modifiedTime) {
}
