package org.fluviokit.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The encodings of spec §1.4 and §1.6, both directions. */
class PrimitivesTest {

    /** The zig-zag table of Fluvio's varint tests (§1.6). */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0, 00",
            "-1, 01",
            "1, 02",
            "4, 08",
            "7, 0e",
            "10, 14",
            "63, 7e",
            "8191, fe 7f",
            "-134217729, 81 80 80 80 01",
    })
    void zigZagVarintTable(long value, String hex) {
        assertThat(Hex.hex(new WireWriter().varint(value).toByteArray())).isEqualTo(hex);
        WireReader in = new WireReader(Hex.bytes(hex));
        assertThat(in.varint("v")).isEqualTo(value);
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void varintsAtTheEdgesOfTheI32RangeRoundTrip() {
        for (long value : new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE, -64, 64, -65}) {
            byte[] bytes = new WireWriter().varint(value).toByteArray();
            assertThat(new WireReader(bytes).varint("v")).isEqualTo(value);
        }
    }

    @Test
    void varintOutsideI32IsRefusedBecauseFluviosEncoderCannotWriteIt() {
        assertThatThrownBy(() -> new WireWriter().varint(1L << 31)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decoderAcceptsStandard64BitVarints() {
        // §1.6: the decoder takes up to 63 bits of payload; 2^40 zig-zagged.
        byte[] bytes = Hex.bytes("80 80 80 80 80 40");
        assertThat(new WireReader(bytes).varint("v")).isEqualTo(1L << 40);
    }

    @Test
    void varintLongerThan64BitsIsRejected() {
        assertThatThrownBy(() -> new WireReader(Hex.bytes("ff ff ff ff ff ff ff ff ff 02")).varint("v"))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("overflows 64 bits");
        assertThatThrownBy(() -> new WireReader(Hex.bytes("ff ff ff ff ff ff ff ff ff ff 01")).varint("v"))
                .isInstanceOf(ProtocolException.class);
        assertThat(new WireReader(Hex.bytes("fe ff ff ff ff ff ff ff ff 01")).varint("v")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void fixedWidthIntegersAreBigEndian() {
        byte[] bytes = new WireWriter().i8(-1).u8(255).i16(-2).u16(65535).i32(0x01020304).u32(0xFFFFFFFFL)
                .i64(0x0102030405060708L).u64(-1L).toByteArray();
        assertThat(Hex.hex(bytes)).isEqualTo(Hex.normalize(
                "ff ff fffe ffff 01020304 ffffffff 0102030405060708 ffffffffffffffff"));
        WireReader in = new WireReader(bytes);
        assertThat(in.i8("i8")).isEqualTo((byte) -1);
        assertThat(in.u8("u8")).isEqualTo(255);
        assertThat(in.i16("i16")).isEqualTo((short) -2);
        assertThat(in.u16("u16")).isEqualTo(65535);
        assertThat(in.i32("i32")).isEqualTo(0x01020304);
        assertThat(in.u32("u32")).isEqualTo(0xFFFFFFFFL);
        assertThat(in.i64("i64")).isEqualTo(0x0102030405060708L);
        assertThat(in.u64("u64")).isEqualTo(-1L);
    }

    @Test
    void valuesOutsideTheirWireTypeAreRefused() {
        assertThatThrownBy(() -> new WireWriter().u8(256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WireWriter().u16(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WireWriter().u32(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WireWriter().u32(1L << 32)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stringIsU16LengthThenUtf8() {
        byte[] bytes = new WireWriter().string("héllo").toByteArray();
        assertThat(Hex.hex(bytes)).isEqualTo("00 06 68 c3 a9 6c 6c 6f");
        assertThat(new WireReader(bytes).string("s")).isEqualTo("héllo");
    }

    @Test
    void stringsFluvioCannotDecodeAreRefused() {
        // §1.4: Fluvio reads the length as i16, so 32768 bytes would come back as "".
        assertThatThrownBy(() -> new WireWriter().string("x".repeat(32_768)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("i16");
        assertThat(new WireWriter().string("x".repeat(32_767)).size()).isEqualTo(32_769);
    }

    @Test
    void optionIsAFlagThenTheValue() {
        byte[] bytes = new WireWriter().option(Optional.of("c1"), WireWriter::string)
                .option(Optional.<String>empty(), WireWriter::string).toByteArray();
        assertThat(Hex.hex(bytes)).isEqualTo("01 00 02 63 31 00");
        WireReader in = new WireReader(bytes);
        assertThat(in.option("a", r -> r.string("a"))).contains("c1");
        assertThat(in.option("b", r -> r.string("b"))).isEmpty();
    }

    @Test
    void vecIsU32CountThenElements() {
        byte[] bytes = new WireWriter().vec(List.of(5001, 5002), WireWriter::i32).toByteArray();
        assertThat(Hex.hex(bytes)).isEqualTo("00 00 00 02 00 00 13 89 00 00 13 8a");
        assertThat(new WireReader(bytes).vec("v", r -> r.i32("e"))).containsExactly(5001, 5002);
    }

    @Test
    void byteVectorIsU32LengthThenBytes() {
        byte[] bytes = new WireWriter().bytes(new byte[] {(byte) 0xde, (byte) 0xad}).toByteArray();
        assertThat(Hex.hex(bytes)).isEqualTo("00 00 00 02 de ad");
        assertThat(new WireReader(bytes).bytes("b")).containsExactly(0xde, 0xad);
    }

    @Test
    void btreeMapIsU16CountThenPairsInAscendingKeyOrder() {
        SortedMap<String, String> map = new TreeMap<>();
        map.put("b", "2");
        map.put("a", "1");
        byte[] bytes = new WireWriter().btreeMap(map, WireWriter::string, WireWriter::string).toByteArray();
        assertThat(Hex.hex(bytes)).isEqualTo("00 02 00 01 61 00 01 31 00 01 62 00 01 32");
        assertThat(new WireReader(bytes).btreeMap("m", Comparator.<String>naturalOrder(),
                r -> r.string("k"), r -> r.string("v"))).isEqualTo(map);
    }

    @Test
    void durationIsU64SecondsThenU32Nanos() {
        byte[] bytes = new WireWriter().duration(Duration.ofSeconds(3, 5)).toByteArray();
        assertThat(Hex.hex(bytes)).isEqualTo("00 00 00 00 00 00 00 03 00 00 00 05");
        assertThat(new WireReader(bytes).duration("d")).isEqualTo(Duration.ofSeconds(3, 5));
    }

    @Test
    void lengthPrefixedBackFillsTheLength() {
        byte[] bytes = new WireWriter().u8(9).lengthPrefixed(w -> w.string("hello")).toByteArray();
        assertThat(Hex.hex(bytes)).isEqualTo("09 00 00 00 07 00 05 68 65 6c 6c 6f");
    }

    @Test
    void requestHeaderMatchesFluviosOwnVector() {
        // The header vector of Fluvio's request.rs test (§1.2).
        byte[] expected = Hex.bytes("00 12 00 01 00 00 00 01 00 0a 63 6f 6e 73 75 6d 65 72 2d 31");
        RequestHeader header = new RequestHeader(18, (short) 1, 1, "consumer-1");
        WireWriter out = new WireWriter();
        header.encode(out);
        assertThat(out.toByteArray()).isEqualTo(expected);
        assertThat(RequestHeader.decode(new WireReader(expected))).isEqualTo(header);
    }

    @Test
    void framesCarryTheirLength() {
        assertThat(Hex.hex(Frames.frame(new byte[] {1, 2, 3}))).isEqualTo("00 00 00 03 01 02 03");
        assertThat(Hex.hex(new WireWriter().u8(7).toFrame())).isEqualTo("00 00 00 01 07");
    }
}
