package org.fluviokit.fake.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.fluviokit.fake.BrokerApi;
import org.fluviokit.fake.ConsumerOffsetEntry;
import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.TopicConfig;
import org.fluviokit.fake.VirtualClock;
import org.fluviokit.fake.internal.BrokerEngine;
import org.fluviokit.fake.internal.ProducedRecord;
import org.fluviokit.protocol.ApiKey;
import org.fluviokit.protocol.CodedError;
import org.fluviokit.protocol.ErrorCode;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.record.Compression;
import org.fluviokit.protocol.record.Record;
import org.fluviokit.protocol.record.RecordBatch;
import org.fluviokit.protocol.record.RecordSet;
import org.fluviokit.protocol.spu.DeleteConsumerOffsetRequest;
import org.fluviokit.protocol.spu.DeleteConsumerOffsetResponse;
import org.fluviokit.protocol.spu.FetchConsumerOffsetsRequest;
import org.fluviokit.protocol.spu.FetchConsumerOffsetsResponse;
import org.fluviokit.protocol.spu.FetchOffsetsRequest;
import org.fluviokit.protocol.spu.FetchOffsetsResponse;
import org.fluviokit.protocol.spu.ProduceRequest;
import org.fluviokit.protocol.spu.ProduceResponse;
import org.fluviokit.protocol.spu.ProduceResponse.PartitionProduceResponse;
import org.fluviokit.protocol.spu.ReplicaKey;
import org.fluviokit.protocol.spu.SmartModuleInvocation;
import org.fluviokit.protocol.spu.StreamFetchRequest;
import org.fluviokit.protocol.spu.StreamFetchResponse;
import org.fluviokit.protocol.spu.UpdateConsumerOffsetRequest;
import org.fluviokit.protocol.spu.UpdateConsumerOffsetResponse;
import org.fluviokit.protocol.spu.UpdateOffsetsRequest;
import org.fluviokit.protocol.spu.UpdateOffsetsResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SPU's APIs over the wire (spec wire-protocol §3.6, §6.5). */
class SpuApiTest {

    private static final short V = 25;
    private static final long T0 = 1_700_000_000_000L;

    private FakeBroker broker;
    private WireServer server;

    @BeforeEach
    void start() {
        broker = FakeBroker.builder().clock(VirtualClock.startingAt(Instant.ofEpochMilli(T0))).build();
        server = WireServer.start(broker);
    }

    @AfterEach
    void stop() {
        server.close();
        broker.close();
    }

    private WireClient spu() {
        return WireClient.spu(server, FakeBroker.DEFAULT_SPU_ID);
    }

    @Test
    void aConsumeSessionIsAnsweredByteForByteAsTheSpecExamples() {
        broker.createTopic("hello", 1);
        try (WireClient producer = WireClient.connect(server.host(), server.spuPort(5001));
             WireClient consumer = WireClient.connect(server.host(), server.spuPort(5001))) {
            producer.writeHex(WireServerTest.EXAMPLE_A);
            assertFrame(producer, WireServerTest.EXAMPLE_C);
            producer.writeHex(EXAMPLE_K);
            assertFrame(producer, EXAMPLE_L);

            // §2.5 consume --consumer c1: FetchConsumerOffsets 1, FetchOffsets 2, StreamFetch 3,
            // UpdateOffsets 4, UpdateConsumerOffset 5, on one connection after ApiVersions.
            consumer.writeHex(WireServerTest.EXAMPLE_A);
            assertFrame(consumer, WireServerTest.EXAMPLE_C);
            consumer.writeHex(EXAMPLE_R);
            assertFrame(consumer, "00 00 00 0a 00 00 00 01 00 00 00 00 00 00");  // no stored offset yet
            consumer.writeHex(EXAMPLE_M);
            assertFrame(consumer, EXAMPLE_M2);
            consumer.writeHex(EXAMPLE_N);
            assertFrame(consumer, EXAMPLE_O);
            consumer.writeHex(EXAMPLE_P);
            assertFrame(consumer, EXAMPLE_P2);
            consumer.writeHex(EXAMPLE_Q);
            assertFrame(consumer, EXAMPLE_Q2);
            consumer.writeHex(EXAMPLE_R1);
            assertFrame(consumer, EXAMPLE_R2);
            consumer.writeHex(EXAMPLE_S);
            assertFrame(consumer, EXAMPLE_S2);
            assertThat(consumer.silentFor(Duration.ofMillis(100))).as("nothing more on the stream").isTrue();
        }
        assertThat(broker.consumerOffsetUpdates()).containsExactly(new ConsumerOffsetEntry("c1", "hello", 0, 0, 1_700_000_000));
        assertThat(broker.consumerOffsets()).isEmpty();
    }

