package org.fluviokit.protocol.spu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fluviokit.protocol.WireFrames.assertRequestExample;
import static org.fluviokit.protocol.WireFrames.assertResponseExample;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import org.fluviokit.protocol.CodedError;
import org.fluviokit.protocol.Hex;
import org.fluviokit.protocol.ProtocolException;
import org.fluviokit.protocol.RequestHeader;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;
import org.fluviokit.protocol.record.Record;
import org.fluviokit.protocol.record.RecordBatch;
import org.fluviokit.protocol.record.RecordSet;
import org.fluviokit.protocol.spu.FetchConsumerOffsetsResponse.ConsumerOffset;
import org.fluviokit.protocol.spu.FetchOffsetsResponse.FetchOffsetPartitionResponse;
import org.fluviokit.protocol.spu.ProduceRequest.PartitionProduceData;
import org.fluviokit.protocol.spu.ProduceRequest.TopicProduceData;
import org.fluviokit.protocol.spu.ProduceResponse.PartitionProduceResponse;
import org.fluviokit.protocol.spu.ProduceResponse.TopicProduceResponse;
import org.fluviokit.protocol.spu.StreamFetchResponse.FetchablePartitionResponse;
import org.fluviokit.protocol.spu.UpdateOffsetsResponse.OffsetUpdateStatus;
import org.junit.jupiter.api.Test;

/** The SPU worked examples K–S2 of spec §3.6, plus the SPU vectors of Fluvio's own tests. */
class SpuExamplesTest {

    private static final short V25 = 25;
    private static final String CLI = "FLUVIO_CLI";
    private static final long TS = 1_700_000_000_000L;
    private static final RecordBatch BATCH_K = RecordBatch.ofRecords(TS, Record.of("1", "a"));

    @Test
    void exampleK_produceRequest() {
        assertRequestExample("""
                00 00 00 7d 00 00 00 19 00 00 00 01 00 0a 46 4c 55 56 49 4f 5f 43 4c 49 00 00 01 00 00 05 dc 00
                00 00 01 00 05 68 65 6c 6c 6f 00 00 00 01 00 00 00 00 00 00 00 47 00 00 00 00 00 00 00 00 00 00
                00 3b ff ff ff ff 02 7a ed b3 be 00 00 00 00 00 00 00 00 01 8b cf e5 68 00 00 00 01 8b cf e5 68
                00 ff ff ff ff ff ff ff ff ff ff ff ff ff ff 00 00 00 01 12 00 00 00 01 02 31 02 61 00 00 00 00
                00""",
                new RequestHeader(0, V25, 1, CLI), ProduceRequest.of("hello", 0, BATCH_K), ProduceRequest::decode);
    }

    @Test
    void exampleL_produceResponse() {
        assertResponseExample("""
                00 00 00 35 00 00 00 01 00 00 00 01 00 05 68 65 6c 6c 6f 00 00 00 01 00 00 00 00 00 00 00 00 00
                00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00""",
                1, V25, ProduceResponse.of(List.of(new TopicProduceResponse("hello",
                        List.of(PartitionProduceResponse.of(0, CodedError.NONE, 0))))),
                ProduceResponse::decode);
    }

    @Test
    void exampleM_fetchOffsetsRequest() {
        assertRequestExample("""
                00 00 00 27 03 ea 00 19 00 00 00 02 00 0a 46 4c 55 56 49 4f 5f 43 4c 49 00 00 00 01 00 05 68 65
                6c 6c 6f 00 00 00 01 00 00 00 00""",
                new RequestHeader(1002, V25, 2, CLI), FetchOffsetsRequest.of("hello", 0), FetchOffsetsRequest::decode);
    }

    @Test
    void exampleM2_fetchOffsetsResponse() {
        assertResponseExample("""
                00 00 00 29 00 00 00 02 00 00 00 01 00 05 68 65 6c 6c 6f 00 00 00 01 00 00 00 00 00 00 00 00 00
                00 00 00 00 00 00 00 00 00 00 00 00 01""",
                2, V25, FetchOffsetsResponse.of("hello", new FetchOffsetPartitionResponse(CodedError.NONE, 0, 0, 1)),
                FetchOffsetsResponse::decode);
    }

