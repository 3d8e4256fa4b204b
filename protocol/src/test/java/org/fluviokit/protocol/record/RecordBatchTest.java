package org.fluviokit.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;

import org.fluviokit.protocol.Hex;
import org.fluviokit.protocol.ProtocolException;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;
import org.junit.jupiter.api.Test;

/** Batches (spec §4.2, §4.5–4.7) and record sets (§4.1, §4.3). */
class RecordBatchTest {

    private static final long TS = 1_700_000_000_000L;

    /** §4.7: the batch inside example K (one record, key "1", value "a"). */
    private static final String BATCH_K = """
            00 00 00 00 00 00 00 00  00 00 00 3b  ff ff ff ff  02  7a ed b3 be
            00 00  00 00 00 00  00 00 01 8b cf e5 68 00  00 00 01 8b cf e5 68 00
            ff ff ff ff ff ff ff ff  ff ff  ff ff ff ff
            00 00 00 01  12 00 00 00 01 02 31 02 61 00""";

    @Test
    void producerStyleBatchMatchesSection4_7() {
        RecordBatch batch = RecordBatch.ofRecords(TS, Record.of("1", "a"));
        assertThat(Hex.hex(batch.toByteArray())).isEqualTo(Hex.normalize(BATCH_K));
        assertThat(batch.crc()).isEqualTo(0x7aedb3be);
        assertThat(batch.batchLength()).isEqualTo(59);
    }

    @Test
    void batchOfSection4_7Decodes() {
        WireReader in = new WireReader(Hex.bytes(BATCH_K));
        RecordBatch batch = RecordBatch.decode(in);
        assertThat(in.hasRemaining()).isFalse();
        assertThat(batch.baseOffset()).isZero();
        assertThat(batch.partitionLeaderEpoch()).isEqualTo(-1);
        assertThat(batch.magic()).isEqualTo((byte) 2);
        assertThat(batch.crc()).isEqualTo(0x7aedb3be);
        assertThat(batch.isCrcValid()).isTrue();
        assertThat(batch.compression()).isEqualTo(Compression.NONE);
        assertThat(batch.lastOffsetDelta()).isZero();
        assertThat(batch.firstTimestamp()).isEqualTo(TS);
        assertThat(batch.maxTimeStamp()).isEqualTo(TS);
        assertThat(batch.producerId()).isEqualTo(-1);
        assertThat(batch.producerEpoch()).isEqualTo((short) -1);
        assertThat(batch.firstSequence()).isEqualTo(-1);
        assertThat(batch.schemaId()).isEmpty();
        assertThat(batch.records()).containsExactly(Record.of("1", "a"));
        assertThat(batch).isEqualTo(RecordBatch.ofRecords(TS, Record.of("1", "a")));
    }

    @Test
    void crcMatchesFluviosBatchTest() {
        // §4.2: value "test", last_offset_delta -1 (the test never updates it), both timestamps
        // 1555478494747, everything else at its default.
        long ts = 1_555_478_494_747L;
        RecordBatch batch = new RecordBatch(0, -1, RecordBatch.MAGIC, 0, (short) 0, -1, ts, ts, -1, (short) -1, -1,
                OptionalLong.empty(), RecordBatch.recordsSection(List.of(Record.of("test"))));
        assertThat(Integer.toUnsignedLong(batch.computeCrc())).isEqualTo(1_430_948_200L);
    }

    @Test
    void produceFixtureBatchHasCrc0c48500e() {
        // The batch of produce_request.bin: one default record, timestamps -1.
        RecordBatch batch = RecordBatch.ofRecords(-1, Record.of(new byte[0]));
        assertThat(batch.crc()).isEqualTo(0x0c48500e);
        assertThat(Hex.hex(batch.toByteArray())).isEqualTo(Hex.normalize("""
                00 00 00 00 00 00 00 00 00 00 00 38 ff ff ff ff 02 0c 48 50 0e 00 00 00 00 00 00
                ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff
                00 00 00 01 0c 00 00 00 00 00 00"""));
    }

