package org.fluviokit.fake.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.fluviokit.fake.FakeBroker;
import org.fluviokit.protocol.ApiKey;
import org.fluviokit.protocol.CodedError;
import org.fluviokit.protocol.ErrorCode;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.sc.CleanupPolicy;
import org.fluviokit.protocol.sc.CompressionAlgorithm;
import org.fluviokit.protocol.sc.CreateRequest;
import org.fluviokit.protocol.sc.DeleteRequest;
import org.fluviokit.protocol.sc.ListRequest;
import org.fluviokit.protocol.sc.ListResponse;
import org.fluviokit.protocol.sc.Metadata;
import org.fluviokit.protocol.sc.MetadataUpdate;
import org.fluviokit.protocol.sc.ObjectKind;
import org.fluviokit.protocol.sc.PartitionSpec;
import org.fluviokit.protocol.sc.PartitionStatus;
import org.fluviokit.protocol.sc.Status;
import org.fluviokit.protocol.sc.TopicSpec;
import org.fluviokit.protocol.sc.TopicStatus;
import org.fluviokit.protocol.sc.TopicStorageConfig;
import org.fluviokit.protocol.sc.WatchRequest;
import org.fluviokit.protocol.sc.WatchResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SC's object APIs over the wire (spec wire-protocol §3.4, §6.3, §6.4). */
class ScApiTest {

    private static final short V = 19;

    private FakeBroker broker;
    private WireServer server;

    @BeforeEach
    void start() {
        broker = FakeBroker.create();
        server = WireServer.start(broker);
    }

    @AfterEach
    void stop() {
        server.close();
        broker.close();
    }

    /** Opens Partition and Topic watches, as a client's metadata store does, and reads their snapshots. */
    private static int[] watchPartitionsAndTopics(WireClient sc) {
        int partitions = sc.send(ApiKey.Sc.WATCH, V, WatchRequest.of(ObjectKind.PARTITION));
        assertThat(sc.read(partitions, V, (in, v) -> WatchResponse.decode(in, v, ObjectKind.PARTITION))
                .update().all()).extracting(Metadata::name).containsExactly("consumer-offset-0");
        int topics = sc.send(ApiKey.Sc.WATCH, V, WatchRequest.of(ObjectKind.TOPIC));
        assertThat(sc.read(topics, V, (in, v) -> WatchResponse.decode(in, v, ObjectKind.TOPIC))
                .update().all()).extracting(Metadata::name).containsExactly("consumer-offset");
        return new int[] {partitions, topics};
    }

