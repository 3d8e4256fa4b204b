package org.fluviokit.protocol.spu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.fluviokit.protocol.CodedError;
import org.fluviokit.protocol.Encodable;
import org.fluviokit.protocol.Hex;
import org.fluviokit.protocol.ProtocolException;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;
import org.fluviokit.protocol.record.RecordSet;
import org.fluviokit.protocol.spu.ProduceResponse.PartitionProduceResponse;
import org.fluviokit.protocol.spu.ProduceResponse.TopicProduceResponse;
import org.fluviokit.protocol.spu.StreamFetchResponse.FetchablePartitionResponse;
import org.junit.jupiter.api.Test;

/** Version gates of the SPU messages (spec §1.5, §3.6). */
class SpuVersionGatingTest {

    private static String encode(Encodable body, int version) {
        WireWriter out = new WireWriter();
        body.encode(out, (short) version);
        return Hex.hex(out.toByteArray());
    }

    /** topic "t", partition 0, offset 5, max_bytes 1048890, ReadUncommitted. */
    private static final String STREAM_FETCH_COMMON = "00 01 74 00 00 00 00 00 00 00 00 00 00 00 05 00 10 01 3a 00";

    private static final StreamFetchRequest STREAM_FETCH = StreamFetchRequest.of("t", 0, 5).withConsumerId("c1");

    @Test
    void streamFetchBeforeVersion11HasNoSmartModuleFields() {
        assertThat(encode(STREAM_FETCH, 10)).isEqualTo(Hex.normalize(STREAM_FETCH_COMMON));
    }

    @Test
    void streamFetchAtVersion17HasTheLegacyWasmSmartmoduleAndDerivedstream() {
        // wasm_module empty Vec<u8>, smartmodule None, derivedstream None; no chain, no consumer.
        String hex = STREAM_FETCH_COMMON + " 00 00 00 00 00 00";
        assertThat(encode(STREAM_FETCH, 17)).isEqualTo(Hex.normalize(hex));
        StreamFetchRequest decoded = StreamFetchRequest.decode(new WireReader(Hex.bytes(hex)), (short) 17);
        assertThat(decoded.consumerId()).isEmpty();
        assertThat(decoded.smartmodules()).isEmpty();
    }

    @Test
    void streamFetchAtVersion18HasBothTheLegacyFieldsAndTheChain() {
        assertThat(encode(STREAM_FETCH, 18)).isEqualTo(Hex.normalize(STREAM_FETCH_COMMON + " 00 00 00 00 00 00 00 00 00 00"));
    }

    @Test
    void streamFetchAtVersion22HasTheChainButNoConsumer() {
        String hex = STREAM_FETCH_COMMON + " 00 00 00 00";
        assertThat(encode(STREAM_FETCH, 22)).isEqualTo(Hex.normalize(hex));
        assertThat(StreamFetchRequest.decode(new WireReader(Hex.bytes(hex)), (short) 22))
                .isEqualTo(StreamFetchRequest.of("t", 0, 5));
    }

    @Test
    void streamFetchFromVersion23CarriesTheConsumerId() {
        String hex = STREAM_FETCH_COMMON + " 00 00 00 00 01 00 02 63 31";
        assertThat(encode(STREAM_FETCH, 23)).isEqualTo(Hex.normalize(hex));
        assertThat(StreamFetchRequest.decode(new WireReader(Hex.bytes(hex)), (short) 23)).isEqualTo(STREAM_FETCH);
    }

    @Test
    void legacyStreamFetchSmartModuleFieldsRoundTripAtVersion16() {
        SmartModuleInvocation.ExtraParams params = new SmartModuleInvocation.ExtraParams(
                new TreeMap<>(Map.of("k", "v")), Optional.empty());
        StreamFetchRequest legacy = new StreamFetchRequest("t", 0, 5, 100, Isolation.READ_COMMITTED,
                new byte[] {9}, Optional.of(new SmartModuleInvocation(new SmartModuleInvocation.Wasm.Predefined("sm"),
                        SmartModuleInvocation.Kind.MAP, params, Optional.empty())),
                Optional.of(new StreamFetchRequest.DerivedStreamInvocation("ds", params)), List.of(), Optional.empty());
        WireWriter out = new WireWriter();
        legacy.encode(out, (short) 16);
        assertThat(StreamFetchRequest.decode(new WireReader(out.toByteArray()), (short) 16)).isEqualTo(legacy);
    }

