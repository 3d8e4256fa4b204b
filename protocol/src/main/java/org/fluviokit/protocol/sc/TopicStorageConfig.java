package org.fluviokit.protocol.sc;

import java.util.Objects;
import java.util.OptionalLong;

import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * A topic's storage limits (spec §3.5.1).
 *
 * @param segmentSize      u32 bytes per segment
 * @param maxPartitionSize u64 bytes per partition
 */
public record TopicStorageConfig(OptionalLong segmentSize, OptionalLong maxPartitionSize) {

    public TopicStorageConfig {
        Objects.requireNonNull(segmentSize, "segmentSize");
        Objects.requireNonNull(maxPartitionSize, "maxPartitionSize");
        if (segmentSize.isPresent() && (segmentSize.getAsLong() < 0 || segmentSize.getAsLong() > 0xFFFF_FFFFL)) {
            throw new IllegalArgumentException("segment_size " + segmentSize.getAsLong() + " is not a u32");
        }
    }

    public static TopicStorageConfig of(long segmentSize, long maxPartitionSize) {
        return new TopicStorageConfig(OptionalLong.of(segmentSize), OptionalLong.of(maxPartitionSize));
    }

    public void encode(WireWriter out, short version) {
        optionalLong(out, segmentSize, true);
        optionalLong(out, maxPartitionSize, false);
    }

    public static TopicStorageConfig decode(WireReader in, short version) {
        OptionalLong segmentSize = in.bool("segment_size (option flag)")
                ? OptionalLong.of(in.u32("segment_size")) : OptionalLong.empty();
        OptionalLong maxPartitionSize = in.bool("max_partition_size (option flag)")
                ? OptionalLong.of(in.u64("max_partition_size")) : OptionalLong.empty();
        return new TopicStorageConfig(segmentSize, maxPartitionSize);
    }

    private static void optionalLong(WireWriter out, OptionalLong value, boolean u32) {
        out.bool(value.isPresent());
        if (value.isPresent()) {
            if (u32) {
                out.u32(value.getAsLong());
            } else {
                out.u64(value.getAsLong());
            }
        }
    }
}
