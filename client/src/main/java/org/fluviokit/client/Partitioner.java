package org.fluviokit.client;

/**
 * Fluvio's default partitioner (spec wire-protocol §5): a keyed record goes to
 * SipHash-2-4(keys 0, 0) of (key length as 8 little-endian bytes, key bytes), taken as unsigned,
 * modulo the partition count; keyless records take turns over the partitions, starting at 0 for
 * each producer.
 */
final class Partitioner {

    private int next;

    /** The partition for a record with this key (null for none). Not thread-safe for keyless records. */
    int partition(byte[] key, int partitionCount) {
        if (key != null) {
            return keyed(key, partitionCount);
        }
        // Fluvio's counter is a u32 that wraps; only its remainder matters.
        return Integer.remainderUnsigned(next++, partitionCount);
    }

    static int keyed(byte[] key, int partitionCount) {
        // Rust's Hash for a byte slice writes its length as a little-endian u64, then the bytes.
        byte[] input = new byte[8 + key.length];
        long length = key.length;
        for (int i = 0; i < 8; i++) {
            input[i] = (byte) (length >>> (8 * i));
        }
        System.arraycopy(key, 0, input, 8, key.length);
        long hash = SipHash.hash24(0L, 0L, input);
        return (int) Long.remainderUnsigned(hash, partitionCount);
    }
}
