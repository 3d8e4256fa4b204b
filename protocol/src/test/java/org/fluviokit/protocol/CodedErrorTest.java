package org.fluviokit.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** ErrorCode on the wire: i16 tag, then the code's fields (spec §3.3). */
class CodedErrorTest {

    private static String encode(CodedError error) {
        WireWriter out = new WireWriter();
        error.encode(out);
        return Hex.hex(out.toByteArray());
    }

    private static CodedError decode(String hex) {
        WireReader in = new WireReader(Hex.bytes(hex));
        CodedError error = CodedError.decode(in);
        assertThat(in.remaining()).isZero();
        return error;
    }

    private static void assertRoundTrip(CodedError error, String hex) {
        assertThat(encode(error)).isEqualTo(Hex.normalize(hex));
        assertThat(decode(hex)).isEqualTo(error);
    }

    @Test
    void noneIsTagZero() {
        assertRoundTrip(CodedError.NONE, "00 00");
        assertThat(decode("00 00")).isSameAs(CodedError.NONE);
    }

    @Test
    void codesWithoutFieldsAreJustTheTag() {
        assertRoundTrip(CodedError.of(ErrorCode.UNKNOWN_SERVER_ERROR), "ff ff");
        assertRoundTrip(CodedError.of(ErrorCode.NOT_LEADER_FOR_PARTITION), "00 06");
        assertRoundTrip(CodedError.of(ErrorCode.TOPIC_ALREADY_EXISTS), "07 d2");
        assertRoundTrip(CodedError.of(ErrorCode.FETCH_SESSION_NOT_FOUND), "0b ba");
        assertRoundTrip(CodedError.of(ErrorCode.COMPRESSION_ERROR), "23 28");
    }

    @Test
    void otherCarriesAString() {
        assertRoundTrip(CodedError.other("stream without consumer id"),
                "00 02 00 1a 73 74 72 65 61 6d 20 77 69 74 68 6f 75 74 20 63 6f 6e 73 75 6d 65 72 20 69 64");
        assertThat(CodedError.other("boom").message()).isEqualTo("Other error: boom");
    }

    @Test
    void requestTimedOutCarriesU64TimeoutAndU8Kind() {
        CodedError error = CodedError.of(ErrorCode.REQUEST_TIMED_OUT, 1500, "Produce");
        assertRoundTrip(error, "00 07 00 00 00 00 00 00 05 dc 00");
        assertThat(error.message()).isEqualTo("the request 'Produce' exceeded the timeout 1500 ms");
    }

    @Test
    void offsetEvictedCarriesTwoI64() {
        CodedError error = CodedError.of(ErrorCode.OFFSET_EVICTED, 3L, 10L);
        assertRoundTrip(error, "00 47 00 00 00 00 00 00 00 03 00 00 00 00 00 00 00 0a");
        assertThat(error.message()).isEqualTo("Offset 3 is evicted. The next available is 10");
    }

    @Test
    void partitionFullCarriesAReplicaKey() {
        assertRoundTrip(CodedError.of(ErrorCode.PARTITION_FULL, "hello", 1),
                "00 48 00 05 68 65 6c 6c 6f 00 00 00 01");
    }

    @Test
    void systemSpecErrorsCarryKindAndName() {
        CodedError error = CodedError.of(ErrorCode.SYSTEM_SPEC_DELETION_ATTEMPT, "topic", "consumer-offset");
        assertRoundTrip(error,
                "2e e1 00 05 74 6f 70 69 63 00 0f 63 6f 6e 73 75 6d 65 72 2d 6f 66 66 73 65 74");
        assertThat(error.message()).isEqualTo("system topic 'consumer-offset' can only be deleted forcibly");
        assertRoundTrip(CodedError.of(ErrorCode.SYSTEM_SPEC_UPDATING_ATTEMPT, "topic", "t"),
                "2e e2 00 05 74 6f 70 69 63 00 01 74");
    }

    @Test
    void offsetFlushRequestErrorCarriesAString() {
        assertRoundTrip(CodedError.of(ErrorCode.OFFSET_FLUSH_REQUEST_ERROR, "x"), "0b bb 00 01 78");
    }

