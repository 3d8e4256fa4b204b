package org.fluviokit.protocol.record;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.fluviokit.protocol.FrameReader;
import org.fluviokit.protocol.ProtocolException;

/** Compression of a batch's records section (spec §4.2), for the codecs the JDK provides. */
final class Codecs {

    /**
     * Upper bound on a decompressed records section. A batch always arrived inside one frame, so
     * a section larger than the biggest frame we accept can only be a decompression bomb.
     */
    static final int MAX_DECOMPRESSED_BYTES = FrameReader.DEFAULT_MAX_FRAME_SIZE;

    private Codecs() {
    }

    static byte[] compress(Compression compression, byte[] section) {
        switch (compression) {
            case NONE:
                return section;
            case GZIP:
                try {
                    ByteArrayOutputStream out = new ByteArrayOutputStream(section.length / 2 + 32);
                    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                        gzip.write(section);
                    }
                    return out.toByteArray();
                } catch (IOException e) {
                    throw new UncheckedIOException("in-memory gzip failed", e);
                }
            default:
                throw new UnsupportedCompressionException(compression);
        }
    }

    static byte[] decompress(Compression compression, byte[] section) {
        switch (compression) {
            case NONE:
                return section;
            case GZIP:
                try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(section))) {
                    // readNBytes grows its buffer only as output is produced.
                    byte[] plain = gzip.readNBytes(MAX_DECOMPRESSED_BYTES + 1);
                    if (plain.length > MAX_DECOMPRESSED_BYTES) {
                        throw new ProtocolException("gzip records section inflates to more than "
                                + MAX_DECOMPRESSED_BYTES + " bytes");
                    }
                    return plain;
                } catch (IOException e) {
                    throw new ProtocolException("invalid gzip records section: " + e.getMessage(), e);
                }
            default:
                throw new UnsupportedCompressionException(compression);
        }
    }
}