    @Test
    void aStreamPushesEveryNewBatchOnceAsItArrives() {
        broker.createTopic("live", 1);
        try (WireClient consumer = spu(); WireClient producer = spu()) {
            int stream = consumer.send(ApiKey.Spu.STREAM_FETCH, V, StreamFetchRequest.of("live", 0, 0));
            assertThat(consumer.silentFor(Duration.ofMillis(100))).as("nothing to send: no empty frame").isTrue();

            assertThat(produce(producer, "live", 0, batch("a", "b"))).containsExactly(ok(0, 0));
            StreamFetchResponse first = consumer.readStream(stream, V);
            assertThat(first.streamId()).isEqualTo(1);
            assertThat(first.partition().highWatermark()).isEqualTo(2);
            assertThat(values(first.partition().records())).containsExactly("a", "b");
            assertThat(first.partition().records().batches()).singleElement()
                    .satisfies(b -> assertThat(b.isCrcValid()).isTrue());

            // The client's flow-control acknowledgement does not make the SPU send anything again.
            int ack = consumer.send(ApiKey.Spu.UPDATE_OFFSETS, (short) 0, UpdateOffsetsRequest.of(2, 1));
            assertThat(consumer.read(ack, (short) 0, UpdateOffsetsResponse::decode).status())
                    .singleElement().extracting(s -> s.error()).isEqualTo(CodedError.NONE);

            assertThat(produce(producer, "live", 0, batch("c"))).containsExactly(ok(0, 2));
            StreamFetchResponse second = consumer.readStream(stream, V);
            assertThat(second.partition().records().batches()).singleElement().satisfies(b -> {
                assertThat(b.baseOffset()).isEqualTo(2);
                assertThat(values(RecordSet.of(b))).containsExactly("c");
            });
            assertThat(consumer.silentFor(Duration.ofMillis(100))).as("no batch twice on a stream").isTrue();
        }
    }

    @Test
    void aStreamStartsAtTheWholeBatchThatHoldsTheFetchOffset() {
        broker.createTopic("batched", 1);
        try (WireClient client = spu()) {
            produce(client, "batched", 0, batch("a", "b", "c"));
            produce(client, "batched", 0, batch("d"));
            int stream = client.send(ApiKey.Spu.STREAM_FETCH, V, StreamFetchRequest.of("batched", 0, 1));
            StreamFetchResponse frame = client.readStream(stream, V);
            // §3.6.3: the batch containing offset 1 is sent whole; the client drops records below its start
            assertThat(frame.partition().records().batches()).extracting(RecordBatch::baseOffset).containsExactly(0L, 3L);
        }
    }

    @Test
    void timestampsKeysAndGzipBatchesSurviveTheRoundTrip() {
        broker.createTopic("zipped", 1);
        RecordBatch gzip = RecordBatch.ofRecords(T0, Compression.GZIP, List.of(
                Record.of("k1", "v1"), Record.of("v2".getBytes(StandardCharsets.UTF_8)).withTimestampDelta(7)));
        try (WireClient client = spu()) {
            assertThat(produce(client, "zipped", 0, gzip)).containsExactly(ok(0, 0));
            int stream = client.send(ApiKey.Spu.STREAM_FETCH, V, StreamFetchRequest.of("zipped", 0, 0));
            RecordBatch back = client.readStream(stream, V).partition().records()
                    .batches().get(0);
            assertThat(back.firstTimestamp()).isEqualTo(T0);
            assertThat(back.maxTimeStamp()).isEqualTo(T0 + 7);
            assertThat(back.records()).containsExactly(Record.of("k1", "v1"),
                    Record.of("v2".getBytes(StandardCharsets.UTF_8)).withTimestampDelta(7).withOffsetDelta(1));
        }
        assertThat(broker.topic("zipped").orElseThrow().partitions().get(0).highWatermark()).isEqualTo(2);
    }