    @Test
    void createPushesThePartitionsAndTheTopicToEveryWatchBeforeItsStatus() {
        try (WireClient creator = WireClient.sc(server); WireClient watcher = WireClient.sc(server)) {
            int[] creatorWatches = watchPartitionsAndTopics(creator);
            int[] watcherWatches = watchPartitionsAndTopics(watcher);

            int create = creator.send(ApiKey.Sc.CREATE, V, CreateRequest.topic("hello", TopicSpec.computed(2, 1)));

            // §6.3: on the creating connection the watch frames come first, then the Status.
            WatchResponse<PartitionSpec, PartitionStatus> partitions = creator.read(creatorWatches[0], V,
                    (in, v) -> WatchResponse.decode(in, v, ObjectKind.PARTITION));
            assertThat(partitions.update().all()).isEmpty();
            assertThat(partitions.update().changes()).extracting(m -> m.header(), m -> m.content().name())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(MetadataUpdate.MsgType.UPDATE, "hello-0"),
                            org.assertj.core.groups.Tuple.tuple(MetadataUpdate.MsgType.UPDATE, "hello-1"));
            assertThat(partitions.update().changes().get(1).content().spec().leader()).isEqualTo(5001);
            assertThat(partitions.update().changes().get(1).content().status().resolution())
                    .isEqualTo(PartitionStatus.Resolution.ONLINE);
            WatchResponse<TopicSpec, TopicStatus> topics = creator.read(creatorWatches[1], V,
                    (in, v) -> WatchResponse.decode(in, v, ObjectKind.TOPIC));
            assertThat(topics.update().changes()).singleElement().satisfies(m -> {
                assertThat(m.header()).isEqualTo(MetadataUpdate.MsgType.UPDATE);
                assertThat(m.content().name()).isEqualTo("hello");
                assertThat(m.content().spec().partitionCount()).isEqualTo(2);
                assertThat(m.content().status().resolution()).isEqualTo(TopicStatus.Resolution.PROVISIONED);
            });
            assertThat(creator.read(create, V, Status::decode)).isEqualTo(Status.ok("hello"));

            // every other connection's watches get the same changes
            assertThat(watcher.read(watcherWatches[0], V, (in, v) -> WatchResponse.decode(in, v, ObjectKind.PARTITION))
                    .update().changes()).hasSize(2);
            assertThat(watcher.read(watcherWatches[1], V, (in, v) -> WatchResponse.decode(in, v, ObjectKind.TOPIC))
                    .update().changes()).singleElement().extracting(m -> m.content().name()).isEqualTo("hello");
        }
    }

    @Test
    void deletePushesDeleteChangesBeforeItsStatus() {
        broker.createTopic("hello", 1);
        try (WireClient sc = WireClient.sc(server)) {
            int partitions = sc.send(ApiKey.Sc.WATCH, V, WatchRequest.of(ObjectKind.PARTITION));
            sc.readFrame();
            int topics = sc.send(ApiKey.Sc.WATCH, V, WatchRequest.of(ObjectKind.TOPIC));
            sc.readFrame();

            int delete = sc.send(ApiKey.Sc.DELETE, V, DeleteRequest.topic("hello"));

            // §2.3: removing objects takes DELETE changes; an empty `all` would be ignored.
            assertThat(sc.read(partitions, V, (in, v) -> WatchResponse.decode(in, v, ObjectKind.PARTITION))
                    .update().changes()).singleElement().satisfies(m -> {
                        assertThat(m.header()).isEqualTo(MetadataUpdate.MsgType.DELETE);
                        assertThat(m.content().name()).isEqualTo("hello-0");
                    });
            assertThat(sc.read(topics, V, (in, v) -> WatchResponse.decode(in, v, ObjectKind.TOPIC))
                    .update().changes()).singleElement().satisfies(m -> {
                        assertThat(m.header()).isEqualTo(MetadataUpdate.MsgType.DELETE);
                        assertThat(m.content().name()).isEqualTo("hello");
                    });
            assertThat(sc.read(delete, V, Status::decode)).isEqualTo(Status.ok("hello"));
        }
        assertThat(broker.topic("hello")).isEmpty();
    }

    @Test
    void topicsCreatedThroughTheEngineArePushedToo() {
        try (WireClient sc = WireClient.sc(server)) {
            int topics = sc.send(ApiKey.Sc.WATCH, V, WatchRequest.of(ObjectKind.TOPIC));
            sc.readFrame();
            broker.createTopic("in-process", 3);
            assertThat(sc.read(topics, V, (in, v) -> WatchResponse.decode(in, v, ObjectKind.TOPIC))
                    .update().changes()).singleElement().extracting(m -> m.content().name()).isEqualTo("in-process");
        }
    }

    @Test
    void createRefusalsCarryTheScCodesAndMessages() {
        broker.createTopic("hello", 1);
        try (WireClient sc = WireClient.sc(server)) {
            // Example I2
            assertThat(create(sc, "hello", TopicSpec.computed(1, 1))).isEqualTo(
                    Status.error("hello", CodedError.of(ErrorCode.TOPIC_ALREADY_EXISTS), "Topic 'hello' already exists"));
            assertThat(create(sc, "Bad_Name", TopicSpec.computed(1, 1)).errorCode().code())
                    .isEqualTo(ErrorCode.TOPIC_INVALID_NAME);
            assertThat(create(sc, "zero", TopicSpec.computed(0, 1)).errorCode().code()).isEqualTo(ErrorCode.TOPIC_ERROR);
            assertThat(create(sc, "two-replicas", TopicSpec.computed(1, 2)).errorCode().code())
                    .isEqualTo(ErrorCode.TOPIC_NOT_PROVISIONED);
            assertThat(create(sc, "too-many", TopicSpec.computed(server.maxPartitions() + 1, 1)).errorCode().code())
                    .isEqualTo(ErrorCode.TOPIC_ERROR);
            Status dryRun = sc.read(sc.send(ApiKey.Sc.CREATE, V, new CreateRequest<>(ObjectKind.TOPIC,
                    new CreateRequest.CommonCreateRequest("dry", true, java.util.OptionalLong.empty()),
                    TopicSpec.computed(1, 1))), V, Status::decode);
            assertThat(dryRun.isOk()).isTrue();
            // §6.4: kinds the SC cannot create
            int smartModule = sc.send(ApiKey.Sc.CREATE, V, (out, v) -> out.string("SmartModule").lengthPrefixed(
                    w -> w.string("sm").bool(false).bool(false)));
            assertThat(sc.read(smartModule, V, Status::decode)).isEqualTo(new Status("create error",
                    CodedError.other("unknown admin object type"), Optional.empty()));
        }
        assertThat(broker.topic("dry")).isEmpty();
        assertThat(broker.topic("too-many")).isEmpty();
    }

    @Test
    void createKeepsTheTopicConfiguration() {
        TopicSpec spec = TopicSpec.computed(2, 1).withCleanupPolicy(CleanupPolicy.segment(3600))
                .withStorage(TopicStorageConfig.of(4096, 1_000_000)).withCompressionType(CompressionAlgorithm.GZIP);
        try (WireClient sc = WireClient.sc(server)) {
            assertThat(create(sc, "configured", spec).isOk()).isTrue();
            int list = sc.send(ApiKey.Sc.LIST, V, new ListRequest("Topic", List.of("configured"), false, false));
            ListResponse<TopicSpec, TopicStatus> listed = sc.read(list, V,
                    (in, v) -> ListResponse.decode(in, v, ObjectKind.TOPIC));
            assertThat(listed.objects()).singleElement().extracting(Metadata::spec).isEqualTo(spec);
        }
        var config = broker.topic("configured").orElseThrow().config();
        assertThat(config.retention()).contains(Duration.ofHours(1));
        assertThat(config.compression()).isEqualTo("gzip");
        assertThat(config.segmentSize()).contains(4096);
        assertThat(config.maxPartitionSize()).contains(1_000_000L);
    }

    @Test
    void deleteRefusalsCarryTheScCodes() {
        try (WireClient sc = WireClient.sc(server)) {
            assertThat(delete(sc, DeleteRequest.topic("missing")))
                    .isEqualTo(Status.error("missing", CodedError.of(ErrorCode.TOPIC_NOT_FOUND), "not found"));
            // K3: a system topic needs force; the SC answers 12001 without a message
            assertThat(delete(sc, DeleteRequest.topic("consumer-offset"))).isEqualTo(new Status("consumer-offset",
                    CodedError.of(ErrorCode.SYSTEM_SPEC_DELETION_ATTEMPT, "topic", "consumer-offset"), Optional.empty()));
            assertThat(delete(sc, new DeleteRequest("Topic", "consumer-offset", true)).isOk()).isTrue();
        }
        assertThat(broker.topic("consumer-offset")).isPresent();
    }

    @Test
    void listFiltersTopicsByNameAndSystemFlag() {
        broker.createTopic("alpha", 1);
        broker.createTopic("beta", 2);
        try (WireClient sc = WireClient.sc(server)) {
            assertThat(listTopics(sc, new ListRequest("Topic", List.of(), false, false)))
                    .containsExactly("alpha", "beta");
            assertThat(listTopics(sc, new ListRequest("Topic", List.of("et"), false, false))).containsExactly("beta");
            assertThat(listTopics(sc, new ListRequest("Topic", List.of(), false, true)))
                    .containsExactly("consumer-offset");
            // the real SC ignores the name filter of a partition List
            int id = sc.send(ApiKey.Sc.LIST, V, new ListRequest("Partition", List.of("alpha"), false, false));
            ListResponse<PartitionSpec, PartitionStatus> partitions = sc.read(id, V,
                    (in, v) -> ListResponse.decode(in, v, ObjectKind.PARTITION));
            assertThat(partitions.objects()).extracting(Metadata::name).containsExactly("alpha-0", "beta-0", "beta-1");
            // kinds the fake has none of are listed empty
            int smartModules = sc.send(ApiKey.Sc.LIST, V, new ListRequest("SmartModule", List.of(), false, false));
            WireReader empty = new WireReader(sc.readFrame());
            assertThat(empty.i32("correlation id")).isEqualTo(smartModules);
            assertThat(empty.string("label")).isEqualTo("SmartModule");
            assertThat(empty.i32("length")).isEqualTo(4);
            assertThat(empty.i32("count")).isZero();
        }
    }

    @Test
    void watchesOfKindsWithoutObjectsGetAnEmptySnapshot() {
        try (WireClient sc = WireClient.sc(server)) {
            int id = sc.send(ApiKey.Sc.WATCH, V, new WatchRequest("SmartModule", 0, false));
            WireReader frame = new WireReader(sc.readFrame());
            assertThat(frame.i32("correlation id")).isEqualTo(id);
            assertThat(frame.string("label")).isEqualTo("SmartModule");
            assertThat(frame.i32("length")).isEqualTo(16);
            frame.i64("epoch");
            assertThat(frame.i32("changes")).isZero();
            assertThat(frame.i32("all")).isZero();
        }
    }

    @Test
    void aWatchOfAnUnknownKindEndsTheConnection() {
        try (WireClient sc = WireClient.sc(server)) {
            sc.send(ApiKey.Sc.WATCH, V, new WatchRequest("Gadget", 0, false));
            assertThat(sc.closedByServer()).isTrue();
        }
    }

    @Test
    void aFailedListEndsTheConnectionForAListResponseHasNoErrorField() {
        try (WireClient sc = WireClient.sc(server)) {
            broker.faults().failNext(org.fluviokit.fake.BrokerApi.LIST_TOPICS, ErrorCode.TOPIC_ERROR);
            sc.send(ApiKey.Sc.LIST, V, ListRequest.all(ObjectKind.TOPIC));
            assertThat(sc.closedByServer()).isTrue();
        }
    }

    private static Status create(WireClient sc, String name, TopicSpec spec) {
        return sc.read(sc.send(ApiKey.Sc.CREATE, V, CreateRequest.topic(name, spec)), V, Status::decode);
    }

    private static Status delete(WireClient sc, DeleteRequest request) {
        return sc.read(sc.send(ApiKey.Sc.DELETE, V, request), V, Status::decode);
    }

    private static List<String> listTopics(WireClient sc, ListRequest request) {
        int id = sc.send(ApiKey.Sc.LIST, V, request);
        return sc.read(id, V, (in, v) -> ListResponse.decode(in, v, ObjectKind.TOPIC)).objects().stream()
                .map(Metadata::name).toList();
    }
}
