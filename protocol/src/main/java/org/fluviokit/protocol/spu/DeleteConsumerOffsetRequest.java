package org.fluviokit.protocol.spu;

import java.util.Objects;

import org.fluviokit.protocol.ApiKey;
import org.fluviokit.protocol.Encodable;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * DeleteConsumerOffset request (SPU key 1007; spec §3.6.6), served by the leader of
 * {@code consumer-offset-0}.
 *
 * @param replicaId  the partition whose offset to delete
 * @param consumerId the consumer name
 */
public record DeleteConsumerOffsetRequest(ReplicaKey replicaId, String consumerId) implements Encodable {

    public static final int API_KEY = ApiKey.Spu.DELETE_CONSUMER_OFFSET;
    public static final short DEFAULT_API_VERSION = ApiKey.Spu.CURRENT_VERSION;

    public DeleteConsumerOffsetRequest {
        Objects.requireNonNull(replicaId, "replicaId");
        Objects.requireNonNull(consumerId, "consumerId");
    }

    @Override
    public void encode(WireWriter out, short version) {
        replicaId.encode(out);
        out.string(consumerId);
    }

    public static DeleteConsumerOffsetRequest decode(WireReader in, short version) {
        return new DeleteConsumerOffsetRequest(ReplicaKey.decode(in), in.string("consumer_id"));
    }
}