    @Test
    void produceAnswersEveryEntryInOrderWithItsOwnError() {
        broker.createTopic("one", 1);
        broker.createTopic("plain", TopicConfig.partitions(1).withCompression("none"));
        RecordBatch snappy = new RecordBatch(0, -1, RecordBatch.MAGIC, 0, (short) 2, 0, T0, T0, -1, (short) -1, -1,
                OptionalLong.empty(), new byte[] {1, 2, 3});
        RecordBatch gzip = RecordBatch.ofRecords(T0, Compression.GZIP, List.of(Record.of("z")));
        ProduceRequest request = ProduceRequest.of(List.of(
                new ProduceRequest.TopicProduceData("one", List.of(
                        new ProduceRequest.PartitionProduceData(0, RecordSet.of(batch("a", "b"))),
                        new ProduceRequest.PartitionProduceData(0, RecordSet.of(batch("c"))),
                        new ProduceRequest.PartitionProduceData(1, RecordSet.of(batch("x"))),
                        new ProduceRequest.PartitionProduceData(0, RecordSet.of(snappy)),
                        new ProduceRequest.PartitionProduceData(0, RecordSet.EMPTY))),
                new ProduceRequest.TopicProduceData("plain", List.of(
                        new ProduceRequest.PartitionProduceData(0, RecordSet.of(gzip)))),
                new ProduceRequest.TopicProduceData("missing", List.of(
                        new ProduceRequest.PartitionProduceData(0, RecordSet.of(batch("m")))))));
        try (WireClient client = spu()) {
            ProduceResponse response = client.read(client.send(ApiKey.Spu.PRODUCE, V, request), V,
                    ProduceResponse::decode);
            assertThat(response.responses()).extracting(ProduceResponse.TopicProduceResponse::name)
                    .containsExactly("one", "plain", "missing");
            assertThat(response.responses().get(0).partitions()).containsExactly(
                    ok(0, 0), ok(0, 2),
                    PartitionProduceResponse.of(1, CodedError.of(ErrorCode.NOT_LEADER_FOR_PARTITION), 0),
                    // the fake reads records to store them, and has no Snappy codec
                    PartitionProduceResponse.of(0, CodedError.of(ErrorCode.COMPRESSION_ERROR), 0),
                    // nothing to write: OK at offset 0 (§3.6.1)
                    ok(0, 0));
            // the topic accepts uncompressed batches only (§4.2)
            assertThat(response.responses().get(1).partitions()).containsExactly(
                    PartitionProduceResponse.of(0, CodedError.of(ErrorCode.COMPRESSION_ERROR), 0));
            assertThat(response.responses().get(2).partitions()).containsExactly(
                    PartitionProduceResponse.of(0, CodedError.of(ErrorCode.NOT_LEADER_FOR_PARTITION), 0));
        }
        assertThat(broker.topic("one").orElseThrow().partitions().get(0).highWatermark()).isEqualTo(3);
        assertThat(broker.topic("plain").orElseThrow().partitions().get(0).highWatermark()).isZero();
    }

    @Test
    void injectedFaultsAndSmartModulesAreAnsweredWithTheirCodes() {
        broker.createTopic("faulty", 1);
        broker.faults().failNext(BrokerApi.PRODUCE, ErrorCode.SPU_OFFLINE);
        try (WireClient client = spu()) {
            assertThat(produce(client, "faulty", 0, batch("a"))).containsExactly(
                    PartitionProduceResponse.of(0, CodedError.of(ErrorCode.SPU_OFFLINE), 0));
            ProduceRequest withSmartModule = new ProduceRequest(Optional.empty(),
                    org.fluviokit.protocol.spu.Isolation.READ_UNCOMMITTED, Duration.ofMillis(1500),
                    ProduceRequest.of("faulty", 0, batch("b")).topics(), List.of(filter("my-filter")));
            assertThat(client.read(client.send(ApiKey.Spu.PRODUCE, V, withSmartModule), V, ProduceResponse::decode)
                    .responses().get(0).partitions()).containsExactly(PartitionProduceResponse.of(0,
                    CodedError.of(ErrorCode.SMART_MODULE_NOT_FOUND, "my-filter"), 0));
            int stream = client.send(ApiKey.Spu.STREAM_FETCH, V,
                    StreamFetchRequest.of("faulty", 0, 0).withSmartmodules(List.of(filter("my-filter"))));
            StreamFetchResponse refused = client.readStream(stream, V);
            assertThat(refused.streamId()).isZero();
            assertThat(refused.partition().errorCode())
                    .isEqualTo(CodedError.of(ErrorCode.SMART_MODULE_NOT_FOUND, "my-filter"));
        }
        assertThat(broker.topic("faulty").orElseThrow().partitions().get(0).highWatermark()).isZero();
    }

