package org.fluviokit.protocol.record;

import org.fluviokit.protocol.ProtocolException;

/**
 * How a batch's records section is compressed: bits 0–2 of the batch attributes (spec §4.2).
 * Constants are declared in code order, so the ordinal is the attribute value.
 *
 * <p>This module has no dependencies, so only {@link #NONE} and {@link #GZIP} can be encoded and
 * decoded; the other codecs are recognised, carried verbatim, and raise
 * {@link UnsupportedCompressionException} when their records are read.
 */
public enum Compression {
    NONE,
    /** RFC 1952 gzip stream. */
    GZIP,
    /** Snappy <em>framing</em> format (not raw Snappy, not Xerial). */
    SNAPPY,
    /** LZ4 frame format. */
    LZ4,
    /** Standard zstd frame. */
    ZSTD;

    /** The attribute bits that hold the compression code. */
    static final int ATTRIBUTE_MASK = 0x07;

    /** The attribute value of this codec (0–4). */
    public int code() {
        return ordinal();
    }

    /** The codec named by a batch's attributes; codes 5–7 are undefined and rejected. */
    public static Compression fromAttributes(short attributes) {
        int code = attributes & ATTRIBUTE_MASK;
        if (code >= values().length) {
            throw new ProtocolException("unknown compression code " + code
                    + " in batch attributes 0x" + Integer.toHexString(attributes & 0xFFFF));
        }
        return values()[code];
    }
}
