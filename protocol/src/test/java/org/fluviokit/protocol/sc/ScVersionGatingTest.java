package org.fluviokit.protocol.sc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

import org.fluviokit.protocol.Hex;
import org.fluviokit.protocol.ProtocolException;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;
import org.junit.jupiter.api.Test;

/** Version gates of the SC objects and envelope (spec §1.5, §3.4, §3.5). */
class ScVersionGatingTest {

    @FunctionalInterface
    private interface VersionedEncoder {
        void encode(WireWriter out, short version);
    }

    private static String encode(VersionedEncoder encoder, int version) {
        WireWriter out = new WireWriter();
        encoder.encode(out, (short) version);
        return Hex.hex(out.toByteArray());
    }

    private static final TopicSpec FULL_TOPIC = TopicSpec.computed(1, 1)
            .withCleanupPolicy(CleanupPolicy.segment(1))
            .withStorage(new TopicStorageConfig(OptionalLong.of(2), OptionalLong.empty()))
            .withCompressionType(CompressionAlgorithm.GZIP)
            .withDeduplication(new Deduplication(new Deduplication.Bounds(3, Optional.of(Duration.ofSeconds(4))),
                    new Deduplication.Filter(new Deduplication.Transform("dedup", new TreeMap<>(Map.of("k", "v"))))))
            .withSystem(true);

    @Test
    void topicSpecFieldsAppearAtTheirVersions() {
        String replicas = "01 00 00 00 01 00 00 00 01 00";
        String cleanup = "01 00 00 00 00 01";
        String storage = "01 01 00 00 00 02 00";
        String compression = "01";
        String dedup = "01 00 00 00 00 00 00 00 03 01 00 00 00 00 00 00 00 04 00 00 00 00"
                + " 00 05 64 65 64 75 70 00 01 00 01 6b 00 01 76";
        String system = "01";
        assertThat(encode(FULL_TOPIC::encode, 2)).isEqualTo(Hex.normalize(replicas));
        assertThat(encode(FULL_TOPIC::encode, 3)).isEqualTo(Hex.normalize(replicas + cleanup));
        assertThat(encode(FULL_TOPIC::encode, 5)).isEqualTo(Hex.normalize(replicas + cleanup + storage));
        assertThat(encode(FULL_TOPIC::encode, 6)).isEqualTo(Hex.normalize(replicas + cleanup + storage + compression));
        assertThat(encode(FULL_TOPIC::encode, 12))
                .isEqualTo(Hex.normalize(replicas + cleanup + storage + compression + dedup));
        String v13 = replicas + cleanup + storage + compression + dedup + system;
        assertThat(encode(FULL_TOPIC::encode, 13)).isEqualTo(Hex.normalize(v13));
        assertThat(TopicSpec.decode(new WireReader(Hex.bytes(v13)), (short) 13)).isEqualTo(FULL_TOPIC);
    }

    @Test
    void absentTopicFieldsDecodeToTheirDefaults() {
        TopicSpec decoded = TopicSpec.decode(new WireReader(Hex.bytes("01 00 00 00 01 00 00 00 01 00")), (short) 2);
        assertThat(decoded).isEqualTo(TopicSpec.computed(1, 1));
        assertThat(decoded.compressionType()).isEqualTo(CompressionAlgorithm.ANY);
    }