    @Test
    void exampleN_streamFetchRequestWithConsumer() {
        assertRequestExample("""
                00 00 00 35 03 eb 00 19 00 00 00 03 00 0a 46 4c 55 56 49 4f 5f 43 4c 49 00 05 68 65 6c 6c 6f 00
                00 00 00 00 00 00 00 00 00 00 00 00 10 01 3a 00 00 00 00 00 01 00 02 63 31""",
                new RequestHeader(1003, V25, 3, CLI), StreamFetchRequest.of("hello", 0, 0).withConsumerId("c1"),
                StreamFetchRequest::decode);
    }

    @Test
    void exampleO_streamFetchResponseCarryingTheBatchOfK() {
        assertResponseExample("""
                00 00 00 79 00 00 00 03 00 05 68 65 6c 6c 6f 00 00 00 01 00 00 00 00 00 00 00 00 00 00 00 00 00
                01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 47 00 00 00 00 00 00 00 00 00 00
                00 3b ff ff ff ff 02 7a ed b3 be 00 00 00 00 00 00 00 00 01 8b cf e5 68 00 00 00 01 8b cf e5 68
                00 ff ff ff ff ff ff ff ff ff ff ff ff ff ff 00 00 00 01 12 00 00 00 01 02 31 02 61 00""",
                3, V25, new StreamFetchResponse("hello", 1,
                        FetchablePartitionResponse.of(0, CodedError.NONE, 1, 0, RecordSet.of(BATCH_K))),
                StreamFetchResponse::decode);
    }

    @Test
    void exampleP_updateOffsetsRequest() {
        assertRequestExample("""
                00 00 00 24 03 ed 00 00 00 00 00 04 00 0a 46 4c 55 56 49 4f 5f 43 4c 49 00 00 00 01 00 00 00 00
                00 00 00 01 00 00 00 01""",
                new RequestHeader(1005, (short) 0, 4, CLI), UpdateOffsetsRequest.of(1, 1), UpdateOffsetsRequest::decode);
    }

    @Test
    void exampleP2_updateOffsetsResponse() {
        assertResponseExample("00 00 00 0e 00 00 00 04 00 00 00 01 00 00 00 01 00 00", 4, (short) 0,
                new UpdateOffsetsResponse(List.of(new OffsetUpdateStatus(1, CodedError.NONE))),
                UpdateOffsetsResponse::decode);
    }

    @Test
    void exampleQ_updateConsumerOffsetRequest() {
        assertRequestExample("""
                00 00 00 20 03 ee 00 19 00 00 00 05 00 0a 46 4c 55 56 49 4f 5f 43 4c 49 00 00 00 00 00 00 00 00
                00 00 00 01""",
                new RequestHeader(1006, V25, 5, CLI), new UpdateConsumerOffsetRequest(0, 1),
                UpdateConsumerOffsetRequest::decode);
    }

    @Test
    void exampleQ2_updateConsumerOffsetResponse() {
        assertResponseExample("00 00 00 0e 00 00 00 05 00 00 00 00 00 00 00 00 00 00", 5, V25,
                new UpdateConsumerOffsetResponse(0, CodedError.NONE), UpdateConsumerOffsetResponse::decode);
    }

    @Test
    void exampleR_fetchConsumerOffsetsRequestFiltered() {
        assertRequestExample("""
                00 00 00 26 03 f0 00 19 00 00 00 01 00 0a 46 4c 55 56 49 4f 5f 43 4c 49 01 01 00 05 68 65 6c 6c
                6f 00 00 00 00 01 00 02 63 31""",
                new RequestHeader(1008, V25, 1, CLI), FetchConsumerOffsetsRequest.of("hello", 0, "c1"),
                FetchConsumerOffsetsRequest::decode);
    }

