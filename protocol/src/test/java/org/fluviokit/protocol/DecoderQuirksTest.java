package org.fluviokit.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The decoder rules of spec §1.4 that real Fluvio peers rely on. */
class DecoderQuirksTest {

    @Test
    void stringLengthIsReadAsI16AndNonPositiveMeansEmpty() {
        assertThat(new WireReader(Hex.bytes("00 00")).string("s")).isEmpty();
        // A u16 length of 0xffff reads as i16 -1: empty, and no bytes consumed after the length.
        WireReader in = new WireReader(Hex.bytes("ff ff 41"));
        assertThat(in.string("s")).isEmpty();
        assertThat(in.remaining()).isEqualTo(1);
        assertThat(new WireReader(Hex.bytes("80 00")).string("s")).isEmpty();
    }

    @Test
    void vectorCountIsReadAsI32AndBelowOneMeansEmpty() {
        assertThat(new WireReader(Hex.bytes("00 00 00 00")).vec("v", r -> r.i32("e"))).isEmpty();
        // Kafka-style null array, -1.
        assertThat(new WireReader(Hex.bytes("ff ff ff ff")).vec("v", r -> r.i32("e"))).isEmpty();
        assertThat(new WireReader(Hex.bytes("80 00 00 00")).bytes("b")).isEmpty();
    }

    @Test
    void boolOtherThanZeroOrOneIsRejected() {
        assertThatThrownBy(() -> new WireReader(Hex.bytes("02")).bool("dry_run"))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("not valid bool value 2")
                .hasMessageContaining("dry_run");
        assertThatThrownBy(() -> new WireReader(Hex.bytes("ff 00")).option("o", r -> r.u8("x")))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void invalidUtf8IsRejected() {
        assertThatThrownBy(() -> new WireReader(Hex.bytes("00 02 c3 28")).string("topic"))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("invalid UTF-8 in topic at byte 0");
    }

    @Test
    void unknownEnumTagIsRejected() {
        enum Three { A, B, C }
        assertThat(new WireReader(Hex.bytes("02")).u8Enum("three", Three.values())).isEqualTo(Three.C);
        WireReader in = new WireReader(Hex.bytes("00 03"));
        in.u8("pad");
        assertThatThrownBy(() -> in.u8Enum("three", Three.values()))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("unknown three tag 3 at byte 1")
                .extracting(e -> ((ProtocolException) e).position()).isEqualTo(1);
    }

    @Test
    void truncationNamesTheFieldAndPosition() {
        WireReader in = new WireReader(Hex.bytes("00 00 00 01 00 00"));
        in.i32("count");
        assertThatThrownBy(() -> in.i64("offset"))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("truncated input reading offset (i64) at byte 4: only 2 bytes left");
    }

    @Test
    void readerOverASliceDoesNotReadPastTheSlice() {
        byte[] bytes = Hex.bytes("aa 00 00 00 01 bb");
        WireReader in = new WireReader(bytes, 1, 4);
        assertThat(in.i32("x")).isEqualTo(1);
        assertThatThrownBy(() -> in.u8("y")).isInstanceOf(ProtocolException.class);
    }
}