    @Test
    void fetchConsumerOffsetsBodyIsEmptyBeforeVersion24() {
        FetchConsumerOffsetsRequest filtered = FetchConsumerOffsetsRequest.of("hello", 0, "c1");
        assertThat(encode(filtered, 23)).isEmpty();
        assertThat(FetchConsumerOffsetsRequest.decode(new WireReader(new byte[0]), (short) 23))
                .isEqualTo(FetchConsumerOffsetsRequest.ALL);
        assertThat(encode(filtered, 24)).isEqualTo(Hex.normalize("01 01 00 05 68 65 6c 6c 6f 00 00 00 00 01 00 02 63 31"));
    }

    @Test
    void fetchOffsetsCarriesConsumerIdOnlyAtExactlyVersion23() {
        FetchOffsetsRequest request = new FetchOffsetsRequest(FetchOffsetsRequest.of("t", 0).topics(), Optional.of("c1"));
        String body = "00 00 00 01 00 01 74 00 00 00 01 00 00 00 00";
        assertThat(encode(request, 23)).isEqualTo(Hex.normalize(body + " 01 00 02 63 31"));
        assertThat(encode(request, 22)).isEqualTo(Hex.normalize(body));
        assertThat(encode(request, 24)).isEqualTo(Hex.normalize(body));
        assertThat(FetchOffsetsRequest.decode(new WireReader(Hex.bytes(body + " 01 00 02 63 31")), (short) 23))
                .isEqualTo(request);
        assertThat(FetchOffsetsRequest.decode(new WireReader(Hex.bytes(body)), (short) 25).consumerId()).isEmpty();
    }

    @Test
    void produceResponseFieldsAppearAtVersions1_2And5() {
        ProduceResponse response = new ProduceResponse(List.of(new TopicProduceResponse("t",
                List.of(new PartitionProduceResponse(0, CodedError.NONE, 7, 8, 9)))), 3);
        String entry = "00 00 00 01 00 01 74 00 00 00 01 00 00 00 00 00 00 00 00 00 00 00 00 00 07";
        assertThat(encode(response, 0)).isEqualTo(Hex.normalize(entry));
        assertThat(encode(response, 1)).isEqualTo(Hex.normalize(entry + " 00 00 00 03"));
        assertThat(encode(response, 2)).isEqualTo(Hex.normalize(entry + " 00 00 00 00 00 00 00 08 00 00 00 03"));
        assertThat(encode(response, 5)).isEqualTo(Hex.normalize(
                entry + " 00 00 00 00 00 00 00 08 00 00 00 00 00 00 00 09 00 00 00 03"));
        assertThat(ProduceResponse.decode(new WireReader(Hex.bytes(entry)), (short) 0))
                .isEqualTo(new ProduceResponse(List.of(new TopicProduceResponse("t",
                        List.of(new PartitionProduceResponse(0, CodedError.NONE, 7, 0, 0)))), 0));
    }

    @Test
    void streamFetchResponseHasNextFilterOffsetFromVersion11() {
        StreamFetchResponse response = new StreamFetchResponse("t", 1, new FetchablePartitionResponse(0,
                CodedError.NONE, 1, 6, 0, Optional.empty(), RecordSet.EMPTY));
        String head = "00 01 74 00 00 00 01 00 00 00 00 00 00 00 00 00 00 00 00 00 01";
        String tail = "00 00 00 00 00 00 00 00 00 00 00 00 00";
        assertThat(encode(response, 10)).isEqualTo(Hex.normalize(head + " " + tail));
        assertThat(encode(response, 11)).isEqualTo(Hex.normalize(head + " 00 00 00 00 00 00 00 06 " + tail));
        assertThat(StreamFetchResponse.decode(new WireReader(Hex.bytes(head + " " + tail)), (short) 10)
                .partition().nextFilterOffset()).isZero();
    }

    @Test
    void produceRequestHasNoVersionGates() {
        // §3.6.1: transactional_id and smartmodules are written at every version, even 0.
        ProduceRequest request = new ProduceRequest(Optional.of("x"), Isolation.READ_UNCOMMITTED,
                Duration.ofMillis(1), List.of(), List.of());
        assertThat(encode(request, 0)).isEqualTo(Hex.normalize("01 00 01 78 00 01 00 00 00 01 00 00 00 00 00 00 00 00"));
    }

    @Test
    void produceIsolationTravelsAsAcks() {
        assertThat(Isolation.READ_UNCOMMITTED.acks()).isEqualTo((short) 1);
        assertThat(Isolation.READ_COMMITTED.acks()).isEqualTo((short) -1);
        assertThat(Isolation.fromAcks((short) -7)).isEqualTo(Isolation.READ_COMMITTED);
        assertThat(Isolation.fromAcks((short) 0)).isEqualTo(Isolation.READ_UNCOMMITTED);
    }