    @Test
    void assignedAndMirrorReplicaSpecsRoundTripWithTheirGates() {
        PartitionMirrorConfig home = new PartitionMirrorConfig.Home("remote", "t-0", true);
        PartitionMirrorConfig remote = new PartitionMirrorConfig.Remote("home", "spu-key", 5001, "h:9010", true);
        TopicSpec assigned = TopicSpec.of(new ReplicaSpec.Assigned(List.of(
                new ReplicaSpec.PartitionMap(0, List.of(5001, 5002), Optional.of(home)),
                new ReplicaSpec.PartitionMap(1, List.of(5002), Optional.of(remote)))));
        assertThat(assigned.partitionCount()).isEqualTo(2);
        assertRoundTrip(assigned, 19);
        // v13: no PartitionMap.mirror on the wire.
        assertThat(encode(assigned::encode, 13)).isEqualTo(Hex.normalize("""
                00 00 00 00 02 00 00 00 00 00 00 00 02 00 00 13 89 00 00 13 8a 00 00 00 01 00 00 00 01 00 00 13 8a
                00 00 04 00 00"""));
        // v14..17: mirror present but without its v18 booleans.
        TopicSpec decoded17 = roundTrip(assigned, 17);
        assertThat(((ReplicaSpec.Assigned) decoded17.replicas()).maps().get(0).mirror())
                .contains(new PartitionMirrorConfig.Home("remote", "t-0", false));

        TopicSpec mirrorHome = TopicSpec.of(new ReplicaSpec.Mirror(new MirrorConfig.Home(
                List.of(new PartitionMirrorConfig.Home("r1", "t-0", false),
                        new PartitionMirrorConfig.Home("r2", "t-0", false)), true)));
        assertThat(mirrorHome.partitionCount()).isEqualTo(2);
        assertRoundTrip(mirrorHome, 19);
        TopicSpec mirrorRemote = TopicSpec.of(new ReplicaSpec.Mirror(new MirrorConfig.Remote("home",
                List.of(new MirrorConfig.SpuMirrorConfig(1, "k", "e")), true)));
        assertThat(mirrorRemote.partitionCount()).isEqualTo(1);
        assertRoundTrip(mirrorRemote, 19);
    }

    private static void assertRoundTrip(TopicSpec spec, int version) {
        assertThat(roundTrip(spec, version)).isEqualTo(spec);
    }

    private static TopicSpec roundTrip(TopicSpec spec, int version) {
        WireWriter out = new WireWriter();
        spec.encode(out, (short) version);
        WireReader in = new WireReader(out.toByteArray());
        TopicSpec decoded = TopicSpec.decode(in, (short) version);
        assertThat(in.hasRemaining()).isFalse();
        return decoded;
    }

    @Test
    void topicStatusMirrorMapAppearsAtVersion14() {
        SortedMap<Integer, PartitionMirrorConfig> mirrors = new TreeMap<>();
        mirrors.put(0, new PartitionMirrorConfig.Home("r", "t-0", false));
        TopicStatus status = new TopicStatus(TopicStatus.Resolution.PROVISIONED,
                TopicStatus.provisioned(1, 7).replicaMap(), mirrors, "ok");
        String base = "04 00 01 00 00 00 00 00 00 00 01 00 00 00 07";
        assertThat(encode(status::encode, 13)).isEqualTo(Hex.normalize(base + " 00 02 6f 6b"));
        WireWriter out = new WireWriter();
        status.encode(out, (short) 19);
        assertThat(TopicStatus.decode(new WireReader(out.toByteArray()), (short) 19)).isEqualTo(status);
        assertThat(TopicStatus.decode(new WireReader(Hex.bytes(base + " 00 02 6f 6b")), (short) 13).mirrorMap())
                .isEmpty();
    }

    @Test
    void replicaMapKeysAreOrderedAsUnsignedPartitionIds() {
        SortedMap<Integer, List<Integer>> map = new TreeMap<>();
        map.put(-1, List.of(1)); // partition 4294967295
        map.put(1, List.of(1));
        TopicStatus status = TopicStatus.provisioned(map);
        assertThat(status.replicaMap().firstKey()).isEqualTo(1);
    }

    @Test
    void partitionStatusSizeAndBaseOffsetAppearAtVersions5And16() {
        PartitionStatus status = PartitionStatus.online(1, 2, 3, 4);
        String head = "01 00 00 00 01 00 00 00 00 00 00 00 02 00 00 00 00 00 00 00 02 00 00 00 00 00 00 00 00";
        assertThat(encode(status::encode, 4)).isEqualTo(Hex.normalize(head + " 00"));
        assertThat(encode(status::encode, 5)).isEqualTo(Hex.normalize(head + " 00 00 00 00 00 00 00 03 00"));
        assertThat(encode(status::encode, 16))
                .isEqualTo(Hex.normalize(head + " 00 00 00 00 00 00 00 03 00 00 00 00 00 00 00 00 04"));
        PartitionStatus old = PartitionStatus.decode(new WireReader(Hex.bytes(head + " 00")), (short) 4);
        assertThat(old.size()).isEqualTo(PartitionStatus.SIZE_NOT_SUPPORTED);
        assertThat(old.baseOffset()).isZero();
    }

