package org.fluviokit.protocol.sc;

import java.util.Objects;

import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * An SPU's status (spec §3.5.3); clients only display it.
 *
 * @param resolution u8 state
 */
public record SpuStatus(Resolution resolution) {

    /** Fluvio's {@code SpuStatusResolution}; constants in tag order. */
    public enum Resolution {
        ONLINE, OFFLINE, INIT
    }

    public static final SpuStatus ONLINE = new SpuStatus(Resolution.ONLINE);

    public SpuStatus {
        Objects.requireNonNull(resolution, "resolution");
    }

    public void encode(WireWriter out, short version) {
        out.u8(resolution.ordinal());
    }

    public static SpuStatus decode(WireReader in, short version) {
        return new SpuStatus(in.u8Enum("spu resolution", Resolution.values()));
    }
}
