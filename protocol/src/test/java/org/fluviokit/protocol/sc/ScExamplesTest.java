package org.fluviokit.protocol.sc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fluviokit.protocol.WireFrames.assertRequestExample;
import static org.fluviokit.protocol.WireFrames.assertResponseExample;

import java.util.List;

import org.fluviokit.protocol.CodedError;
import org.fluviokit.protocol.ErrorCode;
import org.fluviokit.protocol.Hex;
import org.fluviokit.protocol.RequestHeader;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;
import org.junit.jupiter.api.Test;

/** The SC worked examples D–J, T, U of spec §3.4–3.5 and the system topic bytes of §6.3. */
class ScExamplesTest {

    private static final short V19 = 19;
    private static final String CLI = "FLUVIO_CLI";

    private static final Metadata<TopicSpec, TopicStatus> HELLO = new Metadata<>("hello",
            TopicSpec.computed(2, 1), TopicStatus.provisioned(2, 5001));

    @Test
    void exampleD_watchRequestForTopics() {
        assertRequestExample("""
                00 00 00 23 03 ec 00 13 00 00 00 03 00 05 64 75 6d 6d 79 00 05 54 6f 70 69 63 00 00 00 09 00 00
                00 00 00 00 00 00 00""",
                new RequestHeader(1004, V19, 3, "dummy"), WatchRequest.of(ObjectKind.TOPIC), WatchRequest::decode);
    }

    @Test
    void exampleE_topicWatchResponseFullSync() {
        assertResponseExample("""
                00 00 00 54 00 00 00 03 00 05 54 6f 70 69 63 00 00 00 45 00 00 00 00 00 00 00 01 00 00 00 00 00
                00 00 01 00 05 68 65 6c 6c 6f 01 00 00 00 02 00 00 00 01 00 00 00 04 00 00 04 00 02 00 00 00 00
                00 00 00 01 00 00 13 89 00 00 00 01 00 00 00 01 00 00 13 89 00 00 00 00""",
                3, V19, new WatchResponse<>(ObjectKind.TOPIC, MetadataUpdate.withAll(1, List.of(HELLO))),
                (in, v) -> WatchResponse.decode(in, v, ObjectKind.TOPIC));
    }

    @Test
    void exampleU_topicWatchResponseDelete() {
        assertResponseExample("""
                00 00 00 55 00 00 00 03 00 05 54 6f 70 69 63 00 00 00 46 00 00 00 00 00 00 00 02 00 00 00 01 01
                00 05 68 65 6c 6c 6f 01 00 00 00 02 00 00 00 01 00 00 00 04 00 00 04 00 02 00 00 00 00 00 00 00
                01 00 00 13 89 00 00 00 01 00 00 00 01 00 00 13 89 00 00 00 00 00 00 00 00""",
                3, V19, new WatchResponse<>(ObjectKind.TOPIC,
                        MetadataUpdate.withChanges(2, List.of(MetadataUpdate.Message.delete(HELLO)))),
                (in, v) -> WatchResponse.decode(in, v, ObjectKind.TOPIC));
    }

    @Test
    void exampleF_partitionWatchResponse() {
        Metadata<PartitionSpec, PartitionStatus> partition = new Metadata<>("hello-0",
                PartitionSpec.forTopic(TopicSpec.computed(2, 1), 5001, List.of(5001)),
                PartitionStatus.online(5001, 1, PartitionStatus.SIZE_NOT_SUPPORTED, 0));
        assertResponseExample("""
                00 00 00 6c 00 00 00 02 00 09 50 61 72 74 69 74 69 6f 6e 00 00 00 59 00 00 00 00 00 00 00 01 00
                00 00 00 00 00 00 01 00 07 68 65 6c 6c 6f 2d 30 00 00 13 89 00 00 00 01 00 00 13 89 00 00 04 00
                00 00 01 00 00 13 89 00 00 00 00 00 00 00 01 00 00 00 00 00 00 00 01 00 00 00 00 00 00 00 00 ff
                ff ff ff ff ff ff fe 00 00 00 00 00 00 00 00 00""",
                2, V19, new WatchResponse<>(ObjectKind.PARTITION, MetadataUpdate.withAll(1, List.of(partition))),
                (in, v) -> WatchResponse.decode(in, v, ObjectKind.PARTITION));
    }

    @Test
    void exampleG_spuWatchResponse() {
        Metadata<SpuSpec, SpuStatus> spu = new Metadata<>("custom-spu-5001",
                SpuSpec.custom(5001, "localhost", 9010, 9011), SpuStatus.ONLINE);
        assertResponseExample("""
                00 00 00 58 00 00 00 01 00 03 53 50 55 00 00 00 4b 00 00 00 00 00 00 00 01 00 00 00 00 00 00 00
                01 00 0f 63 75 73 74 6f 6d 2d 73 70 75 2d 35 30 30 31 00 00 13 89 01 23 32 00 00 00 01 01 00 09
                6c 6f 63 61 6c 68 6f 73 74 00 00 23 33 00 09 6c 6f 63 61 6c 68 6f 73 74 00 00 00 00""",
                1, V19, new WatchResponse<>(ObjectKind.SPU, MetadataUpdate.withAll(1, List.of(spu))),
                (in, v) -> WatchResponse.decode(in, v, ObjectKind.SPU));
    }