    @Test
    void exampleR1_fetchConsumerOffsetsRequestUnfiltered() {
        assertRequestExample("00 00 00 15 03 f0 00 19 00 00 00 01 00 0a 46 4c 55 56 49 4f 5f 43 4c 49 00",
                new RequestHeader(1008, V25, 1, CLI), FetchConsumerOffsetsRequest.ALL,
                FetchConsumerOffsetsRequest::decode);
    }

    @Test
    void exampleR2_fetchConsumerOffsetsResponse() {
        assertResponseExample("""
                00 00 00 29 00 00 00 01 00 00 00 00 00 01 00 02 63 31 00 05 68 65 6c 6c 6f 00 00 00 00 00 00 00
                00 00 00 00 00 00 00 00 00 65 53 f1 00""",
                1, V25, new FetchConsumerOffsetsResponse(CodedError.NONE,
                        List.of(new ConsumerOffset("c1", new ReplicaKey("hello", 0), 0, 1_700_000_000L))),
                FetchConsumerOffsetsResponse::decode);
    }

    @Test
    void exampleS_deleteConsumerOffsetRequest() {
        assertRequestExample("""
                00 00 00 23 03 ef 00 19 00 00 00 02 00 0a 46 4c 55 56 49 4f 5f 43 4c 49 00 05 68 65 6c 6c 6f 00
                00 00 00 00 02 63 31""",
                new RequestHeader(1007, V25, 2, CLI), new DeleteConsumerOffsetRequest(new ReplicaKey("hello", 0), "c1"),
                DeleteConsumerOffsetRequest::decode);
    }

    @Test
    void exampleS2_deleteConsumerOffsetResponse() {
        assertResponseExample("00 00 00 06 00 00 00 02 00 00", 2, V25,
                new DeleteConsumerOffsetResponse(CodedError.NONE), DeleteConsumerOffsetResponse::decode);
    }

    // Vectors of Fluvio's own tests (§1, checked by tools/fluvio_wire.py)

    /** produce_request.bin, encoded by Fluvio at api version 7; it ends where smartmodules would start. */
    private static final String PRODUCE_FIXTURE = """
            01000e7472616e73616374696f6e5f6964ffff000003e8000000010005746f70696300000001
            0000000100000044000000000000000000000038ffffffff020c48500e000000000000ffffff
            ffffffffffffffffffffffffffffffffffffffffffffffffffffff000000010c000000000000""";

    private static final ProduceRequest FIXTURE_REQUEST = new ProduceRequest(Optional.of("transaction_id"),
            Isolation.READ_COMMITTED, Duration.ofMillis(1000),
            List.of(new TopicProduceData("topic", List.of(new PartitionProduceData(1,
                    RecordSet.of(RecordBatch.ofRecords(-1, Record.of(new byte[0]))))))),
            List.of());

    @Test
    void produceFixtureEncodesAsFluvioDidPlusTheSmartmodulesVector() {
        WireWriter out = new WireWriter();
        FIXTURE_REQUEST.encode(out, (short) 7);
        assertThat(Hex.hex(out.toByteArray())).isEqualTo(Hex.normalize(PRODUCE_FIXTURE + "00000000"));
    }

    @Test
    void produceFixtureDecodesWithItsSmartmodulesVector() {
        WireReader in = new WireReader(Hex.bytes(PRODUCE_FIXTURE + "00000000"));
        ProduceRequest request = ProduceRequest.decode(in, (short) 7);
        assertThat(request).isEqualTo(FIXTURE_REQUEST);
        assertThat(request.isolation()).isEqualTo(Isolation.READ_COMMITTED);
        assertThat(request.topics().get(0).partitions().get(0).records().batches().get(0).crc()).isEqualTo(0x0c48500e);
    }

    @Test
    void produceFixtureWithoutTheSmartmodulesVectorIsTruncated() {
        // §3.6.1: smartmodules is present at every version, so the fixture as stored lacks 4 bytes.
        assertThatThrownBy(() -> ProduceRequest.decode(new WireReader(Hex.bytes(PRODUCE_FIXTURE)), (short) 7))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("smartmodules");
    }