    @Test
    void negativeProduceTimeoutIsADecodeError() {
        assertThatThrownBy(() -> ProduceRequest.decode(
                new WireReader(Hex.bytes("00 00 01 ff ff ff ff 00 00 00 00 00 00 00 00")), (short) 25))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("negative produce timeout -1 ms");
        assertThatThrownBy(() -> new ProduceRequest(Optional.empty(), Isolation.READ_UNCOMMITTED,
                Duration.ofMillis(1L << 31), List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void smartModuleLookbackAppearsAtVersion20AndItsAgeAt21() {
        SmartModuleInvocation module = new SmartModuleInvocation(new SmartModuleInvocation.Wasm.Predefined("m"),
                SmartModuleInvocation.Kind.FILTER, new SmartModuleInvocation.ExtraParams(new TreeMap<>(),
                Optional.of(new SmartModuleInvocation.Lookback(2, Optional.of(Duration.ofSeconds(1))))),
                Optional.of("m"));
        String head = "00 00 01 6d 00 00 00";
        assertThat(encode((out, v) -> module.encode(out, v), 19)).isEqualTo(Hex.normalize(head));
        assertThat(encode((out, v) -> module.encode(out, v), 20))
                .isEqualTo(Hex.normalize(head + " 01 00 00 00 00 00 00 00 02"));
        assertThat(encode((out, v) -> module.encode(out, v), 21))
                .isEqualTo(Hex.normalize(head + " 01 00 00 00 00 00 00 00 02 01 00 00 00 00 00 00 00 01 00 00 00 00"));
        assertThat(encode((out, v) -> module.encode(out, v), 25)).isEqualTo(Hex.normalize(
                head + " 01 00 00 00 00 00 00 00 02 01 00 00 00 00 00 00 00 01 00 00 00 00 01 00 01 6d"));
        WireWriter out = new WireWriter();
        module.encode(out, (short) 25);
        assertThat(SmartModuleInvocation.decode(new WireReader(out.toByteArray()), (short) 25)).isEqualTo(module);
    }

    @Test
    void everySmartModuleKindRoundTrips() {
        List<SmartModuleInvocation.Kind> kinds = List.of(SmartModuleInvocation.Kind.FILTER,
                SmartModuleInvocation.Kind.MAP, SmartModuleInvocation.Kind.ARRAY_MAP,
                new SmartModuleInvocation.Kind.Aggregate(new byte[] {1}), SmartModuleInvocation.Kind.FILTER_MAP,
                new SmartModuleInvocation.Kind.Join("t"), new SmartModuleInvocation.Kind.JoinStream("t", "d"),
                new SmartModuleInvocation.Kind.Generic(SmartModuleInvocation.ContextData.NONE),
                new SmartModuleInvocation.Kind.Generic(new SmartModuleInvocation.ContextData.Aggregate(new byte[] {2})),
                new SmartModuleInvocation.Kind.Generic(new SmartModuleInvocation.ContextData.Join("t")),
                new SmartModuleInvocation.Kind.Generic(new SmartModuleInvocation.ContextData.JoinStream("t", "d")));
        for (int i = 0; i < kinds.size(); i++) {
            SmartModuleInvocation module = new SmartModuleInvocation(new SmartModuleInvocation.Wasm.Predefined("m"),
                    kinds.get(i), SmartModuleInvocation.ExtraParams.EMPTY, Optional.empty());
            WireWriter out = new WireWriter();
            module.encode(out, (short) 25);
            byte[] bytes = out.toByteArray();
            assertThat(bytes[4]).as("kind tag of %s", kinds.get(i)).isEqualTo((byte) Math.min(i, 7));
            assertThat(SmartModuleInvocation.decode(new WireReader(bytes), (short) 25)).isEqualTo(module);
        }
    }

    @Test
    void unknownSmartModuleKindIsRejected() {
        assertThatThrownBy(() -> SmartModuleInvocation.decode(new WireReader(Hex.bytes("00 00 01 6d 08")), (short) 25))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("unknown smartmodule kind tag 8 at byte 4");
    }

    @Test
    void unknownIsolationIsRejected() {
        assertThatThrownBy(() -> StreamFetchRequest.decode(
                new WireReader(Hex.bytes("00 01 74 00 00 00 00 00 00 00 00 00 00 00 05 00 10 01 3a 02")), (short) 10))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("unknown isolation tag 2");
    }
}