    @Test
    void smartModuleErrorsCarryTheirFields() {
        assertRoundTrip(CodedError.of(ErrorCode.SMART_MODULE_NOT_FOUND, "m"), "17 71 00 01 6d");
        assertRoundTrip(CodedError.of(ErrorCode.SMART_MODULE_INVALID, "bad", Optional.of("m")),
                "17 72 00 03 62 61 64 01 00 01 6d");
        assertRoundTrip(CodedError.of(ErrorCode.SMART_MODULE_INVALID, "bad", Optional.empty()),
                "17 72 00 03 62 61 64 00");
        assertRoundTrip(CodedError.of(ErrorCode.SMART_MODULE_INVALID_EXPORTS, "e", "filter"),
                "17 73 00 01 65 00 06 66 69 6c 74 65 72");
        assertRoundTrip(CodedError.of(ErrorCode.SMART_MODULE_CHAIN_INIT_ERROR, "c"), "17 75 00 01 63");
        assertRoundTrip(CodedError.of(ErrorCode.SMART_MODULE_INIT_ERROR, "h"), "17 76 00 01 68");
        assertRoundTrip(CodedError.of(ErrorCode.SMART_MODULE_LOOK_BACK_ERROR, "l"), "17 77 00 01 6c");
        assertRoundTrip(CodedError.of(ErrorCode.SMART_MODULE_MEMORY_LIMIT_EXCEEDED, 2L, 1L),
                "17 78 00 00 00 00 00 00 00 02 00 00 00 00 00 00 00 01");
    }

    @Test
    void smartModuleRuntimeErrorDecodesIntoItsFields() {
        // {hint, offset i64, kind u8 (1 = Map), record_key Option<varint bytes>, record_value varint bytes}
        String hex = "17 74 00 04 6f 6f 70 73 00 00 00 00 00 00 00 07 01 01 02 6b 04 76 76";
        CodedError error = decode(hex);
        assertThat(error.code()).isEqualTo(ErrorCode.SMART_MODULE_RUNTIME_ERROR);
        assertThat(error.fields().get(0)).isEqualTo("oops");
        assertThat(error.fields().get(1)).isEqualTo(7L);
        assertThat(error.fields().get(2)).isEqualTo("Map");
        assertThat((Optional<?>) error.fields().get(3)).get().isEqualTo(new byte[] {'k'});
        assertThat(error.fields().get(4)).isEqualTo(new byte[] {'v', 'v'});
        assertThat(error).isEqualTo(CodedError.of(ErrorCode.SMART_MODULE_RUNTIME_ERROR, "oops", 7L, "Map",
                Optional.of(new byte[] {'k'}), new byte[] {'v', 'v'}));
        assertThat(encode(error)).isEqualTo(Hex.normalize(hex));
    }

    @Test
    void derivedStreamAndDeduplicationErrorsCarryAString() {
        assertRoundTrip(CodedError.of(ErrorCode.DERIVED_STREAM_NOT_FOUND, "d"), "1f 41 00 01 64");
        assertRoundTrip(CodedError.of(ErrorCode.DERIVED_STREAM_INVALID, "d"), "1f 43 00 01 64");
        assertRoundTrip(CodedError.of(ErrorCode.DEDUPLICATION_SMART_MODULE_NAME_INVALID, "d"), "27 11 00 01 64");
    }

    @Test
    void everyCodeRoundTripsWithSampleFields() {
        for (ErrorCode code : ErrorCode.values()) {
            Object[] sample = code.fields().stream().map(CodedErrorTest::sample).toArray();
            CodedError error = CodedError.of(code, sample);
            WireWriter out = new WireWriter();
            error.encode(out);
            assertThat(CodedError.decode(new WireReader(out.toByteArray()))).as(code.name()).isEqualTo(error);
        }
    }

    private static Object sample(ErrorField field) {
        return switch (field) {
            case STRING -> "s";
            case OPTION_STRING -> Optional.of("o");
            case I64, U64, U32 -> 42L;
            case REQUEST_KIND -> "Produce";
            case SMART_MODULE_KIND -> "Generic";
            case RECORD_BYTES -> new byte[] {1, 2};
            case OPTION_RECORD_BYTES -> Optional.empty();
        };
    }

    @Test
    void unknownTagIsAProtocolError() {
        // §3.3: a client decoding an unknown tag fails the whole response.
        assertThatThrownBy(() -> decode("00 03"))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("unknown error_code tag 3 at byte 0");
    }

    @Test
    void unknownRequestKindIsAProtocolError() {
        assertThatThrownBy(() -> decode("00 07 00 00 00 00 00 00 05 dc 01"))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("tag 1");
    }

    @Test
    void fieldsMustMatchTheCode() {
        assertThatThrownBy(() -> CodedError.of(ErrorCode.OTHER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OTHER carries 1 field(s)");
        assertThatThrownBy(() -> CodedError.of(ErrorCode.OFFSET_EVICTED, "3", 4L))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CodedError.of(ErrorCode.REQUEST_TIMED_OUT, 5L, "Fetch"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void numbersCompareEqualWhateverTheirBoxedType() {
        assertThat(CodedError.of(ErrorCode.OFFSET_EVICTED, 3, 10))
                .isEqualTo(CodedError.of(ErrorCode.OFFSET_EVICTED, 3L, 10L));
    }
}
