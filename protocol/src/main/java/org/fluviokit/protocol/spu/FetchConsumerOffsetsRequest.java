package org.fluviokit.protocol.spu;

import java.util.Objects;
import java.util.Optional;

import org.fluviokit.protocol.ApiKey;
import org.fluviokit.protocol.Encodable;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * FetchConsumerOffsets request (SPU key 1008; spec §3.6.7), served by the leader of
 * {@code consumer-offset-0}. Below v24 the body is empty.
 *
 * @param filterOpts v≥24; none lists every stored offset ({@code fluvio consumer list})
 */
public record FetchConsumerOffsetsRequest(Optional<FilterOpts> filterOpts) implements Encodable {

    public static final int API_KEY = ApiKey.Spu.FETCH_CONSUMER_OFFSETS;
    public static final short DEFAULT_API_VERSION = ApiKey.Spu.CURRENT_VERSION;

    /** First version with a body. */
    static final short FILTER_VERSION = 24;

    /** No filter: every stored consumer offset. */
    public static final FetchConsumerOffsetsRequest ALL = new FetchConsumerOffsetsRequest(Optional.empty());

    /**
     * Fluvio's {@code FilterOpts}; both filters must match when given.
     *
     * @param replicaId  only this partition
     * @param consumerId only this consumer
     */
    public record FilterOpts(Optional<ReplicaKey> replicaId, Optional<String> consumerId) {
        public FilterOpts {
            Objects.requireNonNull(replicaId, "replicaId");
            Objects.requireNonNull(consumerId, "consumerId");
        }
    }

    public FetchConsumerOffsetsRequest {
        Objects.requireNonNull(filterOpts, "filterOpts");
    }

    /** The request of {@code consume --consumer NAME} for one partition (§2.5). */
    public static FetchConsumerOffsetsRequest of(String topic, int partition, String consumerId) {
        return new FetchConsumerOffsetsRequest(Optional.of(new FilterOpts(
                Optional.of(new ReplicaKey(topic, partition)), Optional.of(consumerId))));
    }

    @Override
    public void encode(WireWriter out, short version) {
        if (version >= FILTER_VERSION) {
            out.option(filterOpts, (w, f) -> {
                w.option(f.replicaId(), (rw, key) -> key.encode(rw));
                w.option(f.consumerId(), WireWriter::string);
            });
        }
    }

    public static FetchConsumerOffsetsRequest decode(WireReader in, short version) {
        if (version < FILTER_VERSION) {
            return ALL;
        }
        return new FetchConsumerOffsetsRequest(in.option("filter_opts", r -> new FilterOpts(
                r.option("replica_id", ReplicaKey::decode),
                r.option("consumer_id", cr -> cr.string("consumer_id")))));
    }
}
