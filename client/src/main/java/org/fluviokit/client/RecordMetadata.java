package org.fluviokit.client;

/**
 * Where a produced record was stored.
 *
 * @param partition the partition it went to
 * @param offset    the offset it got
 */
public record RecordMetadata(int partition, long offset) {
}
