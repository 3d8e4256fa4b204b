package org.fluviokit.protocol.record;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.zip.CRC32C;

import org.fluviokit.protocol.ProtocolException;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * A record batch, identical on the wire and in the SPU's log (spec §4.2): Kafka's "magic 2"
 * header followed by Fluvio's records section.
 *
 * <p>The records section is kept exactly as it travels ({@link #rawRecords()}, compressed when
 * the attributes say so), so a batch can be stored and re-sent without touching its records and
 * {@link #withBaseOffset(long)} rewrites the offset as the SPU does (§4.6) without re-encoding
 * them. {@link #records()} decodes the section on demand.
 *
 * <p>{@link #encode} always writes the batch_len and CRC-32C computed from the other fields, as
 * Fluvio's encoder does; {@link #crc()} is the value that was decoded (or computed when the batch
 * was built), so {@link #isCrcValid()} tells whether a peer sent a correct one.
 *
 * @param baseOffset           offset of the first record (producers send {@code n − 1}, §4.5)
 * @param partitionLeaderEpoch always −1
 * @param magic                always 2
 * @param crc                  u32 CRC-32C of attributes..end, as decoded or built
 * @param attributes           compression code in bits 0–2, schema-id flag 0x10
 * @param lastOffsetDelta      record count − 1 (−1 for an empty batch)
 * @param firstTimestamp       ms since the epoch, −1 for none
 * @param maxTimeStamp         ms since the epoch, −1 for none
 * @param producerId           −1
 * @param producerEpoch        −1
 * @param firstSequence        −1
 * @param schemaId             u32, present exactly when {@code attributes & 0x10}
 * @param rawRecords           the records section as on the wire (the i32 record count and the
 *                             records, compressed as a whole when a codec is set)
 */
public record RecordBatch(long baseOffset, int partitionLeaderEpoch, byte magic, int crc,
                          short attributes, int lastOffsetDelta, long firstTimestamp,
                          long maxTimeStamp, long producerId, short producerEpoch,
                          int firstSequence, OptionalLong schemaId, byte[] rawRecords) {

    /** Bytes of base_offset and batch_len, which batch_len does not count. */
    public static final int PREAMBLE_SIZE = 12;
    /** Header bytes counted by batch_len before the records section (without schema id). */
    public static final int HEADER_SIZE = 45;
    /** Attribute flag: a u32 schema id follows the header (a Fluvio extension). */
    public static final short SCHEMA_ID_FLAG = 0x10;
    public static final byte MAGIC = 2;

    public RecordBatch {
        Objects.requireNonNull(schemaId, "schemaId");
        boolean flagged = (attributes & SCHEMA_ID_FLAG) != 0;
        if (flagged != schemaId.isPresent()) {
            throw new IllegalArgumentException("schema id must be present exactly when attributes has "
                    + "the 0x10 flag (attributes 0x" + Integer.toHexString(attributes & 0xFFFF)
                    + ", schema id " + schemaId + ")");
        }
        if (schemaId.isPresent() && (schemaId.getAsLong() < 0 || schemaId.getAsLong() > 0xFFFF_FFFFL)) {
            throw new IllegalArgumentException("schema id " + schemaId.getAsLong() + " is not a u32");
        }
        rawRecords = rawRecords.clone();
    }

    /**
     * Builds a batch the way Fluvio's producer does (§4.5): records get offset deltas 0, 1, …
     * (their timestamp deltas are kept), base_offset and last_offset_delta are {@code n − 1},
     * max_time_stamp is first_timestamp plus the last record's timestamp delta, producer fields
     * are −1, and the CRC is computed.
     *
     * @param firstTimestamp the batch creation time in ms since the epoch
     * @param compression    NONE or GZIP
     * @param records        at least one record
     */
    public static RecordBatch ofRecords(long firstTimestamp, Compression compression, List<Record> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a producer batch holds at least one record");
        }
        List<Record> numbered = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            numbered.add(records.get(i).withOffsetDelta(i));
        }
        int lastOffsetDelta = records.size() - 1;
        long maxTimeStamp = firstTimestamp + numbered.get(lastOffsetDelta).timestampDelta();
        byte[] section = Codecs.compress(compression, recordsSection(numbered));
        return new RecordBatch(lastOffsetDelta, -1, MAGIC, 0, (short) compression.code(),
                lastOffsetDelta, firstTimestamp, maxTimeStamp, -1, (short) -1, -1,
                OptionalLong.empty(), section).withComputedCrc();
    }

    /** {@link #ofRecords(long, Compression, List)} without compression. */
    public static RecordBatch ofRecords(long firstTimestamp, Record... records) {
        return ofRecords(firstTimestamp, Compression.NONE, List.of(records));
    }

    /** This batch at another base offset; records untouched, CRC unchanged (it does not cover it). */
    public RecordBatch withBaseOffset(long newBaseOffset) {
        return new RecordBatch(newBaseOffset, partitionLeaderEpoch, magic, crc, attributes,
                lastOffsetDelta, firstTimestamp, maxTimeStamp, producerId, producerEpoch,
                firstSequence, schemaId, rawRecords);
    }

    /** This batch with {@link #crc()} set to the CRC its bytes actually have. */
    public RecordBatch withComputedCrc() {
        return new RecordBatch(baseOffset, partitionLeaderEpoch, magic, computeCrc(), attributes,
                lastOffsetDelta, firstTimestamp, maxTimeStamp, producerId, producerEpoch,
                firstSequence, schemaId, rawRecords);
    }

    @Override
    public byte[] rawRecords() {
        return rawRecords.clone();
    }

    /** The codec named by the attributes. */
    public Compression compression() {
        return Compression.fromAttributes(attributes);
    }

    public boolean hasSchemaId() {
        return schemaId.isPresent();
    }

    /** Record count as clients count it: {@code last_offset_delta + 1} (§4.3). */
    public int recordCount() {
        return lastOffsetDelta + 1;
    }

    /** Offset of the last record: {@code base_offset + last_offset_delta}. */
    public long lastOffset() {
        return baseOffset + lastOffsetDelta;
    }

    /** batch_len: the bytes after the batch_len field. */
    public int batchLength() {
        return HEADER_SIZE + (hasSchemaId() ? 4 : 0) + rawRecords.length;
    }

    /** Total encoded size, preamble included. */
    public int sizeInBytes() {
        return PREAMBLE_SIZE + batchLength();
    }

    /** CRC-32C (Castagnoli) of everything from attributes to the end of the batch (§4.2). */
    public int computeCrc() {
        WireWriter covered = new WireWriter(rawRecords.length + 40);
        writeCrcCovered(covered);
        CRC32C crc32c = new CRC32C();
        crc32c.update(covered.toByteArray());
        return (int) crc32c.getValue();
    }

    public boolean isCrcValid() {
        return crc == computeCrc();
    }

    /**
     * The records, decompressed and decoded.
     *
     * @throws UnsupportedCompressionException for Snappy, LZ4 and zstd batches
     * @throws ProtocolException               if the section is not valid
     */
    public List<Record> records() {
        byte[] section = Codecs.decompress(compression(), rawRecords);
        WireReader in = new WireReader(section);
        // Fluvio decodes an empty records section as no records (§4.2).
        if (!in.hasRemaining()) {
            return List.of();
        }
        List<Record> records = in.vec("records", Record::decode);
        if (in.hasRemaining()) {
            throw in.invalid(in.remaining() + " unexpected bytes after the last record", in.position());
        }
        return Collections.unmodifiableList(records);
    }

    public void encode(WireWriter out) {
        out.i64(baseOffset).i32(batchLength()).i32(partitionLeaderEpoch).i8(magic);
        out.u32(Integer.toUnsignedLong(computeCrc()));
        writeCrcCovered(out);
    }

    /** The encoded batch. */
    public byte[] toByteArray() {
        WireWriter out = new WireWriter(sizeInBytes());
        encode(out);
        return out.toByteArray();
    }

    /** Decodes one whole batch; a batch longer than the input is an error. */
    public static RecordBatch decode(WireReader in) {
        return decode(in, false);
    }

    /**
     * @param tailMayBeTruncated when true (inside a record set, §4.3) a batch cut short by the end
     *                           of input yields null instead of an error
     */
    static RecordBatch decode(WireReader in, boolean tailMayBeTruncated) {
        if (tailMayBeTruncated && in.remaining() < PREAMBLE_SIZE) {
            return null;
        }
        long baseOffset = in.i64("base_offset");
        int lengthAt = in.position();
        int batchLength = in.i32("batch_len");
        if (batchLength < HEADER_SIZE) {
            throw in.invalid("batch_len " + batchLength + " is shorter than the " + HEADER_SIZE
                    + "-byte batch header", lengthAt);
        }
        if (tailMayBeTruncated && batchLength > in.remaining()) {
            return null;
        }
        WireReader body = in.slice(batchLength, "batch of batch_len " + batchLength);
        int partitionLeaderEpoch = body.i32("partition_leader_epoch");
        byte magic = body.i8("magic");
        int crc = body.i32("crc");
        short attributes = body.i16("attributes");
        int lastOffsetDelta = body.i32("last_offset_delta");
        long firstTimestamp = body.i64("first_timestamp");
        long maxTimeStamp = body.i64("max_time_stamp");
        long producerId = body.i64("producer_id");
        short producerEpoch = body.i16("producer_epoch");
        int firstSequence = body.i32("first_sequence");
        OptionalLong schemaId = (attributes & SCHEMA_ID_FLAG) != 0
                ? OptionalLong.of(body.u32("schema_id"))
                : OptionalLong.empty();
        byte[] rawRecords = body.raw(body.remaining(), "records section");
        return new RecordBatch(baseOffset, partitionLeaderEpoch, magic, crc, attributes,
                lastOffsetDelta, firstTimestamp, maxTimeStamp, producerId, producerEpoch,
                firstSequence, schemaId, rawRecords);
    }

    /** The uncompressed records section: i32 count, then the records (§4.2). */
    static byte[] recordsSection(List<Record> records) {
        WireWriter out = new WireWriter();
        out.vec(records, (w, r) -> r.encode(w));
        return out.toByteArray();
    }

    private void writeCrcCovered(WireWriter out) {
        out.i16(attributes).i32(lastOffsetDelta).i64(firstTimestamp).i64(maxTimeStamp)
                .i64(producerId).i16(producerEpoch).i32(firstSequence);
        schemaId.ifPresent(out::u32);
        out.raw(rawRecords);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordBatch that
                && baseOffset == that.baseOffset
                && partitionLeaderEpoch == that.partitionLeaderEpoch
                && magic == that.magic
                && crc == that.crc
                && attributes == that.attributes
                && lastOffsetDelta == that.lastOffsetDelta
                && firstTimestamp == that.firstTimestamp
                && maxTimeStamp == that.maxTimeStamp
                && producerId == that.producerId
                && producerEpoch == that.producerEpoch
                && firstSequence == that.firstSequence
                && schemaId.equals(that.schemaId)
                && Arrays.equals(rawRecords, that.rawRecords);
    }

    @Override
    public int hashCode() {
        return Objects.hash(baseOffset, crc, attributes, lastOffsetDelta, firstTimestamp,
                Arrays.hashCode(rawRecords));
    }

    @Override
    public String toString() {
        return "RecordBatch[baseOffset=" + baseOffset + ", lastOffsetDelta=" + lastOffsetDelta
                + ", firstTimestamp=" + firstTimestamp + ", maxTimeStamp=" + maxTimeStamp
                + ", attributes=0x" + Integer.toHexString(attributes & 0xFFFF)
                + ", crc=0x" + Integer.toHexString(crc)
                + schemaId.stream().mapToObj(id -> ", schemaId=" + id).findFirst().orElse("")
                + ", rawRecords=" + rawRecords.length + " bytes]";
    }
}
