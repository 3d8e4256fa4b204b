package org.fluviokit.protocol.spu;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.fluviokit.protocol.CodedError;
import org.fluviokit.protocol.Encodable;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;
import org.fluviokit.protocol.record.RecordSet;

/**
 * One frame of a StreamFetch stream (spec §3.6.3). Every frame carries the StreamFetch request's
 * correlation id.
 *
 * @param topic     topic name
 * @param streamId  u32 per-connection stream number (from 1; 0 with an error), the
 *                  {@code session_id} of UpdateOffsets and UpdateConsumerOffset
 * @param partition the records and offsets
 */
public record StreamFetchResponse(String topic, int streamId, FetchablePartitionResponse partition)
        implements Encodable {

    /**
     * Fluvio's {@code FetchablePartitionResponse}.
     *
     * @param partitionIndex   u32 partition
     * @param errorCode        NONE, or e.g. NOT_LEADER_FOR_PARTITION, TOPIC_DELETED
     * @param highWatermark    the partition's high watermark
     * @param nextFilterOffset v≥11; 0 unless SmartModules filtered records
     * @param logStartOffset   the log start offset
     * @param aborted          always empty from Fluvio
     * @param records          whole batches (a trailing partial batch is dropped on decode, §4.3)
     */
    public record FetchablePartitionResponse(int partitionIndex, CodedError errorCode, long highWatermark,
                                             long nextFilterOffset, long logStartOffset,
                                             Optional<List<AbortedTransaction>> aborted,
                                             RecordSet records) {
        public FetchablePartitionResponse {
            Objects.requireNonNull(errorCode, "errorCode");
            Objects.requireNonNull(aborted, "aborted");
            aborted = aborted.map(List::copyOf);
            Objects.requireNonNull(records, "records");
        }

        /** A partition answer as the SPU sends it: no filter offset, no aborted transactions. */
        public static FetchablePartitionResponse of(int partitionIndex, CodedError errorCode,
                                                    long highWatermark, long logStartOffset,
                                                    RecordSet records) {
            return new FetchablePartitionResponse(partitionIndex, errorCode, highWatermark, 0,
                    logStartOffset, Optional.empty(), records);
        }
    }

    /**
     * Fluvio's {@code AbortedTransaction} (never sent by Fluvio).
     *
     * @param producerId  i64
     * @param firstOffset i64
     */
    public record AbortedTransaction(long producerId, long firstOffset) {
    }

    public StreamFetchResponse {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(partition, "partition");
    }

    @Override
    public void encode(WireWriter out, short version) {
        out.string(topic).u32(Integer.toUnsignedLong(streamId));
        out.u32(Integer.toUnsignedLong(partition.partitionIndex()));
        partition.errorCode().encode(out);
        out.i64(partition.highWatermark());
        if (version >= 11) {
            out.i64(partition.nextFilterOffset());
        }
        out.i64(partition.logStartOffset());
        out.option(partition.aborted(), (w, list) ->
                w.vec(list, (aw, a) -> aw.i64(a.producerId()).i64(a.firstOffset())));
        partition.records().encode(out);
    }

    public static StreamFetchResponse decode(WireReader in, short version) {
        String topic = in.string("topic");
        int streamId = (int) in.u32("stream_id");
        int partitionIndex = (int) in.u32("partition_index");
        CodedError errorCode = CodedError.decode(in);
        long highWatermark = in.i64("high_watermark");
        long nextFilterOffset = version >= 11 ? in.i64("next_filter_offset") : 0;
        long logStartOffset = in.i64("log_start_offset");
        Optional<List<AbortedTransaction>> aborted = in.option("aborted", r -> r.vec("aborted",
                ar -> new AbortedTransaction(ar.i64("producer_id"), ar.i64("first_offset"))));
        RecordSet records = RecordSet.decode(in);
        return new StreamFetchResponse(topic, streamId, new FetchablePartitionResponse(partitionIndex,
                errorCode, highWatermark, nextFilterOffset, logStartOffset, aborted, records));
    }
}
