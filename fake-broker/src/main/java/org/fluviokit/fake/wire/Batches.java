package org.fluviokit.fake.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fluviokit.fake.BrokerException;
import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.TopicInfo;
import org.fluviokit.fake.internal.BrokerConnection;
import org.fluviokit.fake.internal.ProducedRecord;
import org.fluviokit.fake.internal.StoredBatch;
import org.fluviokit.protocol.ErrorCode;
import org.fluviokit.protocol.ProtocolException;
import org.fluviokit.protocol.record.Compression;
import org.fluviokit.protocol.record.Record;
import org.fluviokit.protocol.record.RecordBatch;
import org.fluviokit.protocol.record.RecordSet;
import org.fluviokit.protocol.record.UnsupportedCompressionException;

/** Record batches on the wire ↔ batches of the engine (spec §4, §6.5). */
final class Batches {

    private Batches() {
    }

    /**
     * Appends one PartitionProduceData's batches, each as one engine batch, and returns the offset
     * the first record got (§3.6.1, §4.6).
     *
     * @throws BrokerException NotLeaderForPartition (6) for an unknown partition, CompressionError
     *                         (9000) for a codec the topic does not accept or the fake cannot read,
     *                         StorageError (56) for records that do not decode, MessageTooLarge (10)
     */
    static long append(BrokerConnection engine, FakeBroker broker, String topic, int partition, RecordSet records) {
        Optional<TopicInfo> info = broker.topic(topic);
        if (info.isEmpty() || partition < 0 || partition >= info.get().partitions().size()) {
            throw BrokerException.of(ErrorCode.NOT_LEADER_FOR_PARTITION);
        }
        long total = 0;
        for (RecordBatch batch : records.batches()) {
            total += batch.recordCount();
        }
        if (total == 0) {
            // Nothing to write (e.g. every record filtered out): OK at offset 0 (§3.6.1).
            return 0;
        }
        String accepted = info.get().config().compression();
        List<List<ProducedRecord>> decoded = new ArrayList<>();
        for (RecordBatch batch : records.batches()) {
            Compression codec;
            try {
                codec = batch.compression();
            } catch (ProtocolException e) {
                throw BrokerException.of(ErrorCode.COMPRESSION_ERROR);
            }
            if (!"any".equals(accepted) && !accepted.equals(codec.name().toLowerCase(java.util.Locale.ROOT))) {
                // The topic's compression_type admits only its own codec (§4.2).
                throw BrokerException.of(ErrorCode.COMPRESSION_ERROR);
            }
            if (batch.recordCount() <= 0) {
                // An empty batch among non-empty ones: the SPU's storage refuses it (§3.6.1).
                throw BrokerException.of(ErrorCode.STORAGE_ERROR);
            }
            decoded.add(records(batch));
        }
        long first = -1;
        for (List<ProducedRecord> batch : decoded) {
            long base = engine.produce(topic, partition, batch);
            if (first < 0) {
                first = base;
            }
        }
        return first;
    }

    private static List<ProducedRecord> records(RecordBatch batch) {
        List<Record> records;
        try {
            records = batch.records();
        } catch (UnsupportedCompressionException e) {
            // Snappy, LZ4 and zstd batches cannot be read here (the protocol module has no codecs
            // for them), so the fake cannot store them record by record.
            throw BrokerException.of(ErrorCode.COMPRESSION_ERROR);
        } catch (ProtocolException e) {
            if (batch.compression() != Compression.NONE) {
                throw BrokerException.of(ErrorCode.COMPRESSION_ERROR);
            }
            throw BrokerException.of(ErrorCode.STORAGE_ERROR);
        }
        if (records.size() != batch.recordCount()) {
            // Offsets are assigned by last_offset_delta (§4.3); a batch that disagrees with its own
            // header cannot be stored faithfully.
            throw BrokerException.of(ErrorCode.STORAGE_ERROR);
        }
        long first = batch.firstTimestamp();
        List<ProducedRecord> result = new ArrayList<>(records.size());
        for (Record record : records) {
            long timestamp = first < 0 ? -1 : first + record.timestampDelta();
            result.add(new ProducedRecord(record.key().orElse(null), record.value(), timestamp));
        }
        return result;
    }

    /** The engine's batches as record batches, at their offsets, with the stored timestamps. */
    static RecordSet toRecordSet(List<StoredBatch> batches) {
        List<RecordBatch> result = new ArrayList<>(batches.size());
        for (StoredBatch batch : batches) {
            result.add(toRecordBatch(batch));
        }
        return new RecordSet(result);
    }

    static RecordBatch toRecordBatch(StoredBatch batch) {
        long first = batch.firstTimestamp();
        List<Record> records = new ArrayList<>(batch.recordCount());
        for (int i = 0; i < batch.recordCount(); i++) {
            byte[] key = batch.key(i);
            long delta = first < 0 || batch.timestamp(i) < 0 ? 0 : batch.timestamp(i) - first;
            records.add(new Record((byte) 0, delta, i, Optional.ofNullable(key), batch.value(i)));
        }
        return RecordBatch.ofRecords(first < 0 ? -1 : first, Compression.NONE, records)
                .withBaseOffset(batch.baseOffset());
    }
}
