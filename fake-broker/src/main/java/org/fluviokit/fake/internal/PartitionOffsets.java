package org.fluviokit.fake.internal;

/**
 * What FetchOffsets answers for a partition (spec G6).
 *
 * @param logStartOffset   the first offset still stored
 * @param lastStableOffset the high watermark: the offset the next record will get
 */
public record PartitionOffsets(long logStartOffset, long lastStableOffset) {
}
