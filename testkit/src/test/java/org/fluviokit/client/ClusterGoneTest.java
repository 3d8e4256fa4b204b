package org.fluviokit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.wire.WireServer;
import org.fluviokit.protocol.ApiKey;
import org.fluviokit.protocol.ApiVersionsResponse;
import org.fluviokit.protocol.ErrorCode;
import org.fluviokit.protocol.FrameReader;
import org.fluviokit.protocol.Frames;
import org.fluviokit.protocol.WireReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A cluster that goes away, or stops answering, under a client that reaches it over the wire: every
 * call ends in a {@link FluvioException} that says what happened, within the configured timeouts,
 * and streams give up after their reconnect attempts (M3).
 */
class ClusterGoneTest {

    private static final Duration SHORT = Duration.ofMillis(500);
    private static final ClusterSettings IMPATIENT = ClusterSettings.defaults().withConnectTimeout(SHORT)
            .withRequestTimeout(Duration.ofSeconds(1)).withMetadataTimeout(Duration.ofSeconds(1));

    private FakeBroker broker;
    private WireServer server;

    @BeforeEach
    void start() {
        broker = FakeBroker.builder().clock(Clock.systemUTC()).build();
        server = WireServer.start(broker);
    }

    @AfterEach
    void stop() {
        server.close();
        broker.close();
    }

    @Test
    void callsOnAClusterThatWentAwayFailAndNameIt() {
        try (Fluvio fluvio = Fluvio.connect(FluvioTarget.cluster(server.scEndpoint(), IMPATIENT))) {
            fluvio.admin().createTopic("t", 1);
            fluvio.topicProducer("t").send(null, "before").join();
            server.close();

            // Fluvio's client words as its socket does, naming the SC it could not reach again. The first call
            // can go out before the client has read the connection's end: then it was waiting when the end came.
            String refused = "Socket io " + refusedText() + ", can't connect to " + server.scEndpoint();
            assertThatThrownBy(() -> fluvio.admin().listTopics()).isInstanceOf(FluvioException.class)
                    .extracting(Throwable::getMessage).isIn(refused, "Socket io connection is closed");
            assertThatThrownBy(() -> fluvio.admin().listTopics()).isInstanceOf(FluvioException.class)
                    .hasMessage(refused);
            assertThatThrownBy(fluvio::consumerOffsets).isInstanceOf(FluvioException.class).hasMessage(refused);
            assertThatThrownBy(() -> fluvio.topicProducer("t")).isInstanceOf(FluvioException.class)
                    .hasMessage(refused);
        }
        assertThat(broker.topic("t").orElseThrow().partitions().get(0).highWatermark()).isEqualTo(1);
    }

    @Test
    void aStreamWhoseClusterWentAwayGivesUpAfterItsReconnectAttempts() { // M3
        try (Fluvio fluvio = Fluvio.connect(FluvioTarget.cluster(server.scEndpoint(), IMPATIENT))) {
            fluvio.admin().createTopic("t", 1);
            fluvio.topicProducer("t").send(null, "r0").join();
            ConsumerStream stream = fluvio.consumerWithConfig(ConsumerConfig.builder().topic("t")
                    .offsetStart(Offset.beginning()).maxReconnectAttempts(2).build());
            assertThat(stream.next(Duration.ofSeconds(5))).map(ConsumerRecord::valueAsString).contains("r0");
            server.close();

            assertThatThrownBy(() -> stream.next(Duration.ofSeconds(30))).isInstanceOfSatisfying(FluvioException.class,
                    e -> {
                        assertThat(e.errorCode()).isEqualTo(ErrorCode.MAX_RETRY_REACHED);
                        assertThat(e).hasMessage("max retry attempts reached");
                    });
            stream.close();
        }
    }

    @Test
    void nobodyListeningIsAConnectError() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        String endpoint = "127.0.0.1:" + port;
        assertThatThrownBy(() -> Fluvio.connect(FluvioTarget.cluster(endpoint, IMPATIENT)))
                .isInstanceOf(FluvioException.class)
                .hasMessage("Socket io " + refusedText() + ", can't connect to " + endpoint);
    }

    /** Rust's text for ECONNREFUSED, as Fluvio's client prints it: the errno differs between Linux and macOS. */
    private static String refusedText() {
        boolean mac = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("mac");
        return "Connection refused (os error " + (mac ? 61 : 111) + ")";
    }

    @Test
    void anScThatStopsAnsweringTimesOutMetadataAndRequests() throws IOException {
        try (SilentSc silent = new SilentSc(List.of(ApiVersionsResponse.ApiVersionKey.of(ApiKey.Sc.WATCH, 15, 19),
                ApiVersionsResponse.ApiVersionKey.of(ApiKey.Sc.LIST, 15, 19)));
             Fluvio fluvio = Fluvio.connect(FluvioTarget.cluster("127.0.0.1:" + silent.port(), IMPATIENT))) {
            // as Fluvio's client, connecting only starts the metadata watches; a lookup waits for them
            assertThatThrownBy(() -> fluvio.topicProducer("t")).isInstanceOf(FluvioException.class)
                    .hasMessageContaining("timed out searching metadata");
            assertThatThrownBy(() -> fluvio.admin().listTopics()).isInstanceOf(FluvioException.class)
                    .hasMessageMatching("Socket io Timed out: 1 secs waiting for response\\. API_KEY=" + ApiKey.Sc.LIST
                            + ", CorrelationId=\\d+");
        }
    }

    @Test
    void anScWithoutTheWatchApiIsAnIncompatibleCluster() throws IOException {
        try (SilentSc old = new SilentSc(List.of())) {
            assertThatThrownBy(() -> Fluvio.connect(FluvioTarget.cluster("127.0.0.1:" + old.port(), IMPATIENT)))
                    .isInstanceOf(FluvioException.class).hasMessage("Fluvio Client " + WireSocket.CLIENT_VERSION
                            + " and Cluster 0.18.1 versions are not compatible. Please use a client compatible with 0.18.1");
        }
    }

    /** Answers ApiVersions as an SC with {@code apiKeys} does, then reads requests and never answers them. */
    private static final class SilentSc implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        private final List<Socket> accepted = new ArrayList<>();
        private final List<ApiVersionsResponse.ApiVersionKey> apiKeys;
        private final Thread thread = new Thread(this::serve, "silent-sc");

        SilentSc(List<ApiVersionsResponse.ApiVersionKey> apiKeys) throws IOException {
            this.apiKeys = apiKeys;
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        private void serve() {
            try {
                Socket socket = listener.accept();
                synchronized (accepted) {
                    accepted.add(socket);
                }
                FrameReader frames = new FrameReader(socket.getInputStream());
                Optional<byte[]> apiVersions = frames.readFrame();
                if (apiVersions.isEmpty()) {
                    return;
                }
                WireReader header = new WireReader(apiVersions.get());
                header.i16("api_key");
                short version = header.i16("api_version");
                int correlationId = header.i32("correlation_id");
                socket.getOutputStream().write(Frames.response(correlationId, version,
                        ApiVersionsResponse.of(apiKeys, WireServer.PLATFORM_VERSION)));
                while (frames.readFrame().isPresent()) {
                    // heard, never answered
                }
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
            synchronized (accepted) {
                for (Socket socket : accepted) {
                    socket.close();
                }
            }
        }
    }
}
