package org.fluviokit.protocol.spu;

import java.util.List;
import java.util.Objects;

import org.fluviokit.protocol.CodedError;
import org.fluviokit.protocol.Encodable;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * UpdateOffsets response (spec §3.6.4); Fluvio's client ignores it.
 *
 * @param status one per request entry
 */
public record UpdateOffsetsResponse(List<OffsetUpdateStatus> status) implements Encodable {

    /**
     * Fluvio's {@code OffsetUpdateStatus}.
     *
     * @param sessionId u32 stream id
     * @param error     NONE, or FETCH_SESSION_NOT_FOUND for an unknown stream
     */
    public record OffsetUpdateStatus(int sessionId, CodedError error) {
        public OffsetUpdateStatus {
            Objects.requireNonNull(error, "error");
        }
    }

    public UpdateOffsetsResponse {
        status = List.copyOf(status);
    }

    @Override
    public void encode(WireWriter out, short version) {
        out.vec(status, (w, s) -> {
            w.u32(Integer.toUnsignedLong(s.sessionId()));
            s.error().encode(w);
        });
    }

    public static UpdateOffsetsResponse decode(WireReader in, short version) {
        return new UpdateOffsetsResponse(in.vec("status",
                r -> new OffsetUpdateStatus((int) r.u32("session_id"), CodedError.decode(r))));
    }
}
