package org.fluviokit.client;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;

/**
 * Fluvio's default partitioner (spec wire-protocol §5): a keyed record goes to
 * SipHash-2-4(keys 0, 0) of (key length as 8 little-endian bytes, key bytes), taken as unsigned,
 * modulo the partition count; keyless records take turns over the partitions, starting at 0 for
 * each producer.
 */
final class Partitioner {

    private static final HashFunction SIPHASH_2_4 = Hashing.sipHash24(0L, 0L);

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
        long hash = SIPHASH_2_4.newHasher(8 + key.length)
                .putLong(key.length) // Guava writes longs little-endian, as Rust's Hash for a slice length does
                .putBytes(key)
                .hash()
                .asLong();
        return (int) Long.remainderUnsigned(hash, partitionCount);
    }
}
