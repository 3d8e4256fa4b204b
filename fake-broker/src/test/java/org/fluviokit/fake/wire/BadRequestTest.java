package org.fluviokit.fake.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.fluviokit.fake.FakeBroker;
import org.fluviokit.protocol.ApiKey;
import org.fluviokit.protocol.CodedError;
import org.fluviokit.protocol.WireWriter;
import org.fluviokit.protocol.sc.ListRequest;
import org.fluviokit.protocol.sc.ListResponse;
import org.fluviokit.protocol.sc.Metadata;
import org.fluviokit.protocol.sc.ObjectKind;
import org.fluviokit.protocol.spu.ProduceRequest;
import org.fluviokit.protocol.spu.ProduceResponse;
import org.fluviokit.protocol.spu.StreamFetchRequest;
import org.fluviokit.protocol.spu.StreamFetchResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A malformed, unknown or oversized request closes the connection it came on, as Fluvio's servers
 * do (spec §6.1), and nothing else: other connections, their open streams and the stored data are
 * untouched.
 */
class BadRequestTest {

    private static final int MAX_FRAME = 64 * 1024;

    private FakeBroker broker;
    private WireServer server;

    @BeforeEach
    void start() {
        broker = FakeBroker.create();
        server = WireServer.builder(broker).maxFrameSize(MAX_FRAME).start();
        broker.createTopic("intact", 1);
    }

    @AfterEach
    void stop() {
        server.close();
        broker.close();
    }

    static List<Arguments> badFrames() {
        return List.of(
                Arguments.of("SPU", "a truncated header", frame(new WireWriter().u16(0).i16(25))),
                Arguments.of("SPU", "an unknown api key", frame(header(4242, 0))),
                Arguments.of("SPU", "Fetch (1), which no client uses", frame(header(ApiKey.Spu.FETCH, 25))),
                Arguments.of("SPU", "a produce whose record set overruns the frame",
                        frame(header(ApiKey.Spu.PRODUCE, 25).u8(0).i16(1).i32(1500).i32(1).string("intact")
                                .i32(1).u32(0).i32(1_000_000))),
                Arguments.of("SPU", "an invalid bool", frame(header(ApiKey.Spu.STREAM_FETCH, 25).string("intact")
                        .u32(0).i64(0).i32(1000).u8(0).i32(0).u8(7))),
                Arguments.of("SPU", "an oversized frame", new WireWriter().i32(MAX_FRAME + 1).toByteArray()),
                Arguments.of("SPU", "a negative frame length", new WireWriter().i32(-5).toByteArray()),
                Arguments.of("SC", "an unknown api key", frame(header(0, 0))),
                Arguments.of("SC", "the classic (< v11) envelope", frame(header(ApiKey.Sc.LIST, 10).string("Topic"))),
                Arguments.of("SC", "an envelope longer than its frame",
                        frame(header(ApiKey.Sc.CREATE, 19).string("Topic").u32(1000))),
                Arguments.of("SC", "an oversized frame", new WireWriter().i32(Integer.MAX_VALUE).toByteArray()));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badFrames")
    void aBadRequestClosesOnlyItsOwnConnection(String role, String what, byte[] bytes) {
        try (WireClient bystander = WireClient.spu(server, 5001); WireClient sc = WireClient.sc(server)) {
            int stream = bystander.send(ApiKey.Spu.STREAM_FETCH, (short) 25, StreamFetchRequest.of("intact", 0, 0));
            produce(bystander, "before");
            assertThat(SpuApiTest.values(bystander.readStream(stream, (short) 25)
                    .partition().records())).containsExactly("before");

            try (WireClient offender = "SC".equals(role) ? WireClient.sc(server) : WireClient.spu(server, 5001)) {
                offender.write(bytes);
                assertThat(offender.closedByServer()).as("%s closes its connection", what).isTrue();
            }

            // the bystander's stream and requests go on, the stored data is intact
            produce(bystander, "after");
            assertThat(SpuApiTest.values(bystander.readStream(stream, (short) 25)
                    .partition().records())).containsExactly("after");
            int list = sc.send(ApiKey.Sc.LIST, (short) 19, ListRequest.all(ObjectKind.TOPIC));
            assertThat(sc.read(list, (short) 19, (in, v) -> ListResponse.decode(in, v, ObjectKind.TOPIC)).objects())
                    .extracting(Metadata::name).containsExactly("intact");
            assertThat(bystander.silentFor(Duration.ofMillis(20))).isTrue();
        }
        assertThat(broker.topic("intact").orElseThrow().partitions().get(0).highWatermark()).isEqualTo(2);
        assertThat(server.unexpectedErrors()).isZero();
    }

    private static void produce(WireClient client, String value) {
        int id = client.send(ApiKey.Spu.PRODUCE, (short) 25, ProduceRequest.of("intact", 0, SpuApiTest.batch(value)));
        assertThat(client.read(id, (short) 25, ProduceResponse::decode).responses().get(0).partitions())
                .singleElement().extracting(p -> p.errorCode()).isEqualTo(CodedError.NONE);
    }

    private static WireWriter header(int apiKey, int version) {
        return new WireWriter().u16(apiKey).i16(version).i32(7).string("offender");
    }

    private static byte[] frame(WireWriter message) {
        return message.toFrame();
    }
}
