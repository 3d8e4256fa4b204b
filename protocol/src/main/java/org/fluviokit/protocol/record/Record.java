package org.fluviokit.protocol.record;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * One record inside a {@link RecordBatch} (spec §4.4): a varint length, attributes, zig-zag
 * varint timestamp and offset deltas, an optional key, a value, and a header count that Fluvio
 * always writes as 0.
 *
 * <p>The key uses Fluvio's own option encoding, one byte {@code 00} (no key) or {@code 01}
 * followed by the key bytes, <em>not</em> Kafka's varint length −1.
 *
 * <p>Byte arrays are copied in and out, so a {@code Record} is immutable.
 *
 * @param attributes     i8, always 0
 * @param timestampDelta milliseconds relative to the batch's first_timestamp
 * @param offsetDelta    index of the record in its batch (readers use the position instead, §4.3)
 * @param key            the key, if any
 * @param value          the value
 */
public record Record(byte attributes, long timestampDelta, long offsetDelta, Optional<byte[]> key,
                     byte[] value) {

    public Record {
        key = key.map(byte[]::clone);
        value = value.clone();
    }

    /** A record without key, attributes or deltas. */
    public static Record of(byte[] value) {
        return new Record((byte) 0, 0, 0, Optional.empty(), value);
    }

    /** A record with a key. */
    public static Record of(byte[] key, byte[] value) {
        return new Record((byte) 0, 0, 0, Optional.of(key), value);
    }

    /** A record whose value is the UTF-8 bytes of {@code value}. */
    public static Record of(String value) {
        return of(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A record whose key and value are the UTF-8 bytes of the given strings. */
    public static Record of(String key, String value) {
        return of(key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
    }

    public Record withTimestampDelta(long timestampDelta) {
        return new Record(attributes, timestampDelta, offsetDelta, key, value);
    }

    public Record withOffsetDelta(long offsetDelta) {
        return new Record(attributes, timestampDelta, offsetDelta, key, value);
    }

    @Override
    public Optional<byte[]> key() {
        return key.map(byte[]::clone);
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    void encode(WireWriter out) {
        WireWriter body = new WireWriter(value.length + key.map(k -> k.length).orElse(0) + 16);
        body.i8(attributes).varint(timestampDelta).varint(offsetDelta);
        body.option(key, WireWriter::varintBytes);
        body.varintBytes(value);
        // Fluvio never writes record headers (§4.4).
        body.varint(0);
        out.varint(body.size()).raw(body.toByteArray());
    }

    static Record decode(WireReader in) {
        int at = in.position();
        long length = in.varint("record length");
        WireReader body = in.slice(length, "record");
        byte attributes = body.i8("record attributes");
        long timestampDelta = body.varint("timestamp_delta");
        long offsetDelta = body.varint("offset_delta");
        Optional<byte[]> key = body.option("record key", r -> r.varintBytes("record key"));
        byte[] value = body.varintBytes("record value");
        int headersAt = body.position();
        long headers = body.varint("record header count");
        if (headers != 0) {
            // Fluvio has no decodable header entries: a non-zero count means the bytes are not a
            // Fluvio record (for example a Kafka record with headers).
            throw body.invalid("record has " + headers
                    + " headers; Fluvio records never carry headers (§4.4)", headersAt);
        }
        if (body.hasRemaining()) {
            throw in.invalid("record length " + length + " leaves " + body.remaining()
                    + " unread bytes after the header count", at);
        }
        return new Record(attributes, timestampDelta, offsetDelta, key, value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Record that
                && attributes == that.attributes
                && timestampDelta == that.timestampDelta
                && offsetDelta == that.offsetDelta
                && key.isPresent() == that.key.isPresent()
                && (key.isEmpty() || Arrays.equals(key.get(), that.key.get()))
                && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(attributes, timestampDelta, offsetDelta,
                key.map(Arrays::hashCode).orElse(-1), Arrays.hashCode(value));
    }

    @Override
    public String toString() {
        return "Record[key=" + key.map(Record::show).orElse("None") + ", value=" + show(value)
                + ", timestampDelta=" + timestampDelta + ", offsetDelta=" + offsetDelta
                + (attributes != 0 ? ", attributes=" + attributes : "") + "]";
    }

    private static String show(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes)
                ? '"' + text + '"'
                : bytes.length + " bytes";
    }
}
