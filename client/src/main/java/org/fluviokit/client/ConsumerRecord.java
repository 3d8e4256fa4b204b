package org.fluviokit.client;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A record read from a partition. Immutable; the arrays it returns must not be modified. */
public final class ConsumerRecord {

    private final int partition;
    private final long offset;
    private final byte[] key;
    private final byte[] value;
    private final long timestamp;

    ConsumerRecord(int partition, long offset, byte[] key, byte[] value, long timestamp) {
        this.partition = partition;
        this.offset = offset;
        this.key = key;
        this.value = value;
        this.timestamp = timestamp;
    }

    public int partition() {
        return partition;
    }

    public long offset() {
        return offset;
    }

    /** The key, or {@code null} for a record without one. */
    public byte[] key() {
        return key;
    }

    public byte[] value() {
        return value;
    }

    /** The key as UTF-8 text, or {@code null} for a record without key. */
    public String keyAsString() {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    /** The value as UTF-8 text. */
    public String valueAsString() {
        return new String(value, StandardCharsets.UTF_8);
    }

    /** The producer's timestamp in milliseconds since the epoch, or -1 if it set none. */
    public long timestamp() {
        return timestamp;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConsumerRecord that && partition == that.partition && offset == that.offset
                && timestamp == that.timestamp && Arrays.equals(key, that.key) && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * partition + Long.hashCode(offset)) + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "ConsumerRecord[partition=" + partition + ", offset=" + offset
                + (key == null ? "" : ", key=" + keyAsString()) + ", value=" + valueAsString() + "]";
    }
}