    @Test
    void anUnknownPartitionGetsOneFrameWithErrorSixAndStreamIdZero() {
        broker.createTopic("known", 1);
        try (WireClient client = spu()) {
            int stream = client.send(ApiKey.Spu.STREAM_FETCH, V, StreamFetchRequest.of("known", 1, 0));
            StreamFetchResponse frame = client.readStream(stream, V);
            assertThat(frame.streamId()).isZero();
            assertThat(frame.topic()).isEqualTo("known");
            assertThat(frame.partition().partitionIndex()).isEqualTo(1);
            assertThat(frame.partition().errorCode()).isEqualTo(CodedError.of(ErrorCode.NOT_LEADER_FOR_PARTITION));
            assertThat(frame.partition().records().batches()).isEmpty();
            // nothing else: the next frame answers the next request
            int ack = client.send(ApiKey.Spu.UPDATE_OFFSETS, (short) 0, UpdateOffsetsRequest.of(0, 0));
            assertThat(client.read(ack, (short) 0, UpdateOffsetsResponse::decode).status()).singleElement()
                    .extracting(s -> s.error()).isEqualTo(CodedError.of(ErrorCode.FETCH_SESSION_NOT_FOUND));
            // the next stream on this connection is still number 1: a refused one takes no id
            BrokerEngine.of(broker).connect().produce("known", 0, List.of(new ProducedRecord(null, new byte[] {1}, T0)));
            int good = client.send(ApiKey.Spu.STREAM_FETCH, V, StreamFetchRequest.of("known", 0, 0));
            assertThat(client.readStream(good, V).streamId()).isEqualTo(1);
        }
    }

    @Test
    void anOffsetFlushOnlyFindsStreamsOfItsOwnConnection() {
        broker.createTopic("shared", 1);
        try (WireClient owner = spu(); WireClient other = spu()) {
            owner.send(ApiKey.Spu.STREAM_FETCH, V, StreamFetchRequest.of("shared", 0, 0).withConsumerId("c1"));
            other.send(ApiKey.Spu.STREAM_FETCH, V, StreamFetchRequest.of("shared", 0, 0));

            // Stream ids are per connection (G1): on the other connection, 1 is its own stream,
            // opened without a consumer id, and 2 does not exist.
            assertThat(updateConsumerOffset(other, 5, 1))
                    .isEqualTo(new UpdateConsumerOffsetResponse(0, CodedError.other("stream without consumer id")));
            assertThat(updateConsumerOffset(other, 5, 2))
                    .isEqualTo(new UpdateConsumerOffsetResponse(0, CodedError.of(ErrorCode.FETCH_SESSION_NOT_FOUND)));
            assertThat(broker.consumerOffsets()).isEmpty();

            assertThat(updateConsumerOffset(owner, 5, 1)).isEqualTo(new UpdateConsumerOffsetResponse(5, CodedError.NONE));
            // any connection to the SPU leading consumer-offset lists and deletes them
            assertThat(fetchConsumerOffsets(other, FetchConsumerOffsetsRequest.of("shared", 0, "c1")).consumers())
                    .singleElement().satisfies(entry -> {
                        assertThat(entry.offset()).isEqualTo(5);
                        assertThat(entry.modifiedTime()).isEqualTo(T0 / 1000);
                    });
            int delete = other.send(ApiKey.Spu.DELETE_CONSUMER_OFFSET, V,
                    new DeleteConsumerOffsetRequest(new ReplicaKey("shared", 0), "c1"));
            assertThat(other.read(delete, V, DeleteConsumerOffsetResponse::decode).errorCode()).isEqualTo(CodedError.NONE);
        }
        assertThat(broker.consumerOffsets()).isEmpty();
    }