    @Test
    void partitionSpecFieldsAppearAtTheirVersions() {
        PartitionSpec spec = PartitionSpec.forTopic(FULL_TOPIC, 1, List.of(1));
        assertThat(encode(spec::encode, 3)).isEqualTo(Hex.normalize("00 00 00 01 00 00 00 01 00 00 00 01"));
        for (int version : new int[] {3, 4, 6, 12, 13, 14, 19}) {
            WireWriter out = new WireWriter();
            spec.encode(out, (short) version);
            WireReader in = new WireReader(out.toByteArray());
            PartitionSpec decoded = PartitionSpec.decode(in, (short) version);
            assertThat(in.hasRemaining()).isFalse();
            assertThat(decoded.system()).isEqualTo(version >= 13);
            assertThat(decoded.cleanupPolicy().isPresent()).isEqualTo(version >= 4);
        }
    }

    @Test
    void spuPublicEndpointLocalAppearsAtVersion1() {
        SpuSpec spec = new SpuSpec(1, SpuSpec.SpuType.MANAGED, new SpuSpec.IngressPort(9010,
                List.of(new SpuSpec.IngressAddr(Optional.empty(), Optional.of("127.0.0.1"))), SpuSpec.Encryption.SSL),
                new SpuSpec.Endpoint(9011, "h", SpuSpec.Encryption.PLAINTEXT), Optional.of("rack"),
                Optional.of(new SpuSpec.Endpoint(9012, "l", SpuSpec.Encryption.PLAINTEXT)));
        String v0 = encode(spec::encode, 0);
        String v1 = encode(spec::encode, 1);
        assertThat(v1).isEqualTo(v0 + " " + Hex.normalize("01 23 34 00 01 6c 00"));
        WireWriter out = new WireWriter();
        spec.encode(out, (short) 1);
        assertThat(SpuSpec.decode(new WireReader(out.toByteArray()), (short) 1)).isEqualTo(spec);
        assertThat(SpuSpec.decode(new WireReader(Hex.bytes(v0)), (short) 0).publicEndpointLocal()).isEmpty();
    }

    @Test
    void createRequestTimeoutAppearsAtVersion7() {
        CreateRequest<TopicSpec> request = new CreateRequest<>(ObjectKind.TOPIC,
                new CreateRequest.CommonCreateRequest("t", true, OptionalLong.of(5000)), TopicSpec.computed(1, 1));
        WireWriter out = new WireWriter();
        request.encode(out, (short) 19);
        assertThat(Hex.hex(out.toByteArray())).isEqualTo(Hex.normalize("""
                00 05 54 6f 70 69 63 00 00 00 18 00 01 74 01 01 00 00 13 88
                01 00 00 00 01 00 00 00 01 00 00 00 04 00 00"""));
        assertThat(CreateRequest.decode(new WireReader(out.toByteArray()), (short) 19, ObjectKind.TOPIC))
                .isEqualTo(request);
    }