    @Test
    void producerBatchFollowsTheRustProducer() {
        // §4.5: base_offset = last_offset_delta = n-1, offset deltas renumbered,
        // max_time_stamp = first + last record's delta, producer fields -1.
        RecordBatch batch = RecordBatch.ofRecords(TS, Compression.NONE, List.of(
                Record.of("a").withOffsetDelta(7), Record.of("b").withTimestampDelta(3),
                Record.of("c").withTimestampDelta(5)));
        assertThat(batch.baseOffset()).isEqualTo(2);
        assertThat(batch.lastOffsetDelta()).isEqualTo(2);
        assertThat(batch.recordCount()).isEqualTo(3);
        assertThat(batch.maxTimeStamp()).isEqualTo(TS + 5);
        assertThat(batch.records()).extracting(Record::offsetDelta).containsExactly(0L, 1L, 2L);
        assertThat(batch.producerId()).isEqualTo(-1);
        assertThat(batch.isCrcValid()).isTrue();
        assertThatThrownBy(() -> RecordBatch.ofRecords(TS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rewritingTheBaseOffsetKeepsRecordsAndCrc() {
        // §4.6: the CRC does not cover base_offset.
        RecordBatch produced = RecordBatch.ofRecords(TS, Record.of("1", "a"), Record.of("b"));
        RecordBatch stored = produced.withBaseOffset(42);
        assertThat(stored.baseOffset()).isEqualTo(42);
        assertThat(stored.crc()).isEqualTo(produced.crc());
        assertThat(stored.isCrcValid()).isTrue();
        assertThat(stored.lastOffset()).isEqualTo(43);
        byte[] producedBytes = produced.toByteArray();
        byte[] storedBytes = stored.toByteArray();
        assertThat(Arrays.copyOfRange(storedBytes, 8, storedBytes.length))
                .isEqualTo(Arrays.copyOfRange(producedBytes, 8, producedBytes.length));
        assertThat(new WireReader(storedBytes).i64("base_offset")).isEqualTo(42);
    }

    @Test
    void encodeWritesTheComputedCrcButDecodeKeepsTheReceivedOne() {
        byte[] bytes = Hex.bytes(BATCH_K);
        bytes[17] ^= 0x01; // corrupt the CRC
        RecordBatch received = RecordBatch.decode(new WireReader(bytes));
        assertThat(received.isCrcValid()).isFalse();
        // Like the SPU, re-encoding stores the right CRC (§4.2).
        assertThat(Hex.hex(received.toByteArray())).isEqualTo(Hex.normalize(BATCH_K));
        assertThat(received.withComputedCrc().isCrcValid()).isTrue();
    }

    @Test
    void gzipBatchRoundTrips() {
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            records.add(Record.of("key-" + i, "value value value " + i).withTimestampDelta(i));
        }
        RecordBatch batch = RecordBatch.ofRecords(TS, Compression.GZIP, records);
        assertThat(batch.compression()).isEqualTo(Compression.GZIP);
        assertThat(batch.attributes()).isEqualTo((short) 1);
        assertThat(batch.rawRecords().length).isLessThan(RecordBatch.recordsSection(records).length);

        RecordBatch decoded = RecordBatch.decode(new WireReader(batch.toByteArray()));
        assertThat(decoded).isEqualTo(batch);
        assertThat(decoded.isCrcValid()).isTrue();
        List<Record> expected = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            expected.add(records.get(i).withOffsetDelta(i));
        }
        assertThat(decoded.records()).isEqualTo(expected);
    }

    @Test
    void gzipSectionIncludesTheRecordCount() throws IOException {
        // §4.2: unlike Kafka, the i32 record count is inside the compressed bytes.
        RecordBatch batch = RecordBatch.ofRecords(TS, Compression.GZIP, List.of(Record.of("x"), Record.of("y")));
        byte[] plain;
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(batch.rawRecords()))) {
            plain = gzip.readAllBytes();
        }
        assertThat(new WireReader(plain).i32("count")).isEqualTo(2);
        assertThat(plain).isEqualTo(RecordBatch.recordsSection(List.of(
                Record.of("x"), Record.of("y").withOffsetDelta(1))));
    }

    @Test
    void invalidGzipIsAProtocolError() {
        RecordBatch batch = new RecordBatch(0, -1, RecordBatch.MAGIC, 0, (short) 1, 0, TS, TS, -1, (short) -1, -1,
                OptionalLong.empty(), new byte[] {1, 2, 3});
        assertThatThrownBy(batch::records)
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("gzip");
    }

    @Test
    void codecsWithoutAJdkImplementationAreNamedInATypedError() {
        for (Compression codec : List.of(Compression.SNAPPY, Compression.LZ4, Compression.ZSTD)) {
            RecordBatch batch = new RecordBatch(0, -1, RecordBatch.MAGIC, 0, (short) codec.code(), 0, TS, TS, -1,
                    (short) -1, -1, OptionalLong.empty(), new byte[] {1, 2, 3}).withComputedCrc();
            // They still decode and re-encode verbatim.
            assertThat(RecordBatch.decode(new WireReader(batch.toByteArray()))).isEqualTo(batch);
            assertThatThrownBy(batch::records)
                    .isInstanceOf(UnsupportedCompressionException.class)
                    .hasMessageContaining(codec.name())
                    .extracting(e -> ((UnsupportedCompressionException) e).compression()).isEqualTo(codec);
            assertThatThrownBy(() -> RecordBatch.ofRecords(TS, codec, List.of(Record.of("a"))))
                    .isInstanceOf(UnsupportedCompressionException.class);
        }
    }

    @Test
    void undefinedCompressionCodeIsRejected() {
        RecordBatch batch = new RecordBatch(0, -1, RecordBatch.MAGIC, 0, (short) 5, 0, TS, TS, -1, (short) -1, -1,
                OptionalLong.empty(), new byte[0]);
        assertThatThrownBy(batch::compression)
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("unknown compression code 5");
    }

    @Test
    void schemaIdIsPresentExactlyWhenFlagged() {
        byte[] section = RecordBatch.recordsSection(List.of(Record.of("a")));
        RecordBatch batch = new RecordBatch(0, -1, RecordBatch.MAGIC, 0, RecordBatch.SCHEMA_ID_FLAG, 0, TS, TS, -1,
                (short) -1, -1, OptionalLong.of(77), section).withComputedCrc();
        assertThat(batch.batchLength()).isEqualTo(RecordBatch.HEADER_SIZE + 4 + section.length);
        byte[] bytes = batch.toByteArray();
        assertThat(new WireReader(bytes, 57, 4).u32("schema_id")).isEqualTo(77);
        RecordBatch decoded = RecordBatch.decode(new WireReader(bytes));
        assertThat(decoded).isEqualTo(batch);
        assertThat(decoded.records()).containsExactly(Record.of("a"));
        assertThatThrownBy(() -> new RecordBatch(0, -1, RecordBatch.MAGIC, 0, (short) 0, 0, TS, TS, -1, (short) -1,
                -1, OptionalLong.of(77), section)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyRecordsSectionHasNoRecords() {
        RecordBatch empty = new RecordBatch(0, -1, RecordBatch.MAGIC, 0, (short) 0, -1, -1, -1, -1, (short) -1, -1,
                OptionalLong.empty(), new byte[0]);
        assertThat(empty.records()).isEmpty();
        assertThat(empty.recordCount()).isZero();
    }

    @Test
    void batchLengthShorterThanTheHeaderIsRejected() {
        assertThatThrownBy(() -> RecordBatch.decode(new WireReader(Hex.bytes("00 00 00 00 00 00 00 00 00 00 00 2c"))))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("batch_len 44 is shorter");
    }

    @Test
    void hugeBatchLengthFailsWithoutAllocating() {
        assertThatThrownBy(() -> RecordBatch.decode(new WireReader(Hex.bytes("00 00 00 00 00 00 00 00 7f ff ff ff 00"))))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("exceeds the 1 bytes left");
    }

    @Test
    void hugeRecordCountInASectionFailsWithoutAllocating() {
        RecordBatch batch = new RecordBatch(0, -1, RecordBatch.MAGIC, 0, (short) 0, 0, TS, TS, -1, (short) -1, -1,
                OptionalLong.empty(), Hex.bytes("7f ff ff ff 0c 00 00 00 00 00 00"));
        assertThatThrownBy(batch::records)
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("vector count 2147483647");
    }

    // record sets

    @Test
    void recordSetIsALengthThenBatches() {
        RecordBatch first = RecordBatch.ofRecords(TS, Record.of("1", "a"));
        RecordBatch second = RecordBatch.ofRecords(TS, Record.of("b")).withBaseOffset(1);
        WireWriter out = new WireWriter();
        RecordSet.of(first, second).encode(out);
        byte[] bytes = out.toByteArray();
        assertThat(new WireReader(bytes).i32("length")).isEqualTo(bytes.length - 4);
        RecordSet decoded = RecordSet.decode(new WireReader(bytes));
        assertThat(decoded.batches()).containsExactly(first, second);
        assertThat(decoded.recordCount()).isEqualTo(2);
    }

    @Test
    void truncatedTrailingBatchIsDroppedSilently() {
        // §4.3 / §3.6.3: the SPU cuts at max_bytes, possibly inside a batch.
        RecordBatch first = RecordBatch.ofRecords(TS, Record.of("1", "a"));
        byte[] a = first.toByteArray();
        byte[] b = RecordBatch.ofRecords(TS, Record.of("b")).withBaseOffset(1).toByteArray();
        for (int cut = 0; cut < b.length; cut++) {
            WireWriter out = new WireWriter();
            out.i32(a.length + cut).raw(a).raw(b, 0, cut);
            WireReader in = new WireReader(out.toByteArray());
            assertThat(RecordSet.decode(in).batches()).as("cut at %d", cut).containsExactly(first);
            assertThat(in.hasRemaining()).isFalse();
        }
    }

    @Test
    void recordSetLongerThanTheInputIsAnError() {
        assertThatThrownBy(() -> RecordSet.decode(new WireReader(Hex.bytes("00 00 00 10 00 00"))))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("exceeds the 2 bytes left");
        assertThatThrownBy(() -> RecordSet.decode(new WireReader(Hex.bytes("ff ff ff ff"))))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("negative record set length");
    }

    @Test
    void emptyRecordSetIsFourZeroBytes() {
        WireWriter out = new WireWriter();
        RecordSet.EMPTY.encode(out);
        assertThat(Hex.hex(out.toByteArray())).isEqualTo("00 00 00 00");
        assertThat(RecordSet.decode(new WireReader(out.toByteArray()))).isEqualTo(RecordSet.EMPTY);
    }
}
