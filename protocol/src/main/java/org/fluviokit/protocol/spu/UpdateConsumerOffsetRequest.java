package org.fluviokit.protocol.spu;

import org.fluviokit.protocol.ApiKey;
import org.fluviokit.protocol.Encodable;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * UpdateConsumerOffset request (SPU key 1006; spec §3.6.5): commit a named consumer's offset
 * for the stream {@code sessionId} opened <em>on the same connection</em>.
 *
 * @param offset    offset of the last record consumed (not the next one)
 * @param sessionId u32 stream_id of a StreamFetch opened with a consumer id
 */
public record UpdateConsumerOffsetRequest(long offset, int sessionId) implements Encodable {

    public static final int API_KEY = ApiKey.Spu.UPDATE_CONSUMER_OFFSET;
    public static final short DEFAULT_API_VERSION = ApiKey.Spu.CURRENT_VERSION;

    @Override
    public void encode(WireWriter out, short version) {
        out.i64(offset).u32(Integer.toUnsignedLong(sessionId));
    }

    public static UpdateConsumerOffsetRequest decode(WireReader in, short version) {
        return new UpdateConsumerOffsetRequest(in.i64("offset"), (int) in.u32("session_id"));
    }
}