    @Test
    void classicEnvelopeVersionsAreRejected() {
        // §3.4.1: before v11 there is no payload length (and Create has another layout).
        assertThatThrownBy(() -> WatchRequest.decode(new WireReader(Hex.bytes("00 05 54 6f 70 69 63")), (short) 10))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("classic envelope");
        assertThatThrownBy(() -> DeleteRequest.topic("t").encode(new WireWriter(), (short) 10))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void envelopeLabelMustMatchTheExpectedKind() {
        WireWriter out = new WireWriter();
        new WatchResponse<>(ObjectKind.SPU, MetadataUpdate.<SpuSpec, SpuStatus>withAll(1, List.of()))
                .encode(out, (short) 19);
        assertThatThrownBy(() -> WatchResponse.decode(new WireReader(out.toByteArray()), (short) 19, ObjectKind.TOPIC))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("expected a \"Topic\" object")
                .hasMessageContaining("\"SPU\"");
    }

    @Test
    void unknownLabelsCanStillBeRead() {
        // A fake SC answers kinds it does not know with a Status error (§6.4).
        WireWriter out = new WireWriter();
        new ObjectApiEnvelope("SmartModule", new byte[] {1, 2}).encode(out, (short) 19);
        ObjectApiEnvelope envelope = ObjectApiEnvelope.decode(new WireReader(out.toByteArray()), (short) 19);
        assertThat(envelope.label()).isEqualTo("SmartModule");
        assertThat(envelope.payload()).containsExactly(1, 2);
        assertThat(ObjectKind.forLabel("SmartModule")).isEmpty();
        assertThat(ObjectKind.forLabel("Partition")).contains(ObjectKind.PARTITION);
    }

    @Test
    void customSpuDeleteKeysAreRefusedClearly() {
        WireWriter out = new WireWriter();
        new ObjectApiEnvelope("CustomSpu", Hex.bytes("00 02 49 64 00 00 00 01 00")).encode(out, (short) 19);
        assertThatThrownBy(() -> DeleteRequest.decode(new WireReader(out.toByteArray()), (short) 19))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("CustomSpu");
    }

    @Test
    void deleteForceAppearsAtVersion13() {
        assertThat(encode(new DeleteRequest("Topic", "t", true)::encode, 12))
                .isEqualTo(Hex.normalize("00 05 54 6f 70 69 63 00 00 00 03 00 01 74"));
        assertThat(encode(new DeleteRequest("Topic", "t", true)::encode, 13))
                .isEqualTo(Hex.normalize("00 05 54 6f 70 69 63 00 00 00 04 00 01 74 01"));
    }

    @Test
    void listRequestSummaryAndSystemAppearAtVersions10And13() {
        ListRequest request = new ListRequest("Topic", List.of("he"), true, true);
        String head = "00 05 54 6f 70 69 63";
        String filters = "00 00 00 01 00 02 68 65";
        assertThat(encode(request::encode, 12)).isEqualTo(Hex.normalize(head + " 00 00 00 09 " + filters + " 01"));
        assertThat(encode(request::encode, 13)).isEqualTo(Hex.normalize(head + " 00 00 00 0a " + filters + " 01 01"));
        WireWriter out = new WireWriter();
        request.encode(out, (short) 19);
        assertThat(ListRequest.decode(new WireReader(out.toByteArray()), (short) 19)).isEqualTo(request);
    }

    @Test
    void enumConstantsAreDeclaredInWireTagOrder() {
        assertThat(CompressionAlgorithm.ANY.ordinal()).isEqualTo(4);
        assertThat(CompressionAlgorithm.ZSTD.ordinal()).isEqualTo(5);
        assertThat(TopicStatus.Resolution.PROVISIONED.ordinal()).isEqualTo(4);
        assertThat(TopicStatus.Resolution.DELETING.ordinal()).isEqualTo(5);
        assertThat(PartitionStatus.Resolution.ONLINE.ordinal()).isEqualTo(1);
        assertThat(PartitionStatus.Resolution.OUT_OF_STORAGE.ordinal()).isEqualTo(4);
        assertThat(SpuStatus.Resolution.INIT.ordinal()).isEqualTo(2);
        assertThat(SpuSpec.SpuType.CUSTOM.ordinal()).isEqualTo(1);
        assertThat(SpuSpec.Encryption.SSL.ordinal()).isEqualTo(1);
        assertThat(MetadataUpdate.MsgType.DELETE.ordinal()).isEqualTo(1);
    }

    @Test
    void unknownEnumTagsInObjectsAreRejected() {
        assertThatThrownBy(() -> TopicSpec.decode(new WireReader(Hex.bytes("03")), (short) 19))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("unknown replicas tag 3 at byte 0");
        assertThatThrownBy(() -> SpuStatus.decode(new WireReader(Hex.bytes("03")), (short) 19))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> CompressionAlgorithm.decode(new WireReader(Hex.bytes("06"))))
                .isInstanceOf(ProtocolException.class);
    }
}