    @Test
    void exampleH_createTopicRequest() {
        assertRequestExample("""
                00 00 00 37 03 e9 00 13 00 00 00 04 00 0a 46 4c 55 56 49 4f 5f 43 4c 49 00 05 54 6f 70 69 63 00
                00 00 18 00 05 68 65 6c 6c 6f 00 00 01 00 00 00 02 00 00 00 01 00 00 00 04 00 00""",
                new RequestHeader(1001, V19, 4, CLI), CreateRequest.topic("hello", TopicSpec.computed(2, 1)),
                (in, v) -> CreateRequest.decode(in, v, ObjectKind.TOPIC));
    }

    @Test
    void exampleI_statusOk() {
        assertResponseExample("00 00 00 0e 00 00 00 04 00 05 68 65 6c 6c 6f 00 00 00", 4, V19,
                Status.ok("hello"), Status::decode);
    }

    @Test
    void exampleI2_statusTopicAlreadyExists() {
        assertResponseExample("""
                00 00 00 2c 00 00 00 04 00 05 68 65 6c 6c 6f 07 d2 01 00 1c 54 6f 70 69 63 20 27 68 65 6c 6c 6f
                27 20 61 6c 72 65 61 64 79 20 65 78 69 73 74 73""",
                4, V19, Status.error("hello", CodedError.of(ErrorCode.TOPIC_ALREADY_EXISTS),
                        "Topic 'hello' already exists"),
                Status::decode);
    }

    @Test
    void exampleJ_deleteTopicRequest() {
        assertRequestExample("""
                00 00 00 27 03 ea 00 13 00 00 00 04 00 0a 46 4c 55 56 49 4f 5f 43 4c 49 00 05 54 6f 70 69 63 00
                00 00 08 00 05 68 65 6c 6c 6f 00""",
                new RequestHeader(1002, V19, 4, CLI), DeleteRequest.topic("hello"), DeleteRequest::decode);
    }

    @Test
    void exampleT_listAllTopicsRequest() {
        assertRequestExample("""
                00 00 00 25 03 eb 00 13 00 00 00 04 00 0a 46 4c 55 56 49 4f 5f 43 4c 49 00 05 54 6f 70 69 63 00
                00 00 06 00 00 00 00 00 00""",
                new RequestHeader(1003, V19, 4, CLI), ListRequest.all(ObjectKind.TOPIC), ListRequest::decode);
    }

    // §6.3: the consumer-offset system topic and its partition

    private static final TopicSpec CONSUMER_OFFSET_TOPIC = TopicSpec.computed(1, 1)
            .withCleanupPolicy(CleanupPolicy.segment(604_800))
            .withStorage(TopicStorageConfig.of(512_000_000, 2_048_000_000L))
            .withSystem(true);

    @Test
    void consumerOffsetTopicSpecBytes() {
        String hex = "01 00 00 00 01 00 00 00 01 00 01 00 00 09 3a 80 01 01 1e 84 80 00 01 00 00 00 00 7a 12 00 00 04 00 01";
        WireWriter out = new WireWriter();
        CONSUMER_OFFSET_TOPIC.encode(out, V19);
        assertThat(Hex.hex(out.toByteArray())).isEqualTo(Hex.normalize(hex));
        assertThat(TopicSpec.decode(new WireReader(Hex.bytes(hex)), V19)).isEqualTo(CONSUMER_OFFSET_TOPIC);
    }

    @Test
    void consumerOffsetPartitionSpecBytes() {
        String hex = """
                00 00 13 89 00 00 00 01 00 00 13 89 01 00 00 09 3a 80 01 01 1e 84 80 00 01 00 00 00 00
                7a 12 00 00 04 00 01 00""";
        PartitionSpec spec = PartitionSpec.forTopic(CONSUMER_OFFSET_TOPIC, 5001, List.of(5001));
        WireWriter out = new WireWriter();
        spec.encode(out, V19);
        assertThat(Hex.hex(out.toByteArray())).isEqualTo(Hex.normalize(hex));
        assertThat(PartitionSpec.decode(new WireReader(Hex.bytes(hex)), V19)).isEqualTo(spec);
    }

    @Test
    void listResponseRoundTrips() {
        ListResponse<TopicSpec, TopicStatus> response = new ListResponse<>(ObjectKind.TOPIC, List.of(HELLO));
        WireWriter out = new WireWriter();
        response.encode(out, V19);
        byte[] bytes = out.toByteArray();
        // label, payload length 57, then Vec<Metadata> holding the metadata bytes of example E.
        assertThat(Hex.hex(bytes)).isEqualTo(Hex.normalize("""
                00 05 54 6f 70 69 63 00 00 00 39 00 00 00 01
                00 05 68 65 6c 6c 6f 01 00 00 00 02 00 00 00 01 00 00 00 04 00 00 04 00 02 00 00 00 00
                00 00 00 01 00 00 13 89 00 00 00 01 00 00 00 01 00 00 13 89 00 00 00 00"""));
        assertThat(ListResponse.decode(new WireReader(bytes), V19, ObjectKind.TOPIC)).isEqualTo(response);
    }
}
