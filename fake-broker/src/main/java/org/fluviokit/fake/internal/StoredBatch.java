package org.fluviokit.fake.internal;

/**
 * A read-only view of one batch of a partition's log: the records one produce request appended
 * together, which a stream fetch hands out together (spec wire-protocol §4.1, §3.6.3).
 *
 * <p>Records are addressed by their index in the batch ({@code 0 .. recordCount()-1}); their
 * offsets are {@code baseOffset() + index}. The view reads the log's storage directly, so making
 * one costs nothing per record.
 */
public final class StoredBatch {

    private final long baseOffset;
    private final int count;
    private final int firstIndex;
    private final byte[][][] keys;
    private final byte[][][] values;
    private final long[][] timestamps;

    StoredBatch(long baseOffset, int count, int firstIndex, byte[][][] keys, byte[][][] values, long[][] timestamps) {
        this.baseOffset = baseOffset;
        this.count = count;
        this.firstIndex = firstIndex;
        this.keys = keys;
        this.values = values;
        this.timestamps = timestamps;
    }

    /** The offset of the first record. */
    public long baseOffset() {
        return baseOffset;
    }

    /** How many records the batch holds ({@code last_offset_delta + 1} on the wire). */
    public int recordCount() {
        return count;
    }

    /** The offset of the last record. */
    public long lastOffset() {
        return baseOffset + count - 1;
    }

    public long offset(int index) {
        checkIndex(index);
        return baseOffset + index;
    }

    /** The record's key, or {@code null} if it has none. The array must not be modified. */
    public byte[] key(int index) {
        checkIndex(index);
        int at = firstIndex + index;
        return keys[at >>> PartitionLog.CHUNK_BITS][at & PartitionLog.CHUNK_MASK];
    }

    /** The record's value. The array must not be modified. */
    public byte[] value(int index) {
        checkIndex(index);
        int at = firstIndex + index;
        return values[at >>> PartitionLog.CHUNK_BITS][at & PartitionLog.CHUNK_MASK];
    }

    /** The producer's timestamp, in milliseconds since the epoch, or -1 if it set none. */
    public long timestamp(int index) {
        checkIndex(index);
        int at = firstIndex + index;
        return timestamps[at >>> PartitionLog.CHUNK_BITS][at & PartitionLog.CHUNK_MASK];
    }

    /** The batch header's first timestamp: the first record's (spec §4.5). */
    public long firstTimestamp() {
        return timestamp(0);
    }

    /** The batch header's max timestamp: the latest record timestamp in the batch. */
    public long maxTimestamp() {
        long max = -1;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, timestamp(i));
        }
        return max;
    }

    /** Bytes of keys and values, the payload the batch carries. */
    public long payloadBytes() {
        long total = 0;
        for (int i = 0; i < count; i++) {
            byte[] key = key(i);
            total += value(i).length + (key == null ? 0 : key.length);
        }
        return total;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("record " + index + " of a batch of " + count);
        }
    }

    @Override
    public String toString() {
        return "StoredBatch[base=" + baseOffset + ", records=" + count + "]";
    }
}