    @Test
    void anSpuServesOnlyThePartitionsItLeads() { // G5
        try (FakeBroker twoSpus = FakeBroker.builder().spuCount(2).build();
             WireServer cluster = WireServer.start(twoSpus)) {
            twoSpus.createTopic("led", 1);
            int follower = twoSpus.spuIds().get(1);
            assertThat(twoSpus.topic("led").orElseThrow().partitions().get(0).leader()).isNotEqualTo(follower);
            try (WireClient client = WireClient.spu(cluster, follower)) {
                assertThat(produce(client, "led", 0, batch("x"))).containsExactly(
                        PartitionProduceResponse.of(0, CodedError.of(ErrorCode.NOT_LEADER_FOR_PARTITION), 0));
                int offsets = client.send(ApiKey.Spu.FETCH_OFFSETS, V, FetchOffsetsRequest.of("led", 0));
                assertThat(client.read(offsets, V, FetchOffsetsResponse::decode).topics().get(0).partitions())
                        .singleElement().extracting(p -> p.errorCode())
                        .isEqualTo(CodedError.of(ErrorCode.PARTITION_NOT_LEADER));
                int stream = client.send(ApiKey.Spu.STREAM_FETCH, V, StreamFetchRequest.of("led", 0, 0));
                StreamFetchResponse refused = client.read(stream, V, StreamFetchResponse::decode);
                assertThat(refused.streamId()).isZero();
                assertThat(refused.partition().errorCode()).isEqualTo(CodedError.of(ErrorCode.NOT_LEADER_FOR_PARTITION));
                assertThat(fetchConsumerOffsets(client, FetchConsumerOffsetsRequest.of("led", 0, "c1")).errorCode())
                        .isEqualTo(CodedError.of(ErrorCode.PARTITION_NOT_LEADER));
                int delete = client.send(ApiKey.Spu.DELETE_CONSUMER_OFFSET, V,
                        new DeleteConsumerOffsetRequest(new ReplicaKey("led", 0), "c1"));
                assertThat(client.read(delete, V, DeleteConsumerOffsetResponse::decode).errorCode())
                        .isEqualTo(CodedError.of(ErrorCode.PARTITION_NOT_LEADER));
            }
            assertThat(twoSpus.topic("led").orElseThrow().partitions().get(0).highWatermark()).isZero();
        }
    }

    @Test
    void fetchConsumerOffsetsHonoursItsVersionGate() {
        broker.createTopic("gated", 2);
        var connection = BrokerEngine.of(broker).connect();
        connection.updateConsumerOffset(connection.openStream("gated", 0, 0, 100, "c1").id(), 3);
        connection.updateConsumerOffset(connection.openStream("gated", 1, 0, 100, "c2").id(), 4);
        try (WireClient client = spu()) {
            // v24, what the Python client sends: filters apply
            int filtered = client.send(ApiKey.Spu.FETCH_CONSUMER_OFFSETS, (short) 24,
                    FetchConsumerOffsetsRequest.of("gated", 1, "c2"));
            assertThat(client.read(filtered, (short) 24, FetchConsumerOffsetsResponse::decode).consumers())
                    .extracting(FetchConsumerOffsetsResponse.ConsumerOffset::consumerId).containsExactly("c2");
            // v23 has no filter field: everything is listed
            int all = client.send(ApiKey.Spu.FETCH_CONSUMER_OFFSETS, (short) 23,
                    FetchConsumerOffsetsRequest.of("gated", 1, "c2"));
            assertThat(client.read(all, (short) 23, FetchConsumerOffsetsResponse::decode).consumers())
                    .extracting(FetchConsumerOffsetsResponse.ConsumerOffset::consumerId).containsExactly("c1", "c2");
        }
    }

