package org.fluviokit.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads Fluvio's primitive and composite encodings (spec §1.4) from a slice of a byte array,
 * with the decoder quirks real Fluvio peers rely on:
 * <ul>
 *   <li>a string length is read as <b>i16</b>; a length &le; 0 gives the empty string;</li>
 *   <li>a vector count is read as <b>i32</b>; a count &lt; 1 gives an empty vector;</li>
 *   <li>a bool other than 0 or 1, and invalid UTF-8, are errors.</li>
 * </ul>
 *
 * <p>Every read is bounds-checked, and a length or count is checked against the bytes actually
 * left <em>before</em> anything is allocated, so hostile input can neither make the reader
 * allocate more than it was given nor raise anything but a {@link ProtocolException}. Each read
 * takes a short description of the field (Fluvio's field name) that ends up in the error message
 * together with the byte position.
 *
 * <p>Not thread-safe. Positions are indexes into the underlying array.
 */
public final class WireReader {

    private static final int MAX_VARINT_BYTES = 10;
    /** Small initial capacity: lists only grow as elements are actually decoded. */
    private static final int INITIAL_LIST_CAPACITY = 16;

    private final byte[] buf;
    private final int end;
    private int pos;

    /** Reads all of {@code bytes}. */
    public WireReader(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    /** Reads {@code length} bytes of {@code bytes} starting at {@code offset}. */
    public WireReader(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        this.buf = bytes;
        this.pos = offset;
        this.end = offset + length;
    }

    /** Index of the next byte to read. */
    public int position() {
        return pos;
    }

    /** Number of bytes left. */
    public int remaining() {
        return end - pos;
    }

    public boolean hasRemaining() {
        return pos < end;
    }

    // ------------------------------------------------------------------ fixed width

    public byte i8(String what) {
        require(1, what, "i8");
        return buf[pos++];
    }

    public int u8(String what) {
        return i8(what) & 0xFF;
    }

    public short i16(String what) {
        require(2, what, "i16");
        short value = (short) (((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF));
        pos += 2;
        return value;
    }

    public int u16(String what) {
        return i16(what) & 0xFFFF;
    }

    public int i32(String what) {
        require(4, what, "i32");
        int value = ((buf[pos] & 0xFF) << 24) | ((buf[pos + 1] & 0xFF) << 16)
                | ((buf[pos + 2] & 0xFF) << 8) | (buf[pos + 3] & 0xFF);
        pos += 4;
        return value;
    }

    public long u32(String what) {
        return Integer.toUnsignedLong(i32(what));
    }

    public long i64(String what) {
        require(8, what, "i64");
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (buf[pos + i] & 0xFF);
        }
        pos += 8;
        return value;
    }

    /** An unsigned u64, returned as the same 64 bits in a Java long. */
    public long u64(String what) {
        return i64(what);
    }

    /** A bool: {@code 00} or {@code 01}; any other value is rejected, as Fluvio does. */
    public boolean bool(String what) {
        int at = pos;
        int value = u8(what);
        return switch (value) {
            case 0 -> false;
            case 1 -> true;
            default -> throw new ProtocolException(
                    "not valid bool value " + value + " reading " + what + " at byte " + at, at, null);
        };
    }

    // ------------------------------------------------------------------ composites

    /** A string: length read as i16 (&le; 0 means empty), then that many bytes of UTF-8. */
    public String string(String what) {
        int at = pos;
        int length = i16(what + " (string length)");
        if (length <= 0) {
            return "";
        }
        require(length, what, "string of " + length + " bytes");
        try {
            String value = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, pos, length))
                    .toString();
            pos += length;
            return value;
        } catch (CharacterCodingException e) {
            throw new ProtocolException("invalid UTF-8 in " + what + " at byte " + at, at, e);
        }
    }

    /** {@code Option<T>}: a bool presence flag, then the value when present. */
    public <T> Optional<T> option(String what, Function<WireReader, T> element) {
        return bool(what + " (option flag)") ? Optional.of(element.apply(this)) : Optional.empty();
    }

    /**
     * {@code Vec<T>}: count read as i32 (&lt; 1 means empty), then the elements. Every element
     * of every vector in the protocol takes at least one byte, so a count larger than the bytes
     * left is rejected up front.
     */
    public <T> List<T> vec(String what, Function<WireReader, T> element) {
        int at = pos;
        int count = i32(what + " (vector count)");
        if (count < 1) {
            return List.of();
        }
        if (count > remaining()) {
            throw new ProtocolException("vector count " + count + " of " + what + " at byte " + at
                    + " exceeds the " + remaining() + " bytes left", at, null);
        }
        List<T> values = new ArrayList<>(Math.min(count, INITIAL_LIST_CAPACITY));
        for (int i = 0; i < count; i++) {
            values.add(element.apply(this));
        }
        return Collections.unmodifiableList(values);
    }

    /** {@code Vec<u8>} / {@code ByteBuf}: length read as i32 (&lt; 1 means empty), then bytes. */
    public byte[] bytes(String what) {
        int at = pos;
        int length = i32(what + " (byte length)");
        if (length < 1) {
            return new byte[0];
        }
        if (length > remaining()) {
            throw new ProtocolException("byte length " + length + " of " + what + " at byte " + at
                    + " exceeds the " + remaining() + " bytes left", at, null);
        }
        return raw(length, what);
    }

    /** Exactly {@code length} bytes, without any prefix. */
    public byte[] raw(int length, String what) {
        if (length < 0) {
            throw new ProtocolException("negative length " + length + " for " + what
                    + " at byte " + pos, pos, null);
        }
        require(length, what, length + " bytes");
        byte[] value = Arrays.copyOfRange(buf, pos, pos + length);
        pos += length;
        return value;
    }

    /**
     * A reader over the next {@code length} bytes, which this reader then skips. Nothing is
     * copied. Used for length-delimited parts: record sets, batches, records, SC payloads.
     */
    public WireReader slice(long length, String what) {
        int at = pos;
        if (length < 0 || length > remaining()) {
            throw new ProtocolException("length " + length + " of " + what + " at byte " + at
                    + (length < 0 ? " is negative" : " exceeds the " + remaining() + " bytes left"),
                    at, null);
        }
        WireReader slice = new WireReader(buf, pos, (int) length);
        pos += (int) length;
        return slice;
    }

    /**
     * {@code BTreeMap<K,V>}: a u16 entry count, then key/value pairs. As in Fluvio, the keys may
     * arrive in any order and a repeated key keeps its last value.
     */
    public <K, V> SortedMap<K, V> btreeMap(String what, Comparator<? super K> keyOrder,
                                           Function<WireReader, K> key, Function<WireReader, V> value) {
        int at = pos;
        int count = u16(what + " (map entry count)");
        if (count > remaining()) {
            throw new ProtocolException("map entry count " + count + " of " + what + " at byte " + at
                    + " exceeds the " + remaining() + " bytes left", at, null);
        }
        SortedMap<K, V> map = new TreeMap<>(keyOrder);
        for (int i = 0; i < count; i++) {
            K k = key.apply(this);
            map.put(k, value.apply(this));
        }
        return Collections.unmodifiableSortedMap(map);
    }

    /** {@code Duration}: u64 seconds then u32 nanoseconds. */
    public Duration duration(String what) {
        int at = pos;
        long seconds = u64(what + " (seconds)");
        long nanos = u32(what + " (nanoseconds)");
        if (seconds < 0) {
            throw new ProtocolException("duration of " + Long.toUnsignedString(seconds) + " s in "
                    + what + " at byte " + at + " is too long", at, null);
        }
        try {
            return Duration.ofSeconds(seconds, nanos);
        } catch (ArithmeticException e) {
            throw new ProtocolException("duration overflow in " + what + " at byte " + at, at, e);
        }
    }

    /**
     * A zig-zag varint (§1.6): 7-bit groups, least significant first, up to 64 bits of payload.
     */
    public long varint(String what) {
        int at = pos;
        long zigzag = 0;
        for (int i = 0; i < MAX_VARINT_BYTES; i++) {
            if (pos >= end) {
                throw truncated(at, what, "varint");
            }
            int b = buf[pos++] & 0xFF;
            if (i == MAX_VARINT_BYTES - 1 && b > 1) {
                // The tenth byte holds bit 63 only; anything more would not fit in 64 bits.
                throw new ProtocolException("varint " + what + " at byte " + at + " overflows 64 bits", at, null);
            }
            zigzag |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                return (zigzag >>> 1) ^ -(zigzag & 1);
            }
        }
        throw new ProtocolException("varint " + what + " at byte " + at + " is longer than "
                + MAX_VARINT_BYTES + " bytes", at, null);
    }

    /** Record data: a varint length, then the bytes (§4.4). */
    public byte[] varintBytes(String what) {
        int at = pos;
        long length = varint(what + " (length)");
        if (length < 0 || length > remaining()) {
            throw new ProtocolException("length " + length + " of " + what + " at byte " + at
                    + (length < 0 ? " is negative" : " exceeds the " + remaining() + " bytes left"),
                    at, null);
        }
        return raw((int) length, what);
    }

    /**
     * A u8 enum tag whose value is the constant's ordinal (the enums of this module declare their
     * constants in wire-tag order). An unknown tag is an error, as in Fluvio (§1.4).
     */
    public <E extends Enum<E>> E u8Enum(String what, E[] constants) {
        int at = pos;
        int tag = u8(what);
        if (tag >= constants.length) {
            throw unknownTag(what, tag, at);
        }
        return constants[tag];
    }

    /** An error for an unknown enum tag read at {@code position}. */
    public ProtocolException unknownTag(String what, int tag, int position) {
        return new ProtocolException("unknown " + what + " tag " + tag + " at byte " + position,
                position, null);
    }

    /** An error about the item that starts at {@code position}. */
    public ProtocolException invalid(String message, int position) {
        return new ProtocolException(message + " at byte " + position, position, null);
    }

    // ------------------------------------------------------------------ internals

    private void require(int length, String what, String type) {
        if (length > end - pos) {
            throw truncated(pos, what, type);
        }
    }

    private ProtocolException truncated(int at, String what, String type) {
        return new ProtocolException("truncated input reading " + what + " (" + type + ") at byte "
                + at + ": only " + (end - pos) + " bytes left", at, null);
    }
}
