package org.fluviokit.fake.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.TopicConfig;
import org.fluviokit.protocol.ApiKey;
import org.fluviokit.protocol.ApiVersionsResponse;
import org.fluviokit.protocol.ErrorCode;
import org.fluviokit.protocol.sc.ListRequest;
import org.fluviokit.protocol.sc.ListResponse;
import org.fluviokit.protocol.sc.Metadata;
import org.fluviokit.protocol.sc.ObjectKind;
import org.fluviokit.protocol.sc.SpuSpec;
import org.fluviokit.protocol.sc.SpuStatus;
import org.fluviokit.protocol.sc.TopicSpec;
import org.fluviokit.protocol.sc.TopicStatus;
import org.fluviokit.protocol.sc.WatchRequest;
import org.fluviokit.protocol.sc.WatchResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server itself: listeners, ports, ApiVersions, profiles, restarts (spec wire-protocol §6.1, §6.2, §6.8). */
class WireServerTest {

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

    @Test
    void listensOnPortsTheOperatingSystemChose() {
        assertThat(server.scPort()).isPositive().isNotIn(9003, 9010);
        assertThat(server.spuPort(FakeBroker.DEFAULT_SPU_ID)).isPositive().isNotEqualTo(server.scPort());
        assertThat(server.scEndpoint()).isEqualTo("127.0.0.1:" + server.scPort());
        assertThatThrownBy(() -> server.spuPort(5002)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5001");
    }

    @Test
    void servesEverySpuOfTheBrokerOnItsOwnPortStepsOfTenFromAGivenPort() throws IOException {
        int base;
        try (ServerSocket probe = new ServerSocket(0)) {
            base = probe.getLocalPort();
        }
        // Not probe-then-bind in the server: the test only needs some port, and falls back if it is taken.
        try (FakeBroker three = FakeBroker.builder().spuCount(3).build()) {
            WireServer spread;
            try {
                spread = WireServer.builder(three).spuPort(base).start();
            } catch (java.io.UncheckedIOException taken) {
                spread = WireServer.start(three);
                base = 0;
            }
            try (WireServer threeSpus = spread) {
                if (base != 0) {
                    assertThat(threeSpus.spuPort(5001)).isEqualTo(base);
                    assertThat(threeSpus.spuPort(5003)).isEqualTo(base + 20);
                }
                try (WireClient sc = WireClient.sc(threeSpus)) {
                    int id = sc.send(ApiKey.Sc.LIST, (short) 19, ListRequest.all(ObjectKind.SPU));
                    ListResponse<SpuSpec, SpuStatus> spus = sc.read(id, (short) 19,
                            (in, v) -> ListResponse.decode(in, v, ObjectKind.SPU));
                    assertThat(spus.objects()).extracting(Metadata::name)
                            .containsExactly("custom-spu-5001", "custom-spu-5002", "custom-spu-5003");
                    assertThat(spus.objects()).extracting(m -> m.spec().publicEndpoint().port())
                            .containsExactly(threeSpus.spuPort(5001), threeSpus.spuPort(5002), threeSpus.spuPort(5003));
                }
                for (int id : three.spuIds()) {
                    try (WireClient spu = WireClient.spu(threeSpus, id)) {
                        assertThat(spu.apiVersions().platformVersion()).isEqualTo("0.0.0");
                    }
                }
            }
        }
    }

    @Test
    void scAnswersApiVersionsAsExampleB() {
        try (WireClient sc = WireClient.connect(server.host(), server.scPort())) {
            sc.writeHex(EXAMPLE_A);
            assertThat(WireClient.hex(sc.readWholeFrame())).isEqualTo(WireClient.hex(WireClient.hex(EXAMPLE_B)));
        }
    }

    @Test
    void spuAnswersApiVersionsAsExampleC() {
        try (WireClient spu = WireClient.connect(server.host(), server.spuPort(5001))) {
            spu.writeHex(EXAMPLE_A);
            assertThat(WireClient.hex(spu.readWholeFrame())).isEqualTo(WireClient.hex(WireClient.hex(EXAMPLE_C)));
        }
    }

    @Test
    void spuOffersOldStreamFetchVersionsToAClientWithoutVersion() {
        // Fluvio <= 0.9.12 sent no client_version and gets StreamFetch up to v15 (§3.1).
        try (WireClient spu = WireClient.connect(server.host(), server.spuPort(5001))) {
            int id = spu.send(ApiKey.API_VERSIONS, (short) 0, (out, v) -> { });
            ApiVersionsResponse response = spu.read(id, (short) 0, ApiVersionsResponse::decode);
            assertThat(response.negotiate(ApiKey.Spu.STREAM_FETCH, (short) 0, (short) 25)).contains((short) 15);
        }
    }

    @Test
    void scHangsUpOnAClientVersionThatIsNotSemver() {
        // §2.2 step 2: the real SC parses client_version and closes the connection without a reply.
        try (WireClient sc = WireClient.connect(server.host(), server.scPort())) {
            sc.send(ApiKey.API_VERSIONS, (short) 2, new org.fluviokit.protocol.ApiVersionsRequest("latest", "linux", "x86_64"));
            assertThat(sc.closedByServer()).isTrue();
        }
        try (WireClient sc = WireClient.sc(server)) {
            assertThat(sc.apiVersions().platformVersion()).isEqualTo(WireServer.PLATFORM_VERSION);
        }
    }

    @Test
    void watchSnapshotsHoldTheSpuAndTheConsumerOffsetSystemTopicAndPartition() {
        try (WireClient sc = WireClient.sc(server)) {
            int spuWatch = sc.send(ApiKey.Sc.WATCH, (short) 19, WatchRequest.of(ObjectKind.SPU));
            WatchResponse<SpuSpec, SpuStatus> spus = sc.read(spuWatch, (short) 19,
                    (in, v) -> WatchResponse.decode(in, v, ObjectKind.SPU));
            assertThat(spus.update().all()).singleElement().satisfies(spu -> {
                assertThat(spu.name()).isEqualTo("custom-spu-5001");
                assertThat(spu.spec()).isEqualTo(SpuSpec.custom(5001, "127.0.0.1", server.spuPort(5001),
                        server.spuPort(5001) + 1));
                assertThat(spu.status()).isEqualTo(SpuStatus.ONLINE);
            });

            int topicWatch = sc.send(ApiKey.Sc.WATCH, (short) 19, WatchRequest.of(ObjectKind.TOPIC));
            byte[] frame = sc.readFrame();
            // §6.3: the consumer-offset spec, byte for byte at v19, inside the full sync
            assertThat(WireClient.hex(frame)).contains(WireClient.hex(WireClient.hex(
                    "00 0f 63 6f 6e 73 75 6d 65 72 2d 6f 66 66 73 65 74" // name "consumer-offset"
                            + CONSUMER_OFFSET_TOPIC_SPEC)));
            WatchResponse<TopicSpec, TopicStatus> topics = WatchResponse.decode(
                    new org.fluviokit.protocol.WireReader(frame, 4, frame.length - 4), (short) 19, ObjectKind.TOPIC);
            assertThat(new org.fluviokit.protocol.WireReader(frame).i32("correlation id")).isEqualTo(topicWatch);
            assertThat(topics.update().all()).singleElement()
                    .satisfies(topic -> assertThat(topic.status().replicaMap()).containsEntry(0, List.of(5001)));

            sc.send(ApiKey.Sc.WATCH, (short) 19, WatchRequest.of(ObjectKind.PARTITION));
            assertThat(WireClient.hex(sc.readFrame())).contains(WireClient.hex(WireClient.hex(
                    "00 11 63 6f 6e 73 75 6d 65 72 2d 6f 66 66 73 65 74 2d 30" // "consumer-offset-0"
                            + CONSUMER_OFFSET_PARTITION_SPEC)));
        }
    }

    @Test
    void writesAProfileThatPointsAtTheSc(@TempDir Path dir) throws IOException {
        Path file = server.writeProfile(dir.resolve("sub/config"));
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith(WireServer.PROFILE_MARKER)
                .contains("version = \"2.0\"", "current_profile = \"fluviokit\"", "[profile.fluviokit]",
                        "cluster = \"fluviokit\"", "[cluster.fluviokit]",
                        "endpoint = \"127.0.0.1:" + server.scPort() + "\"", "tls_policy = \"disabled\"");
        assertThat(Files.readString(server.writeProfile(file, "other"), StandardCharsets.UTF_8))
                .contains("current_profile = \"other\"", "[cluster.other]").doesNotContain("fluviokit]");
        assertThatThrownBy(() -> server.writeProfile(file, "bad name")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aProfileIsReplacedByARenameLeavingNothingBesideItAndALinkStaysALink(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("config"), "older", StandardCharsets.UTF_8);
        server.writeProfile(file);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith(WireServer.PROFILE_MARKER);

        Path link = Files.createSymbolicLink(dir.resolve("link"), file);
        server.writeProfile(link, "linked");
        assertThat(link).isSymbolicLink();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("current_profile = \"linked\"");
    }

    @Test
    void restartClosesEveryConnectionAndKeepsServing() {
        broker.createTopic("kept", 1);
        try (WireClient sc = WireClient.sc(server); WireClient spu = WireClient.spu(server, 5001)) {
            assertThat(server.openConnections()).isEqualTo(2);
            broker.restart();
            assertThat(sc.closedByServer()).isTrue();
            assertThat(spu.closedByServer()).isTrue();
        }
        try (WireClient sc = WireClient.sc(server)) {
            int id = sc.send(ApiKey.Sc.LIST, (short) 19, ListRequest.all(ObjectKind.TOPIC));
            ListResponse<TopicSpec, TopicStatus> topics = sc.read(id, (short) 19,
                    (in, v) -> ListResponse.decode(in, v, ObjectKind.TOPIC));
            assertThat(topics.objects()).extracting(Metadata::name).containsExactly("kept");
        }
    }

    @Test
    void closingTheServerClosesItsConnectionsButNotTheBroker() {
        WireClient sc = WireClient.sc(server);
        server.close();
        assertThat(sc.closedByServer()).isTrue();
        sc.close();
        assertThat(broker.createTopic("still-open", TopicConfig.partitions(1)).name()).isEqualTo("still-open");
        assertThat(broker.topic("still-open")).map(t -> t.partitions().size()).isEqualTo(Optional.of(1));
    }

    @Test
    void anUpdateRequestIsAnsweredWithAnError() {
        try (WireClient sc = WireClient.sc(server)) {
            int id = sc.send(ApiKey.Sc.UPDATE, (short) 19, (out, v) -> out.string("Topic").u32(0));
            org.fluviokit.protocol.sc.Status status = sc.read(id, (short) 19, org.fluviokit.protocol.sc.Status::decode);
            assertThat(status.errorCode().code()).isEqualTo(ErrorCode.OTHER);
        }
    }

    // Worked examples of spec wire-protocol.md (§1.2, §3.2, §6.3).
    static final String EXAMPLE_A = "00 00 00 2b 00 12 00 02 00 00 00 01 00 0a 46 4c 55 56 49 4f 5f 43 4c 49 00 06 30 2e 35 30 2e 31"
            + "00 05 6c 69 6e 75 78 00 06 78 38 36 5f 36 34";
    static final String EXAMPLE_B = "00 00 00 36 00 00 00 01 00 00 00 00 00 06 03 e9 00 09 00 13 03 ea 00 01 00 13 03 eb 00 0f 00 13"
            + "03 ec 00 0f 00 13 03 ed 00 0e 00 13 03 ee 00 01 00 13 00 06 30 2e 31 38 2e 31";
    static final String EXAMPLE_C = "00 00 00 2f 00 00 00 01 00 00 00 00 00 05 00 00 00 00 00 19 00 01 00 00 00 19 03 ea 00 19 00 19"
            + "03 eb 00 00 00 19 03 ed 00 00 00 00 00 05 30 2e 30 2e 30";
    static final String CONSUMER_OFFSET_TOPIC_SPEC =
            "01 00 00 00 01 00 00 00 01 00 01 00 00 09 3a 80 01 01 1e 84 80 00 01 00 00 00 00 7a 12 00 00 04 00 01";
    static final String CONSUMER_OFFSET_PARTITION_SPEC = "00 00 13 89 00 00 00 01 00 00 13 89 01 00 00 09 3a 80 01 01 1e 84 80 00 01"
            + "00 00 00 00 7a 12 00 00 04 00 01 00";
}