    @Test
    void aDeletedTopicEndsItsStreamsWithTopicDeleted() {
        broker.createTopic("doomed", 1);
        try (WireClient client = spu()) {
            int stream = client.send(ApiKey.Spu.STREAM_FETCH, V, StreamFetchRequest.of("doomed", 0, 0).withConsumerId("c1"));
            assertThat(client.silentFor(Duration.ofMillis(50))).isTrue();
            broker.deleteTopic("doomed");
            StreamFetchResponse frame = client.readStream(stream, V);
            assertThat(frame.streamId()).isEqualTo(1);
            assertThat(frame.partition().errorCode()).isEqualTo(CodedError.of(ErrorCode.TOPIC_DELETED));
            assertThat(updateConsumerOffset(client, 0, 1))
                    .isEqualTo(new UpdateConsumerOffsetResponse(0, CodedError.of(ErrorCode.FETCH_SESSION_NOT_FOUND)));
            assertThat(client.silentFor(Duration.ofMillis(50))).isTrue();
        }
    }

    @Test
    void aSmallMaxBytesSplitsTheLogIntoSeveralFrames() {
        broker.createTopic("split", 1);
        try (WireClient client = spu()) {
            for (int i = 0; i < 5; i++) {
                produce(client, "split", 0, batch("v" + i));
            }
            int stream = client.send(ApiKey.Spu.STREAM_FETCH, V, StreamFetchRequest.of("split", 0, 0).withMaxBytes(150));
            List<String> seen = new java.util.ArrayList<>();
            while (seen.size() < 5) {
                StreamFetchResponse frame = client.readStream(stream, V);
                assertThat(frame.partition().records().batches()).hasSizeLessThanOrEqualTo(2);
                seen.addAll(values(frame.partition().records()));
            }
            assertThat(seen).containsExactly("v0", "v1", "v2", "v3", "v4");
            assertThat(client.silentFor(Duration.ofMillis(50))).isTrue();
        }
    }

    @Test
    void aStreamSendsItsNextFrameOnlyAfterTheClientAcknowledgedThePreviousOne() { // §6.5, as the real SPU
        broker.createTopic("paced", 1);
        try (WireClient client = spu()) {
            for (int i = 0; i < 3; i++) {
                produce(client, "paced", 0, batch("v" + i));
            }
            // 80 bytes hold one of these batches, so every frame carries one
            int stream = client.send(ApiKey.Spu.STREAM_FETCH, V, StreamFetchRequest.of("paced", 0, 0).withMaxBytes(80));
            StreamFetchResponse first = client.read(stream, V, StreamFetchResponse::decode);
            assertThat(values(first.partition().records())).containsExactly("v0");
            produce(client, "paced", 0, batch("v3"));
            assertThat(client.silentFor(Duration.ofMillis(50))).as("nothing more before the acknowledgement").isTrue();

            int behind = client.send(ApiKey.Spu.UPDATE_OFFSETS, (short) 0, UpdateOffsetsRequest.of(0, first.streamId()));
            client.read(behind, (short) 0, UpdateOffsetsResponse::decode);
            assertThat(client.silentFor(Duration.ofMillis(50))).as("an acknowledgement short of the frame's end").isTrue();

            int ack = client.send(ApiKey.Spu.UPDATE_OFFSETS, (short) 0, UpdateOffsetsRequest.of(1, first.streamId()));
            // the answer to the acknowledgement comes first, then the next frame
            assertThat(new WireReader(client.readFrame()).i32("correlation_id")).isEqualTo(ack);
            StreamFetchResponse second = StreamFetchResponse.decode(afterCorrelationId(client.readFrame(), stream), V);
            assertThat(values(second.partition().records())).containsExactly("v1");
            client.acknowledge(second);
            assertThat(values(client.readStream(stream, V).partition().records())).containsExactly("v2");
            assertThat(values(client.readStream(stream, V).partition().records())).containsExactly("v3");
            assertThat(client.silentFor(Duration.ofMillis(50))).isTrue();
        }
    }

