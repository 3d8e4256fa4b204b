package org.fluviokit.protocol.sc;

import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * Which batch compression a topic accepts (spec §3.5.1), a u8 tag; constants are declared in tag
 * order. With {@link #ANY} (the default) the SPU accepts every codec, otherwise exactly this one.
 */
public enum CompressionAlgorithm {
    NONE,
    GZIP,
    SNAPPY,
    LZ4,
    /** Tag 4, the default. */
    ANY,
    /** Tag 5 (added after Any). */
    ZSTD;

    public void encode(WireWriter out) {
        out.u8(ordinal());
    }

    public static CompressionAlgorithm decode(WireReader in) {
        return in.u8Enum("compression_type", values());
    }
}
