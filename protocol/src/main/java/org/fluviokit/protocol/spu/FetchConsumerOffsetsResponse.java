package org.fluviokit.protocol.spu;

import java.util.List;
import java.util.Objects;

import org.fluviokit.protocol.CodedError;
import org.fluviokit.protocol.Encodable;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * FetchConsumerOffsets response (spec §3.6.7).
 *
 * @param errorCode NONE, or PARTITION_NOT_LEADER with an empty list
 * @param consumers the stored offsets that pass the filters
 */
public record FetchConsumerOffsetsResponse(CodedError errorCode, List<ConsumerOffset> consumers)
        implements Encodable {

    /**
     * Fluvio's {@code ConsumerOffset}.
     *
     * @param consumerId   consumer name
     * @param replicaId    the partition
     * @param offset       offset of the last consumed record (clients resume at offset + 1)
     * @param modifiedTime u64 seconds since the epoch
     */
    public record ConsumerOffset(String consumerId, ReplicaKey replicaId, long offset, long modifiedTime) {
        public ConsumerOffset {
            Objects.requireNonNull(consumerId, "consumerId");
            Objects.requireNonNull(replicaId, "replicaId");
        }
    }

    public FetchConsumerOffsetsResponse {
        Objects.requireNonNull(errorCode, "errorCode");
        consumers = List.copyOf(consumers);
    }

    @Override
    public void encode(WireWriter out, short version) {
        errorCode.encode(out);
        out.vec(consumers, (w, c) -> {
            w.string(c.consumerId());
            c.replicaId().encode(w);
            w.i64(c.offset()).u64(c.modifiedTime());
        });
    }

    public static FetchConsumerOffsetsResponse decode(WireReader in, short version) {
        CodedError errorCode = CodedError.decode(in);
        List<ConsumerOffset> consumers = in.vec("consumers", r -> new ConsumerOffset(
                r.string("consumer_id"), ReplicaKey.decode(r), r.i64("offset"), r.u64("modified_time")));
        return new FetchConsumerOffsetsResponse(errorCode, consumers);
    }
}
