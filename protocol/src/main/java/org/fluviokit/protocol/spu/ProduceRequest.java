package org.fluviokit.protocol.spu;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.fluviokit.protocol.ApiKey;
import org.fluviokit.protocol.Encodable;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;
import org.fluviokit.protocol.record.RecordBatch;
import org.fluviokit.protocol.record.RecordSet;

/**
 * Produce request (SPU key 0, spec §3.6.1). Fluvio encodes it by hand: <b>no field is
 * version-gated</b> (not even transactional_id, whose derive attribute says v≥3), the isolation
 * travels as an i16 acks value, the timeout as i32 milliseconds, and {@code smartmodules} is
 * present at every version.
 *
 * @param transactionalId clients send none
 * @param isolation       sent as acks: ReadUncommitted → 1, ReadCommitted → −1
 * @param timeout         how long an acks −1 produce may wait; must fit in i32 milliseconds
 * @param topics          what to write; Fluvio's producer sends one partition entry per batch
 * @param smartmodules    normally empty
 */
public record ProduceRequest(Optional<String> transactionalId, Isolation isolation, Duration timeout,
                             List<TopicProduceData> topics, List<SmartModuleInvocation> smartmodules)
        implements Encodable {

    public static final int API_KEY = ApiKey.Spu.PRODUCE;
    public static final short DEFAULT_API_VERSION = ApiKey.Spu.CURRENT_VERSION;
    /** The CLI's timeout (§2.5). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(1500);

    /**
     * Fluvio's {@code TopicProduceData}.
     *
     * @param name       topic name
     * @param partitions one entry per batch; the same partition index may repeat (§3.6.1)
     */
    public record TopicProduceData(String name, List<PartitionProduceData> partitions) {
        public TopicProduceData {
            Objects.requireNonNull(name, "name");
            partitions = List.copyOf(partitions);
        }
    }

    /**
     * Fluvio's {@code PartitionProduceData}.
     *
     * @param partitionIndex u32 partition
     * @param records        the batches for it
     */
    public record PartitionProduceData(int partitionIndex, RecordSet records) {
        public PartitionProduceData {
            Objects.requireNonNull(records, "records");
        }
    }

    public ProduceRequest {
        Objects.requireNonNull(transactionalId, "transactionalId");
        Objects.requireNonNull(isolation, "isolation");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("timeout " + timeout + " must fit into an i32 of milliseconds");
        }
        topics = List.copyOf(topics);
        smartmodules = List.copyOf(smartmodules);
    }

    /** A request as the CLI sends it: no transaction, ReadUncommitted, 1500 ms, no SmartModules. */
    public static ProduceRequest of(List<TopicProduceData> topics) {
        return new ProduceRequest(Optional.empty(), Isolation.READ_UNCOMMITTED, DEFAULT_TIMEOUT,
                topics, List.of());
    }

    /** A request writing {@code batches} to one partition, one partition entry per batch (§3.6.1). */
    public static ProduceRequest of(String topic, int partition, RecordBatch... batches) {
        List<PartitionProduceData> entries = Arrays.stream(batches)
                .map(batch -> new PartitionProduceData(partition, RecordSet.of(batch)))
                .toList();
        return of(List.of(new TopicProduceData(topic, entries)));
    }

    @Override
    public void encode(WireWriter out, short version) {
        out.option(transactionalId, WireWriter::string);
        out.i16(isolation.acks());
        out.i32((int) timeout.toMillis());
        out.vec(topics, (w, topic) -> {
            w.string(topic.name());
            w.vec(topic.partitions(), (pw, p) -> {
                pw.u32(Integer.toUnsignedLong(p.partitionIndex()));
                p.records().encode(pw);
            });
        });
        out.vec(smartmodules, (w, sm) -> sm.encode(w, version));
    }

    public static ProduceRequest decode(WireReader in, short version) {
        Optional<String> transactionalId = in.option("transactional_id", r -> r.string("transactional_id"));
        Isolation isolation = Isolation.fromAcks(in.i16("isolation (acks)"));
        int timeoutAt = in.position();
        int timeoutMs = in.i32("timeout_ms");
        if (timeoutMs < 0) {
            // Fluvio rejects it: "Timeout must be positive integer value" (§3.6.1).
            throw in.invalid("negative produce timeout " + timeoutMs + " ms", timeoutAt);
        }
        List<TopicProduceData> topics = in.vec("topics", r -> new TopicProduceData(
                r.string("topic name"),
                r.vec("partitions", pr -> new PartitionProduceData(
                        (int) pr.u32("partition_index"), RecordSet.decode(pr)))));
        List<SmartModuleInvocation> smartmodules =
                in.vec("smartmodules", r -> SmartModuleInvocation.decode(r, version));
        return new ProduceRequest(transactionalId, isolation, Duration.ofMillis(timeoutMs), topics,
                smartmodules);
    }
}
