package org.fluviokit.protocol.record;

import java.util.Locale;

import org.fluviokit.protocol.ProtocolException;

/**
 * A batch uses a codec this dependency-free module cannot (de)compress: Snappy, LZ4 or zstd.
 * Such batches can still be decoded, stored and re-sent verbatim; only their records cannot be
 * read or built here.
 */
public final class UnsupportedCompressionException extends ProtocolException {

    private static final long serialVersionUID = 1L;

    private final Compression compression;

    public UnsupportedCompressionException(Compression compression) {
        super(compression + " compression is not supported without a " + compression.name().toLowerCase(Locale.ROOT)
                + " library; only NONE and GZIP batches can be read or built");
        this.compression = compression;
    }

    public Compression compression() {
        return compression;
    }
}
