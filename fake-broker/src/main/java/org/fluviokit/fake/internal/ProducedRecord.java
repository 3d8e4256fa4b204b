package org.fluviokit.fake.internal;

import java.util.Objects;

/**
 * A record as a producer hands it to the broker.
 *
 * @param key       the key, or {@code null} for a record without key
 * @param value     the value (may be empty, never null)
 * @param timestamp milliseconds since the epoch as stamped by the producer, or -1 for none
 */
public record ProducedRecord(byte[] key, byte[] value, long timestamp) {
    public ProducedRecord {
        Objects.requireNonNull(value, "value");
    }
}
