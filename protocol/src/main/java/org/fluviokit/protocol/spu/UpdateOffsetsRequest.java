package org.fluviokit.protocol.spu;

import java.util.List;

import org.fluviokit.protocol.ApiKey;
import org.fluviokit.protocol.Encodable;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * UpdateOffsets request (SPU key 1005, v0; spec §3.6.4): the client acknowledges StreamFetch
 * frames, telling the SPU where each stream should continue.
 *
 * @param offsets one per acknowledged stream
 */
public record UpdateOffsetsRequest(List<OffsetUpdate> offsets) implements Encodable {

    public static final int API_KEY = ApiKey.Spu.UPDATE_OFFSETS;
    public static final short DEFAULT_API_VERSION = 0;

    /**
     * Fluvio's {@code OffsetUpdate}.
     *
     * @param offset    the next offset the stream should send
     * @param sessionId u32 stream_id of the StreamFetch response
     */
    public record OffsetUpdate(long offset, int sessionId) {
    }

    public UpdateOffsetsRequest {
        offsets = List.copyOf(offsets);
    }

    public static UpdateOffsetsRequest of(long offset, int sessionId) {
        return new UpdateOffsetsRequest(List.of(new OffsetUpdate(offset, sessionId)));
    }

    @Override
    public void encode(WireWriter out, short version) {
        out.vec(offsets, (w, o) -> w.i64(o.offset()).u32(Integer.toUnsignedLong(o.sessionId())));
    }

    public static UpdateOffsetsRequest decode(WireReader in, short version) {
        return new UpdateOffsetsRequest(in.vec("offsets",
                r -> new OffsetUpdate(r.i64("offset"), (int) r.u32("session_id"))));
    }
}
