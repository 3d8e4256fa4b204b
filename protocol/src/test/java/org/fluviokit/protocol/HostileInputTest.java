package org.fluviokit.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

import org.fluviokit.protocol.record.Compression;
import org.fluviokit.protocol.record.Record;
import org.fluviokit.protocol.record.RecordBatch;
import org.fluviokit.protocol.record.RecordSet;
import org.fluviokit.protocol.sc.CreateRequest;
import org.fluviokit.protocol.sc.DeleteRequest;
import org.fluviokit.protocol.sc.ListRequest;
import org.fluviokit.protocol.sc.Metadata;
import org.fluviokit.protocol.sc.MetadataUpdate;
import org.fluviokit.protocol.sc.ObjectKind;
import org.fluviokit.protocol.sc.PartitionSpec;
import org.fluviokit.protocol.sc.PartitionStatus;
import org.fluviokit.protocol.sc.SpuSpec;
import org.fluviokit.protocol.sc.SpuStatus;
import org.fluviokit.protocol.sc.Status;
import org.fluviokit.protocol.sc.TopicSpec;
import org.fluviokit.protocol.sc.TopicStatus;
import org.fluviokit.protocol.sc.WatchRequest;
import org.fluviokit.protocol.sc.WatchResponse;
import org.fluviokit.protocol.spu.DeleteConsumerOffsetRequest;
import org.fluviokit.protocol.spu.FetchConsumerOffsetsRequest;
import org.fluviokit.protocol.spu.FetchConsumerOffsetsResponse;
import org.fluviokit.protocol.spu.FetchOffsetsRequest;
import org.fluviokit.protocol.spu.FetchOffsetsResponse;
import org.fluviokit.protocol.spu.ProduceRequest;
import org.fluviokit.protocol.spu.ProduceResponse;
import org.fluviokit.protocol.spu.ReplicaKey;
import org.fluviokit.protocol.spu.StreamFetchRequest;
import org.fluviokit.protocol.spu.StreamFetchResponse;
import org.fluviokit.protocol.spu.UpdateConsumerOffsetRequest;
import org.fluviokit.protocol.spu.UpdateOffsetsRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decoding bytes from an untrusted peer: every failure is a {@link ProtocolException}, raised
 * before anything larger than the input is allocated.
 */
class HostileInputTest {

    /** Generous bound for "allocated nothing proportional to the announced length". */
    private static final long SMALL = 256 * 1024;

    private static void assertFailsSmall(String hex, Function<WireReader, ?> decode, String messagePart) {
        byte[] bytes = Hex.bytes(hex);
        assertThatThrownBy(() -> decode.apply(new WireReader(bytes)))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining(messagePart);
        assertThat(Allocation.bytesAllocatedBy(() -> decode.apply(new WireReader(bytes))))
                .as("bytes allocated decoding %s", hex)
                .isLessThan(SMALL);
    }

    @Test
    void hugeVectorCountFailsFast() {
        // 2^31-1 elements announced, 10 bytes left.
        assertFailsSmall("7f ff ff ff 00 00 00 00 00 00 00 00 00 00",
                in -> in.vec("topics", r -> r.i32("e")), "vector count 2147483647 of topics at byte 0 exceeds the 10 bytes left");
    }

    @Test
    void hugeStringLengthFailsFast() {
        assertFailsSmall("7f ff 61 62 63", in -> in.string("topic"), "truncated input reading topic");
    }

    @Test
    void hugeByteVectorFailsFast() {
        assertFailsSmall("7f ff ff ff de ad", in -> in.bytes("wasm"), "byte length 2147483647 of wasm");
    }

    @Test
    void hugeMapCountFailsFast() {
        assertFailsSmall("ff ff 00 00", in -> in.btreeMap("params", String::compareTo,
                r -> r.string("k"), r -> r.string("v")), "map entry count 65535");
    }

    @Test
    void hugeRecordLengthsFailFast() {
        assertFailsSmall("fe ff ff ff 0f 00", in -> in.varintBytes("value"), "length 2147483647 of value");
        assertFailsSmall("7f ff ff ff 00 00 00 00", RecordSet::decode, "record set");
        assertFailsSmall("00 00 00 00 00 00 00 00 7f ff ff ff 00", RecordBatch::decode, "batch");
    }

    @Test
    void hugeEnvelopePayloadFailsFast() {
        assertFailsSmall("00 05 54 6f 70 69 63 ff ff ff ff 00", in -> WatchRequest.decode(in, (short) 19),
                "payload length 4294967295 of the \"Topic\" envelope exceeds the 1 bytes left");
    }

