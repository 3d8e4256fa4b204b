package org.fluviokit.protocol.spu;

import java.util.List;
import java.util.Objects;

import org.fluviokit.protocol.CodedError;
import org.fluviokit.protocol.Encodable;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * FetchOffsets response (spec §3.6.2). Note the partition entry starts with its error code.
 *
 * @param topics per topic
 */
public record FetchOffsetsResponse(List<FetchOffsetTopicResponse> topics) implements Encodable {

    /**
     * Fluvio's {@code FetchOffsetTopicResponse}.
     *
     * @param name       topic name
     * @param partitions per partition
     */
    public record FetchOffsetTopicResponse(String name, List<FetchOffsetPartitionResponse> partitions) {
        public FetchOffsetTopicResponse {
            Objects.requireNonNull(name, "name");
            partitions = List.copyOf(partitions);
        }
    }

    /**
     * Fluvio's {@code FetchOffsetPartitionResponse}.
     *
     * @param errorCode        NONE, or PARTITION_NOT_LEADER with zero offsets
     * @param partitionIndex   u32 partition
     * @param startOffset      the log start offset
     * @param lastStableOffset the high watermark: the next offset to be written
     */
    public record FetchOffsetPartitionResponse(CodedError errorCode, int partitionIndex,
                                               long startOffset, long lastStableOffset) {
        public FetchOffsetPartitionResponse {
            Objects.requireNonNull(errorCode, "errorCode");
        }
    }

    public FetchOffsetsResponse {
        topics = List.copyOf(topics);
    }

    /** The answer for one partition. */
    public static FetchOffsetsResponse of(String topic, FetchOffsetPartitionResponse partition) {
        return new FetchOffsetsResponse(List.of(new FetchOffsetTopicResponse(topic, List.of(partition))));
    }

    @Override
    public void encode(WireWriter out, short version) {
        out.vec(topics, (w, topic) -> {
            w.string(topic.name());
            w.vec(topic.partitions(), (pw, p) -> {
                p.errorCode().encode(pw);
                pw.u32(Integer.toUnsignedLong(p.partitionIndex()));
                pw.i64(p.startOffset()).i64(p.lastStableOffset());
            });
        });
    }

    public static FetchOffsetsResponse decode(WireReader in, short version) {
        return new FetchOffsetsResponse(in.vec("topics", r -> new FetchOffsetTopicResponse(
                r.string("topic name"),
                r.vec("partitions", pr -> new FetchOffsetPartitionResponse(
                        CodedError.decode(pr),
                        (int) pr.u32("partition_index"),
                        pr.i64("start_offset"),
                        pr.i64("last_stable_offset"))))));
    }
}
