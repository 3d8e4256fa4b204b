package org.fluviokit.protocol;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A growable big-endian buffer that writes Fluvio's primitive and composite encodings
 * (spec §1.4): fixed-width integers, bool, string, {@code Option}, {@code Vec}, {@code Vec<u8>},
 * {@code BTreeMap}, {@code Duration} and the zig-zag varints used inside records (§1.6).
 *
 * <p>Values that the wire cannot carry (a negative {@code u32}, a string Fluvio could not decode,
 * a varint outside the i32 range) are rejected with {@link IllegalArgumentException}: they are
 * bugs in the caller, not bad input.
 *
 * <p>Not thread-safe.
 */
public final class WireWriter {

    /** Fluvio decodes a string length as i16, so longer strings cannot be read back (§1.4). */
    public static final int MAX_STRING_BYTES = Short.MAX_VALUE;

    private static final long U32_MAX = 0xFFFF_FFFFL;
    private static final byte[] NO_BYTES = new byte[0];

    private byte[] buf;
    private int size;

    public WireWriter() {
        this(64);
    }

    public WireWriter(int initialCapacity) {
        buf = initialCapacity <= 0 ? NO_BYTES : new byte[initialCapacity];
    }

    /** Number of bytes written so far. */
    public int size() {
        return size;
    }

    /** A copy of the bytes written so far. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    /** The bytes written so far, preceded by their i32 length: one frame (§1.1). */
    public byte[] toFrame() {
        byte[] frame = new byte[4 + size];
        putI32(frame, 0, size);
        System.arraycopy(buf, 0, frame, 4, size);
        return frame;
    }

    // ------------------------------------------------------------------ fixed width

    public WireWriter i8(int value) {
        checkRange(value, Byte.MIN_VALUE, Byte.MAX_VALUE, "i8");
        return put1(value);
    }

    public WireWriter u8(int value) {
        checkRange(value, 0, 0xFF, "u8");
        return put1(value);
    }

    public WireWriter i16(int value) {
        checkRange(value, Short.MIN_VALUE, Short.MAX_VALUE, "i16");
        return put2(value);
    }

    public WireWriter u16(int value) {
        checkRange(value, 0, 0xFFFF, "u16");
        return put2(value);
    }

    public WireWriter i32(int value) {
        ensure(4);
        putI32(buf, size, value);
        size += 4;
        return this;
    }

    /** Writes an unsigned 32-bit value; {@code value} must be in {@code [0, 2^32)}. */
    public WireWriter u32(long value) {
        checkRange(value, 0, U32_MAX, "u32");
        return i32((int) value);
    }

    public WireWriter i64(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    /** Writes the 64 bits of {@code value} as an unsigned u64 (Java has no unsigned long). */
    public WireWriter u64(long value) {
        return i64(value);
    }

    public WireWriter bool(boolean value) {
        return put1(value ? 1 : 0);
    }

    // ------------------------------------------------------------------ composites

    /** A string: u16 byte length, then UTF-8 (§1.4). */
    public WireWriter string(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > MAX_STRING_BYTES) {
            throw new IllegalArgumentException("string of " + utf8.length
                    + " UTF-8 bytes is longer than the " + MAX_STRING_BYTES
                    + " bytes Fluvio can decode (it reads the length as i16, §1.4)");
        }
        u16(utf8.length);
        return raw(utf8);
    }

    /** {@code Option<T>}: a bool presence flag, then the value when present. */
    public <T> WireWriter option(Optional<T> value, BiConsumer<WireWriter, ? super T> element) {
        if (value.isPresent()) {
            bool(true);
            element.accept(this, value.get());
        } else {
            bool(false);
        }
        return this;
    }

    /** {@code Vec<T>}: a u32 element count, then the elements. */
    public <T> WireWriter vec(List<T> values, BiConsumer<WireWriter, ? super T> element) {
        u32(values.size());
        for (T value : values) {
            element.accept(this, value);
        }
        return this;
    }

    /** {@code Vec<u8>} (and {@code ByteBuf}): a u32 length, then the bytes. */
    public WireWriter bytes(byte[] value) {
        u32(value.length);
        return raw(value);
    }

    /** Bytes as they are, without any length prefix. */
    public WireWriter raw(byte[] value) {
        return raw(value, 0, value.length);
    }

    public WireWriter raw(byte[] value, int offset, int length) {
        ensure(length);
        System.arraycopy(value, offset, buf, size, length);
        size += length;
        return this;
    }

    /**
     * {@code BTreeMap<K,V>}: a u16 entry count, then key/value pairs in the map's (ascending) order.
     * The caller's {@link SortedMap} must be ordered the way Fluvio orders the keys.
     */
    public <K, V> WireWriter btreeMap(SortedMap<K, V> map, BiConsumer<WireWriter, ? super K> key,
                                      BiConsumer<WireWriter, ? super V> value) {
        u16(map.size());
        for (Map.Entry<K, V> entry : map.entrySet()) {
            key.accept(this, entry.getKey());
            value.accept(this, entry.getValue());
        }
        return this;
    }

    /** {@code Duration}: u64 seconds then u32 nanoseconds (§1.4). */
    public WireWriter duration(Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("a Fluvio Duration cannot be negative: " + value);
        }
        return u64(value.getSeconds()).u32(value.getNano());
    }

    /**
     * A zig-zag varint (§1.6). Fluvio's encoder is only correct for i32 values, so anything
     * outside that range is refused rather than written in a form Fluvio would misread.
     */
    public WireWriter varint(long value) {
        checkRange(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "varint");
        long zigzag = (value << 1) ^ (value >> 63);
        while ((zigzag & ~0x7FL) != 0) {
            put1((int) ((zigzag & 0x7F) | 0x80));
            zigzag >>>= 7;
        }
        return put1((int) zigzag);
    }

    /** Record data: a varint length, then the bytes (§4.4). */
    public WireWriter varintBytes(byte[] value) {
        varint(value.length);
        return raw(value);
    }

    /**
     * Writes an i32 length, then whatever {@code body} writes, and back-fills the length with the
     * number of bytes the body wrote. Used for record sets and the SC envelope's payload length.
     */
    public WireWriter lengthPrefixed(Consumer<WireWriter> body) {
        int at = size;
        i32(0);
        body.accept(this);
        putI32(buf, at, size - at - 4);
        return this;
    }

    // ------------------------------------------------------------------ internals

    private WireWriter put1(int value) {
        ensure(1);
        buf[size++] = (byte) value;
        return this;
    }

    private WireWriter put2(int value) {
        ensure(2);
        buf[size++] = (byte) (value >>> 8);
        buf[size++] = (byte) value;
        return this;
    }

    private static void putI32(byte[] target, int at, int value) {
        target[at] = (byte) (value >>> 24);
        target[at + 1] = (byte) (value >>> 16);
        target[at + 2] = (byte) (value >>> 8);
        target[at + 3] = (byte) value;
    }

    private void ensure(int more) {
        int needed = size + more;
        if (needed < 0) {
            throw new IllegalStateException("message larger than 2 GiB");
        }
        if (needed > buf.length) {
            int grown = Math.max(needed, Math.max(16, buf.length * 2));
            buf = Arrays.copyOf(buf, grown < 0 ? Integer.MAX_VALUE - 8 : grown);
        }
    }

    private static void checkRange(long value, long min, long max, String type) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(value + " does not fit in a " + type);
        }
    }
}