    @Test
    void hugeCountsInsideMessagesFailFast() {
        // ProduceRequest: no transactional id, acks 1, timeout 0, then 2^31-1 topics.
        assertFailsSmall("00 00 01 00 00 00 00 7f ff ff ff 00 00", in -> ProduceRequest.decode(in, (short) 25),
                "vector count 2147483647 of topics");
        // StreamFetchResponse at v25 whose aborted list announces 2^31-1 entries.
        assertFailsSmall("00 01 74 00 00 00 01 00 00 00 00 00 00 " + "00 ".repeat(24) + "01 7f ff ff ff 00",
                in -> StreamFetchResponse.decode(in, (short) 25), "aborted");
    }

    // ------------------------------------------------------------ every message, cut and mutated

    private record Case(String name, byte[] body, Function<WireReader, Object> decode) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case encoded(String name, Encodable message, short version, Function<WireReader, Object> decode) {
        WireWriter out = new WireWriter();
        message.encode(out, version);
        return new Case(name, out.toByteArray(), decode);
    }

    static Stream<Case> messages() {
        short v25 = 25;
        short v19 = 19;
        RecordBatch batch = RecordBatch.ofRecords(1_700_000_000_000L, Record.of("1", "a"), Record.of("b"));
        RecordBatch gzip = RecordBatch.ofRecords(1_700_000_000_000L, Compression.GZIP,
                List.of(Record.of("k", "v"), Record.of("w")));
        Metadata<TopicSpec, TopicStatus> topic = new Metadata<>("hello", TopicSpec.computed(2, 1),
                TopicStatus.provisioned(2, 5001));
        return Stream.of(
                encoded("ApiVersionsRequest", new ApiVersionsRequest("0.50.1", "linux", "x86_64"), (short) 2,
                        in -> ApiVersionsRequest.decode(in, (short) 2)),
                encoded("ApiVersionsResponse", ApiVersionsResponse.of(List.of(
                        ApiVersionsResponse.ApiVersionKey.of(0, 0, 25)), "0.0.0"), (short) 2,
                        in -> ApiVersionsResponse.decode(in, (short) 2)),
                encoded("ProduceRequest", ProduceRequest.of("hello", 0, batch, gzip), v25,
                        in -> ProduceRequest.decode(in, v25)),
                encoded("ProduceResponse", ProduceResponse.of(List.of(new ProduceResponse.TopicProduceResponse("hello",
                        List.of(ProduceResponse.PartitionProduceResponse.of(0,
                                CodedError.of(ErrorCode.OFFSET_EVICTED, 1L, 2L), 0))))), v25,
                        in -> ProduceResponse.decode(in, v25)),
                encoded("FetchOffsetsRequest", FetchOffsetsRequest.of("hello", 0), v25,
                        in -> FetchOffsetsRequest.decode(in, v25)),
                encoded("FetchOffsetsResponse", FetchOffsetsResponse.of("hello",
                        new FetchOffsetsResponse.FetchOffsetPartitionResponse(CodedError.NONE, 0, 0, 1)), v25,
                        in -> FetchOffsetsResponse.decode(in, v25)),
                encoded("StreamFetchRequest", StreamFetchRequest.of("hello", 0, 0).withConsumerId("c1"), v25,
                        in -> StreamFetchRequest.decode(in, v25)),
                encoded("StreamFetchResponse", new StreamFetchResponse("hello", 1,
                        new StreamFetchResponse.FetchablePartitionResponse(0, CodedError.other("x"), 3, 0, 0,
                                Optional.of(List.of(new StreamFetchResponse.AbortedTransaction(1, 2))),
                                RecordSet.of(batch, gzip.withBaseOffset(2)))), v25,
                        in -> StreamFetchResponse.decode(in, v25)),
                encoded("UpdateOffsetsRequest", UpdateOffsetsRequest.of(1, 1), (short) 0,
                        in -> UpdateOffsetsRequest.decode(in, (short) 0)),
                encoded("UpdateConsumerOffsetRequest", new UpdateConsumerOffsetRequest(0, 1), v25,
                        in -> UpdateConsumerOffsetRequest.decode(in, v25)),
                encoded("DeleteConsumerOffsetRequest",
                        new DeleteConsumerOffsetRequest(new ReplicaKey("hello", 0), "c1"), v25,
                        in -> DeleteConsumerOffsetRequest.decode(in, v25)),
                encoded("FetchConsumerOffsetsRequest", FetchConsumerOffsetsRequest.of("hello", 0, "c1"), v25,
                        in -> FetchConsumerOffsetsRequest.decode(in, v25)),
                encoded("FetchConsumerOffsetsResponse", new FetchConsumerOffsetsResponse(CodedError.NONE,
                        List.of(new FetchConsumerOffsetsResponse.ConsumerOffset("c1", new ReplicaKey("hello", 0), 0,
                                1_700_000_000L))), v25,
                        in -> FetchConsumerOffsetsResponse.decode(in, v25)),
                encoded("CreateRequest", CreateRequest.topic("hello", TopicSpec.computed(2, 1)), v19,
                        in -> CreateRequest.decode(in, v19, ObjectKind.TOPIC)),
                encoded("DeleteRequest", DeleteRequest.topic("hello"), v19, in -> DeleteRequest.decode(in, v19)),
                encoded("ListRequest", ListRequest.all(ObjectKind.TOPIC), v19, in -> ListRequest.decode(in, v19)),
                encoded("WatchRequest", WatchRequest.of(ObjectKind.TOPIC), v19, in -> WatchRequest.decode(in, v19)),
                encoded("Status", Status.error("hello", CodedError.of(ErrorCode.SYSTEM_SPEC_DELETION_ATTEMPT,
                        "topic", "hello"), "no"), v19, in -> Status.decode(in, v19)),
                encoded("TopicWatchResponse", new WatchResponse<>(ObjectKind.TOPIC, new MetadataUpdate<>(1,
                        List.of(MetadataUpdate.Message.delete(topic)), List.of(topic))), v19,
                        in -> WatchResponse.decode(in, v19, ObjectKind.TOPIC)),
                encoded("PartitionWatchResponse", new WatchResponse<>(ObjectKind.PARTITION, MetadataUpdate.withAll(1,
                        List.of(new Metadata<>("hello-0",
                                PartitionSpec.forTopic(TopicSpec.computed(1, 1), 5001, List.of(5001)),
                                PartitionStatus.online(5001, 1, 100, 0))))), v19,
                        in -> WatchResponse.decode(in, v19, ObjectKind.PARTITION)),
                encoded("SpuWatchResponse", new WatchResponse<>(ObjectKind.SPU, MetadataUpdate.withAll(1,
                        List.of(new Metadata<>("custom-spu-5001", SpuSpec.custom(5001, "localhost", 9010, 9011),
                                SpuStatus.ONLINE)))), v19,
                        in -> WatchResponse.decode(in, v19, ObjectKind.SPU)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void everyTruncationFailsWithAProtocolException(Case message) {
        for (int cut = 0; cut < message.body().length; cut++) {
            byte[] prefix = Arrays.copyOf(message.body(), cut);
            int at = cut;
            assertThatThrownBy(() -> message.decode().apply(new WireReader(prefix)))
                    .as("%s cut at byte %d", message.name(), at)
                    .isInstanceOf(ProtocolException.class);
        }
        // and the whole message decodes
        WireReader whole = new WireReader(message.body());
        message.decode().apply(whole);
        assertThat(whole.hasRemaining()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void randomCorruptionOnlyEverRaisesProtocolExceptions(Case message) {
        Random random = new Random(message.name().hashCode());
        byte[] interesting = {0, 1, 2, (byte) 0x7f, (byte) 0x80, (byte) 0xff};
        for (int round = 0; round < 2_000; round++) {
            byte[] corrupt = message.body().clone();
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                int i = random.nextInt(corrupt.length);
                corrupt[i] = random.nextBoolean()
                        ? interesting[random.nextInt(interesting.length)]
                        : (byte) random.nextInt(256);
            }
            try {
                Object decoded = message.decode().apply(new WireReader(corrupt));
                exerciseDecodedValue(decoded);
            } catch (ProtocolException expected) {
                // the only acceptable failure
            } catch (RuntimeException | Error e) {
                fail(message.name() + " corrupted to " + Hex.hex(corrupt) + " raised " + e, e);
            }
        }
    }

    /** Touches lazily decoded parts (records of batches) and formatting of what was decoded. */
    private static void exerciseDecodedValue(Object decoded) {
        String ignored = String.valueOf(decoded);
        List<RecordSet> sets = new ArrayList<>();
        if (decoded instanceof ProduceRequest produce) {
            produce.topics().forEach(t -> t.partitions().forEach(p -> sets.add(p.records())));
        } else if (decoded instanceof StreamFetchResponse fetch) {
            sets.add(fetch.partition().records());
            fetch.partition().errorCode().message();
        } else if (decoded instanceof Status status) {
            status.errorCode().message();
        }
        for (RecordSet set : sets) {
            for (RecordBatch batch : set.batches()) {
                batch.records();
            }
        }
        assertThat(ignored).isNotNull();
    }
}
