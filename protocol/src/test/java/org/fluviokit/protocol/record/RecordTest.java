package org.fluviokit.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fluviokit.protocol.Hex;
import org.fluviokit.protocol.ProtocolException;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;
import org.junit.jupiter.api.Test;

/** Record encoding, spec §4.4. */
class RecordTest {

    private static String encode(Record record) {
        WireWriter out = new WireWriter();
        record.encode(out);
        return Hex.hex(out.toByteArray());
    }

    private static Record decode(String hex) {
        WireReader in = new WireReader(Hex.bytes(hex));
        Record record = Record.decode(in);
        assertThat(in.hasRemaining()).isFalse();
        return record;
    }

    @Test
    void dogRecordMatchesFluviosVector() {
        // value "dog", offset_delta 1, no key (Fluvio's data.rs test).
        Record dog = Record.of("dog").withOffsetDelta(1);
        assertThat(encode(dog)).isEqualTo("12 00 00 02 00 06 64 6f 67 00");
        assertThat(decode("12 00 00 02 00 06 64 6f 67 00")).isEqualTo(dog);
    }

    @Test
    void keyIsFluviosOptionByteNotKafkasMinusOne() {
        assertThat(encode(Record.of("1", "a"))).isEqualTo("12 00 00 00 01 02 31 02 61 00");
        Record decoded = decode("12 00 00 00 01 02 31 02 61 00");
        assertThat(decoded.key()).get().isEqualTo(new byte[] {'1'});
        assertThat(decoded.value()).isEqualTo(new byte[] {'a'});
    }

    @Test
    void kafkaStyleNullKeyIsRejectedAsABadOptionFlag() {
        // A Kafka record writes "no key" as varint length -1 (0x01 zig-zagged). Fluvio reads that
        // byte as the option flag Some, takes the value as the key, and runs out of bytes.
        assertThatThrownBy(() -> decode("0e 00 00 00 01 02 61 00"))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("record header count");
    }

    @Test
    void oldEmptyKeyEncodingReadsAsNoKey() {
        // §4.4: old stores wrote an empty key as one zero length byte.
        assertThat(decode("0e 00 00 00 00 02 61 00").key()).isEmpty();
    }

    @Test
    void timestampDeltaIsAZigZagVarint() {
        assertThat(encode(Record.of("a").withTimestampDelta(8191))).isEqualTo("10 00 fe 7f 00 00 02 61 00");
    }

    @Test
    void nonZeroHeaderCountIsRejected() {
        assertThatThrownBy(() -> decode("0e 00 00 00 00 02 61 02"))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("record has 1 headers; Fluvio records never carry headers");
    }

    @Test
    void recordLengthMustMatchItsFields() {
        assertThatThrownBy(() -> decode("10 00 00 00 00 02 61 00 ff"))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("leaves 1 unread bytes");
    }

    @Test
    void hugeRecordAndValueLengthsFailWithoutAllocating() {
        // record length 2^31-1 (zig-zag fe ff ff ff 0f) with a few bytes left
        assertThatThrownBy(() -> decode("fe ff ff ff 0f 00 00"))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("exceeds the 2 bytes left");
        // value length 2^30 inside a short record
        assertThatThrownBy(() -> decode("0c 00 00 00 00 80 80 80 80 08 00"))
                .isInstanceOf(ProtocolException.class);
        // negative value length
        assertThatThrownBy(() -> decode("0a 00 00 00 00 01 00 00 00 00 00"))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("negative");
    }

    @Test
    void recordsAreImmutableValues() {
        byte[] value = {'a'};
        Record record = Record.of(value);
        value[0] = 'b';
        record.value()[0] = 'c';
        assertThat(record.value()).isEqualTo(new byte[] {'a'});
        assertThat(record).isEqualTo(Record.of("a")).hasSameHashCodeAs(Record.of("a"));
        assertThat(record.toString()).contains("\"a\"");
    }
}
