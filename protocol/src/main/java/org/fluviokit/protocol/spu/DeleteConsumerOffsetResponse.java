package org.fluviokit.protocol.spu;

import java.util.Objects;

import org.fluviokit.protocol.CodedError;
import org.fluviokit.protocol.Encodable;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * DeleteConsumerOffset response (spec §3.6.6).
 *
 * @param errorCode NONE (also for an entry that did not exist), or PARTITION_NOT_LEADER
 */
public record DeleteConsumerOffsetResponse(CodedError errorCode) implements Encodable {

    public DeleteConsumerOffsetResponse {
        Objects.requireNonNull(errorCode, "errorCode");
    }

    @Override
    public void encode(WireWriter out, short version) {
        errorCode.encode(out);
    }

    public static DeleteConsumerOffsetResponse decode(WireReader in, short version) {
        return new DeleteConsumerOffsetResponse(CodedError.decode(in));
    }
}
