package org.fluviokit.protocol.spu;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.fluviokit.protocol.ApiKey;
import org.fluviokit.protocol.Encodable;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * FetchOffsets request (SPU key 1002, spec §3.6.2): the log start and high watermark of some
 * partitions.
 *
 * @param topics     the partitions asked for
 * @param consumerId deprecated; on the wire <b>only at exactly v23</b>
 */
public record FetchOffsetsRequest(List<FetchOffsetTopic> topics, Optional<String> consumerId)
        implements Encodable {

    public static final int API_KEY = ApiKey.Spu.FETCH_OFFSETS;
    public static final short DEFAULT_API_VERSION = ApiKey.Spu.CURRENT_VERSION;

    /** The only version whose requests carry {@code consumer_id}. */
    static final short CONSUMER_ID_VERSION = 23;

    /**
     * Fluvio's {@code FetchOffsetTopic}; each partition is a {@code {partition_index u32}}.
     *
     * @param name       topic name
     * @param partitions partition indexes
     */
    public record FetchOffsetTopic(String name, List<Integer> partitions) {
        public FetchOffsetTopic {
            Objects.requireNonNull(name, "name");
            partitions = List.copyOf(partitions);
        }
    }

    public FetchOffsetsRequest {
        topics = List.copyOf(topics);
        Objects.requireNonNull(consumerId, "consumerId");
    }

    /** The request the client sends before consuming one partition (§2.5 step 2a). */
    public static FetchOffsetsRequest of(String topic, int partition) {
        return new FetchOffsetsRequest(List.of(new FetchOffsetTopic(topic, List.of(partition))),
                Optional.empty());
    }

    @Override
    public void encode(WireWriter out, short version) {
        out.vec(topics, (w, topic) -> {
            w.string(topic.name());
            w.vec(topic.partitions(), (pw, p) -> pw.u32(Integer.toUnsignedLong(p)));
        });
        if (version == CONSUMER_ID_VERSION) {
            out.option(consumerId, WireWriter::string);
        }
    }

    public static FetchOffsetsRequest decode(WireReader in, short version) {
        List<FetchOffsetTopic> topics = in.vec("topics", r -> new FetchOffsetTopic(
                r.string("topic name"),
                r.vec("partitions", pr -> (int) pr.u32("partition_index"))));
        Optional<String> consumerId = version == CONSUMER_ID_VERSION
                ? in.option("consumer_id", r -> r.string("consumer_id"))
                : Optional.empty();
        return new FetchOffsetsRequest(topics, consumerId);
    }
}
