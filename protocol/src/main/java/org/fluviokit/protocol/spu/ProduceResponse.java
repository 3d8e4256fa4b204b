package org.fluviokit.protocol.spu;

import java.util.List;
import java.util.Objects;

import org.fluviokit.protocol.CodedError;
import org.fluviokit.protocol.Encodable;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * Produce response (spec §3.6.1): one partition entry per partition entry of the request, in the
 * same order (clients match them by position).
 *
 * @param responses      per topic
 * @param throttleTimeMs v≥1; 0
 */
public record ProduceResponse(List<TopicProduceResponse> responses, int throttleTimeMs) implements Encodable {

    /**
     * Fluvio's {@code TopicProduceResponse}.
     *
     * @param name       topic name
     * @param partitions one per request entry
     */
    public record TopicProduceResponse(String name, List<PartitionProduceResponse> partitions) {
        public TopicProduceResponse {
            Objects.requireNonNull(name, "name");
            partitions = List.copyOf(partitions);
        }
    }

    /**
     * Fluvio's {@code PartitionProduceResponse}.
     *
     * @param partitionIndex  u32 partition
     * @param errorCode       NONE, or e.g. NOT_LEADER_FOR_PARTITION
     * @param baseOffset      offset given to the first record written
     * @param logAppendTimeMs v≥2; the SPU sends 0
     * @param logStartOffset  v≥5; the SPU sends 0
     */
    public record PartitionProduceResponse(int partitionIndex, CodedError errorCode, long baseOffset,
                                           long logAppendTimeMs, long logStartOffset) {
        public PartitionProduceResponse {
            Objects.requireNonNull(errorCode, "errorCode");
        }

        /** An entry as the SPU sends it: the two later fields are 0. */
        public static PartitionProduceResponse of(int partitionIndex, CodedError errorCode, long baseOffset) {
            return new PartitionProduceResponse(partitionIndex, errorCode, baseOffset, 0, 0);
        }
    }

    public ProduceResponse {
        responses = List.copyOf(responses);
    }

    public static ProduceResponse of(List<TopicProduceResponse> responses) {
        return new ProduceResponse(responses, 0);
    }

    @Override
    public void encode(WireWriter out, short version) {
        out.vec(responses, (w, topic) -> {
            w.string(topic.name());
            w.vec(topic.partitions(), (pw, p) -> {
                pw.u32(Integer.toUnsignedLong(p.partitionIndex()));
                p.errorCode().encode(pw);
                pw.i64(p.baseOffset());
                if (version >= 2) {
                    pw.i64(p.logAppendTimeMs());
                }
                if (version >= 5) {
                    pw.i64(p.logStartOffset());
                }
            });
        });
        if (version >= 1) {
            out.i32(throttleTimeMs);
        }
    }

    public static ProduceResponse decode(WireReader in, short version) {
        List<TopicProduceResponse> responses = in.vec("responses", r -> new TopicProduceResponse(
                r.string("topic name"),
                r.vec("partitions", pr -> new PartitionProduceResponse(
                        (int) pr.u32("partition_index"),
                        CodedError.decode(pr),
                        pr.i64("base_offset"),
                        version >= 2 ? pr.i64("log_append_time_ms") : 0,
                        version >= 5 ? pr.i64("log_start_offset") : 0))));
        int throttleTimeMs = version >= 1 ? in.i32("throttle_time_ms") : 0;
        return new ProduceResponse(responses, throttleTimeMs);
    }
}