    private static final SmartModuleInvocation ADHOC_FILTER = new SmartModuleInvocation(
            new SmartModuleInvocation.Wasm.AdHoc(Hex.bytes("de ad be ef")), SmartModuleInvocation.Kind.FILTER,
            SmartModuleInvocation.ExtraParams.EMPTY, Optional.of("adhoc-test"));

    @Test
    void produceRequestWithSmartModuleMatchesFluviosVector() {
        String hex = """
                01 00 04 74 5f 69 64 ff ff 00 00 03 e8 00 00 00 00 00 00 00 01 01 00 00 00 04 de ad
                be ef 00 00 00 00 01 00 0a 61 64 68 6f 63 2d 74 65 73 74""";
        ProduceRequest request = new ProduceRequest(Optional.of("t_id"), Isolation.READ_COMMITTED,
                Duration.ofSeconds(1), List.of(), List.of(ADHOC_FILTER));
        WireWriter out = new WireWriter();
        request.encode(out, V25);
        assertThat(Hex.hex(out.toByteArray())).isEqualTo(Hex.normalize(hex));
        assertThat(ProduceRequest.decode(new WireReader(Hex.bytes(hex)), V25)).isEqualTo(request);
    }

    @Test
    void produceRequestBeforeVersion25HasNoSmartModuleName() {
        // Fluvio's test at COMMON_VERSION_HAS_SM_NAME - 1: lookback last=1, no name on the wire.
        String hex = """
                01 00 04 74 5f 69 64 ff ff 00 00 03 e8 00 00 00 00 00 00 00 01 01 00 00 00 04 de ad
                be ef 00 00 00 01 00 00 00 00 00 00 00 01 00""";
        SmartModuleInvocation.ExtraParams lookback = new SmartModuleInvocation.ExtraParams(new TreeMap<>(),
                Optional.of(new SmartModuleInvocation.Lookback(1, Optional.empty())));
        SmartModuleInvocation named = new SmartModuleInvocation(ADHOC_FILTER.wasm(), ADHOC_FILTER.kind(), lookback,
                Optional.of("adhoc-tes-debugttttttt"));
        ProduceRequest request = new ProduceRequest(Optional.of("t_id"), Isolation.READ_COMMITTED,
                Duration.ofSeconds(1), List.of(), List.of(named));
        WireWriter out = new WireWriter();
        request.encode(out, (short) 24);
        assertThat(Hex.hex(out.toByteArray())).isEqualTo(Hex.normalize(hex));
        ProduceRequest decoded = ProduceRequest.decode(new WireReader(Hex.bytes(hex)), (short) 24);
        assertThat(decoded.smartmodules().get(0).name()).isEmpty();
        assertThat(decoded.smartmodules().get(0).params()).isEqualTo(lookback);
    }

    @Test
    void streamFetchRequestMatchesFluviosVector() {
        String hex = """
                00 03 6f 6e 65 00 00 00 03 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01 01 00
                00 00 04 de ad be ef 00 00 00 01 00 00 00 00 00 00 00 01 00 01 00 0a 74 65 73 74 2d 61 64 68
                6f 63 00""";
        SmartModuleInvocation module = new SmartModuleInvocation(ADHOC_FILTER.wasm(), ADHOC_FILTER.kind(),
                new SmartModuleInvocation.ExtraParams(new TreeMap<>(),
                        Optional.of(new SmartModuleInvocation.Lookback(1, Optional.empty()))),
                Optional.of("test-adhoc"));
        StreamFetchRequest request = new StreamFetchRequest("one", 3, 0, 0, Isolation.READ_UNCOMMITTED, new byte[0],
                Optional.empty(), Optional.empty(), List.of(module), Optional.empty());
        WireWriter out = new WireWriter();
        request.encode(out, V25);
        assertThat(Hex.hex(out.toByteArray())).isEqualTo(Hex.normalize(hex));
        assertThat(StreamFetchRequest.decode(new WireReader(Hex.bytes(hex)), V25)).isEqualTo(request);
    }
}