    @Test
    void theEndOfAStreamIsNotHeldBackByAFrameInFlight() {
        broker.createTopic("ending", 1);
        broker.createTopic("dropping", 1);
        try (WireClient client = spu()) {
            produce(client, "ending", 0, batch("a"));
            int stream = client.send(ApiKey.Spu.STREAM_FETCH, V, StreamFetchRequest.of("ending", 0, 0));
            assertThat(values(client.read(stream, V, StreamFetchResponse::decode).partition().records()))
                    .containsExactly("a"); // not acknowledged
            broker.deleteTopic("ending");
            assertThat(client.read(stream, V, StreamFetchResponse::decode).partition().errorCode())
                    .isEqualTo(CodedError.of(ErrorCode.TOPIC_DELETED));

            produce(client, "dropping", 0, batch("b"));
            int other = client.send(ApiKey.Spu.STREAM_FETCH, V, StreamFetchRequest.of("dropping", 0, 0));
            client.read(other, V, StreamFetchResponse::decode); // not acknowledged either
            broker.dropConnections();
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void restartingTheBrokerBreaksTheSpuConnectionAndTheStreamsOnIt() {
        broker.createTopic("restarted", 1);
        try (WireClient client = spu()) {
            client.send(ApiKey.Spu.STREAM_FETCH, V, StreamFetchRequest.of("restarted", 0, 0).withConsumerId("c1"));
            assertThat(client.silentFor(Duration.ofMillis(50))).isTrue();
            broker.restart();
            assertThat(client.closedByServer()).isTrue();
        }
        assertThat(broker.openConnections()).isZero();
    }

    @Test
    void droppingTheEngineConnectionsClosesTheTcpConnectionsOfOpenStreams() {
        broker.createTopic("dropped", 1);
        try (WireClient client = spu()) {
            client.send(ApiKey.Spu.STREAM_FETCH, V, StreamFetchRequest.of("dropped", 0, 0));
            assertThat(client.silentFor(Duration.ofMillis(50))).isTrue();
            broker.dropConnections();
            assertThat(client.closedByServer()).isTrue();
        }
    }

    // ---------------------------------------------------------------- helpers

    /** A response frame positioned after its correlation id, which must be {@code expected}. */
    private static WireReader afterCorrelationId(byte[] frame, int expected) {
        WireReader reader = new WireReader(frame);
        assertThat(reader.i32("correlation_id")).isEqualTo(expected);
        return reader;
    }

    static RecordBatch batch(String... values) {
        List<Record> records = java.util.Arrays.stream(values).map(Record::of).toList();
        return RecordBatch.ofRecords(T0, Compression.NONE, records);
    }

    private static SmartModuleInvocation filter(String name) {
        return new SmartModuleInvocation(new SmartModuleInvocation.Wasm.Predefined(name),
                SmartModuleInvocation.Kind.FILTER, SmartModuleInvocation.ExtraParams.EMPTY, Optional.empty());
    }

    private static List<PartitionProduceResponse> produce(WireClient client, String topic, int partition,
                                                          RecordBatch batch) {
        int id = client.send(ApiKey.Spu.PRODUCE, V, ProduceRequest.of(topic, partition, batch));
        return client.read(id, V, ProduceResponse::decode).responses().get(0).partitions();
    }

    private static PartitionProduceResponse ok(int partition, long baseOffset) {
        return PartitionProduceResponse.of(partition, CodedError.NONE, baseOffset);
    }

    private static UpdateConsumerOffsetResponse updateConsumerOffset(WireClient client, long offset, int session) {
        int id = client.send(ApiKey.Spu.UPDATE_CONSUMER_OFFSET, V, new UpdateConsumerOffsetRequest(offset, session));
        return client.read(id, V, UpdateConsumerOffsetResponse::decode);
    }

    private static FetchConsumerOffsetsResponse fetchConsumerOffsets(WireClient client,
                                                                     FetchConsumerOffsetsRequest request) {
        int id = client.send(ApiKey.Spu.FETCH_CONSUMER_OFFSETS, V, request);
        return client.read(id, V, FetchConsumerOffsetsResponse::decode);
    }

    static List<String> values(RecordSet records) {
        return records.batches().stream().flatMap(b -> b.records().stream())
                .map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
    }

    private static void assertFrame(WireClient client, String expectedHex) {
        assertThat(WireClient.hex(client.readWholeFrame())).isEqualTo(WireClient.hex(WireClient.hex(expectedHex)));
    }

    // Worked examples of spec wire-protocol.md §3.6.
    static final String EXAMPLE_K = "00 00 00 7d 00 00 00 19 00 00 00 01 00 0a 46 4c 55 56 49 4f 5f 43 4c 49 00 00 01 00 00 05 dc 00"
            + "00 00 01 00 05 68 65 6c 6c 6f 00 00 00 01 00 00 00 00 00 00 00 47 00 00 00 00 00 00 00 00 00 00"
            + "00 3b ff ff ff ff 02 7a ed b3 be 00 00 00 00 00 00 00 00 01 8b cf e5 68 00 00 00 01 8b cf e5 68"
            + "00 ff ff ff ff ff ff ff ff ff ff ff ff ff ff 00 00 00 01 12 00 00 00 01 02 31 02 61 00 00 00 00"
            + "00";
    static final String EXAMPLE_L = "00 00 00 35 00 00 00 01 00 00 00 01 00 05 68 65 6c 6c 6f 00 00 00 01 00 00 00 00 00 00 00 00 00"
            + "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00";
    static final String EXAMPLE_M = "00 00 00 27 03 ea 00 19 00 00 00 02 00 0a 46 4c 55 56 49 4f 5f 43 4c 49 00 00 00 01 00 05 68 65"
            + "6c 6c 6f 00 00 00 01 00 00 00 00";
    static final String EXAMPLE_M2 = "00 00 00 29 00 00 00 02 00 00 00 01 00 05 68 65 6c 6c 6f 00 00 00 01 00 00 00 00 00 00 00 00 00"
            + "00 00 00 00 00 00 00 00 00 00 00 00 01";
    static final String EXAMPLE_N = "00 00 00 35 03 eb 00 19 00 00 00 03 00 0a 46 4c 55 56 49 4f 5f 43 4c 49 00 05 68 65 6c 6c 6f 00"
            + "00 00 00 00 00 00 00 00 00 00 00 00 10 01 3a 00 00 00 00 00 01 00 02 63 31";
    static final String EXAMPLE_O = "00 00 00 79 00 00 00 03 00 05 68 65 6c 6c 6f 00 00 00 01 00 00 00 00 00 00 00 00 00 00 00 00 00"
            + "01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 47 00 00 00 00 00 00 00 00 00 00"
            + "00 3b ff ff ff ff 02 7a ed b3 be 00 00 00 00 00 00 00 00 01 8b cf e5 68 00 00 00 01 8b cf e5 68"
            + "00 ff ff ff ff ff ff ff ff ff ff ff ff ff ff 00 00 00 01 12 00 00 00 01 02 31 02 61 00";
    static final String EXAMPLE_P = "00 00 00 24 03 ed 00 00 00 00 00 04 00 0a 46 4c 55 56 49 4f 5f 43 4c 49 00 00 00 01 00 00 00 00"
            + "00 00 00 01 00 00 00 01";
    static final String EXAMPLE_P2 = "00 00 00 0e 00 00 00 04 00 00 00 01 00 00 00 01 00 00";
    static final String EXAMPLE_Q = "00 00 00 20 03 ee 00 19 00 00 00 05 00 0a 46 4c 55 56 49 4f 5f 43 4c 49 00 00 00 00 00 00 00 00"
            + "00 00 00 01";
    static final String EXAMPLE_Q2 = "00 00 00 0e 00 00 00 05 00 00 00 00 00 00 00 00 00 00";
    static final String EXAMPLE_R = "00 00 00 26 03 f0 00 19 00 00 00 01 00 0a 46 4c 55 56 49 4f 5f 43 4c 49 01 01 00 05 68 65 6c 6c"
            + "6f 00 00 00 00 01 00 02 63 31";
    static final String EXAMPLE_R1 = "00 00 00 15 03 f0 00 19 00 00 00 01 00 0a 46 4c 55 56 49 4f 5f 43 4c 49 00";
    static final String EXAMPLE_R2 = "00 00 00 29 00 00 00 01 00 00 00 00 00 01 00 02 63 31 00 05 68 65 6c 6c 6f 00 00 00 00 00 00 00"
            + "00 00 00 00 00 00 00 00 00 65 53 f1 00";
    static final String EXAMPLE_S = "00 00 00 23 03 ef 00 19 00 00 00 02 00 0a 46 4c 55 56 49 4f 5f 43 4c 49 00 05 68 65 6c 6c 6f 00"
            + "00 00 00 00 02 63 31";
    static final String EXAMPLE_S2 = "00 00 00 06 00 00 00 02 00 00";
}
