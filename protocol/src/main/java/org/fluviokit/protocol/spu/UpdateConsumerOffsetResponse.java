package org.fluviokit.protocol.spu;

import java.util.Objects;

import org.fluviokit.protocol.CodedError;
import org.fluviokit.protocol.Encodable;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * UpdateConsumerOffset response (spec §3.6.5).
 *
 * @param offset    the stored offset echoed back; 0 with an error
 * @param errorCode NONE, FETCH_SESSION_NOT_FOUND, or OTHER("stream without consumer id")
 */
public record UpdateConsumerOffsetResponse(long offset, CodedError errorCode) implements Encodable {

    public UpdateConsumerOffsetResponse {
        Objects.requireNonNull(errorCode, "errorCode");
    }

    @Override
    public void encode(WireWriter out, short version) {
        out.i64(offset);
        errorCode.encode(out);
    }

    public static UpdateConsumerOffsetResponse decode(WireReader in, short version) {
        return new UpdateConsumerOffsetResponse(in.i64("offset"), CodedError.decode(in));
    }
}
