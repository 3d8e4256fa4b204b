package org.fluviokit.fake.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;

import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.TopicInfo;
import org.fluviokit.protocol.ApiKey;
import org.fluviokit.protocol.ApiVersionsRequest;
import org.fluviokit.protocol.CodedError;
import org.fluviokit.protocol.Frames;
import org.fluviokit.protocol.RequestHeader;
import org.fluviokit.protocol.spu.ProduceRequest;
import org.fluviokit.protocol.spu.ProduceResponse;
import org.fluviokit.protocol.spu.StreamFetchRequest;
import org.fluviokit.protocol.spu.StreamFetchResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throws random and mutated frames at a live server (seeds: the spec's worked examples, in
 * {@code WireFuzzTestInputs/}). Each input is one connection: the first byte picks SC or SPU and
 * whether to do the ApiVersions exchange first, the rest is written as is. Whatever arrives, the
 * server must close that connection once the client has finished sending, never fail
 * unexpectedly (a bug rather than bad input), and keep serving everyone else: a canary stream opened
 * before the fuzzing keeps receiving, and afterwards a normal client — the official Python
 * client — still works and finds the data intact.
 *
 * <p>With {@code JAZZER_FUZZ=1} (set for surefire in the pom) this fuzzes for {@code maxDuration};
 * without it, it replays the seeds.
 */
class WireFuzzTest {

    /** Long and unguessable, so that mutations do not hit it: its data must stay intact. */
    private static final String CANARY = "canary-5b0e9d27c41f8a63";
    private static final Set<String> SEED_TOPICS = Set.of("hello", CANARY, FakeBroker.CONSUMER_OFFSET_TOPIC);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private static FakeBroker broker;
    private static WireServer server;
    private static WireClient canary;
    private static int canaryStream;
    private static int canaryRecords;
    private static long inputs;
    private static Level previousLevel;

    @BeforeAll
    static void start() {
        // A closed connection per bad input is expected here: keep the log to real failures.
        Logger log = Logger.getLogger("org.fluviokit.fake.wire");
        previousLevel = log.getLevel();
        log.setLevel(Level.SEVERE);
        broker = FakeBroker.builder().clock(Clock.systemUTC()).build();
        server = WireServer.builder(broker).maxPartitions(16).maxFrameSize(1024 * 1024).start();
        broker.createTopic("hello", 1);
        broker.createTopic(CANARY, 1);
        canary = WireClient.spu(server, FakeBroker.DEFAULT_SPU_ID);
        canaryStream = canary.send(ApiKey.Spu.STREAM_FETCH, (short) 25, StreamFetchRequest.of(CANARY, 0, 0));
        produceToCanary();
    }

    @FuzzTest(maxDuration = "20s")
    void framesNeverHurtTheServer(byte[] data) throws IOException {
        if (data.length == 0) {
            return;
        }
        SilentCloseable loopbackOnly = allowLoopbackConnections();
        try {
            send(data);
        } finally {
            loopbackOnly.close();
        }
        assertThat(server.unexpectedErrors()).as("failures that are bugs, not bad input (see the log)").isZero();
        if (++inputs % 500 == 0) {
            produceToCanary();
        }
    }

    private static void send(byte[] data) throws IOException {
        restoreSeedTopics();
        boolean spu = (data[0] & 1) != 0;
        boolean handshake = (data[0] & 2) != 0;
        try (Socket socket = new Socket(server.host(), spu ? server.spuPort(FakeBroker.DEFAULT_SPU_ID) : server.scPort())) {
            socket.setSoTimeout((int) CLOSE_TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            if (handshake) {
                out.write(Frames.request(new RequestHeader(ApiKey.API_VERSIONS, (short) 2, 1, "fuzz"),
                        new ApiVersionsRequest("0.50.1", "linux", "x86_64")));
            }
            try {
                out.write(data, 1, data.length - 1);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException closedEarly) {
                // the server already hung up on a bad frame: that is an answer too
            }
            byte[] sink = new byte[8192];
            try {
                while (in.read(sink) >= 0) {
                    // drain whatever the server answers until it closes the connection
                }
            } catch (SocketTimeoutException e) {
                fail("the server kept the connection open " + CLOSE_TIMEOUT + " after the client stopped sending");
            } catch (IOException reset) {
                // closed by the server
            }
        }
    }

    @TempDir
    static Path dir;

    @AfterAll
    static void serverStillServesNormalClients() throws IOException {
        SilentCloseable loopbackOnly = allowLoopbackConnections();
        try {
            produceToCanary();
            assertThat(broker.topic(CANARY).orElseThrow().partitions().get(0).highWatermark()).isEqualTo(canaryRecords);
            assertThat(server.unexpectedErrors()).isZero();
            Files.createDirectories(dir);
            PythonFluvioClient.Result smoke = PythonFluvioClient.run(server, dir, "fuzz", Duration.ofMinutes(1), "smoke");
            assertThat(smoke.exitCode()).as("the Python client after %d fuzz inputs:%n%s", inputs, smoke.text()).isZero();
        } finally {
            canary.close();
            server.close();
            broker.close();
            Logger.getLogger("org.fluviokit.fake.wire").setLevel(previousLevel);
            loopbackOnly.close();
        }
    }

    /**
     * Jazzer's server-side request forgery detector reports every connection; this test only talks
     * to its own server on loopback. The detector only exists once the fuzzing agent is loaded.
     */
    private static SilentCloseable allowLoopbackConnections() {
        try {
            return BugDetectors.allowNetworkConnections(
                    (host, port) -> "127.0.0.1".equals(host) || "localhost".equals(host));
        } catch (IllegalStateException noDetector) {
            return () -> { };
        }
    }

    /** Produces one record to the canary topic and checks the canary stream receives exactly it. */
    private static void produceToCanary() {
        String value = "canary-" + canaryRecords;
        int id = canary.send(ApiKey.Spu.PRODUCE, (short) 25, ProduceRequest.of(CANARY, 0, SpuApiTest.batch(value)));
        assertThat(canary.read(id, (short) 25, ProduceResponse::decode).responses().get(0).partitions())
                .singleElement().satisfies(p -> {
                    assertThat(p.errorCode()).isEqualTo(CodedError.NONE);
                    assertThat(p.baseOffset()).isEqualTo(canaryRecords);
                });
        StreamFetchResponse frame = canary.readStream(canaryStream, (short) 25);
        assertThat(SpuApiTest.values(frame.partition().records())).containsExactly(value);
        canaryRecords++;
    }

    /** Inputs may delete the seeds' topic or create others: keep the server's state small and the seeds useful. */
    private static void restoreSeedTopics() {
        if (broker.topic("hello").isEmpty()) {
            broker.createTopic("hello", 1);
        }
        if (inputs % 100 == 0) {
            List<TopicInfo> topics = broker.listTopics();
            for (TopicInfo topic : topics) {
                if (!SEED_TOPICS.contains(topic.name())) {
                    try {
                        broker.deleteTopic(topic.name(), true);
                    } catch (RuntimeException gone) {
                        // deleted meanwhile
                    }
                }
            }
        }
    }
}
