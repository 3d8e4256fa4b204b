package org.fluviokit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletionException;

import org.fluviokit.fake.BrokerApi;
import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.wire.WireServer;
import org.fluviokit.testkit.FakeTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A connection that dies while a request waits for its answer, and requests after that, fail with the
 * texts of Fluvio's client (its socket's {@code Socket io connection is closed}, its producer's lost record
 * metadata), on the in-process fake and over the wire alike: the same strings Fluvio's own client (Python 0.21.0)
 * gives for the same dropped connections in the fake-broker module's {@code PythonClientTest}; nothing of the dropped
 * request is kept, and the next call connects again.
 */
class DeadConnectionTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    /** How the client reaches the fake: the faults are the broker's, so both ways see the same ones. */
    enum Reach {
        IN_PROCESS, WIRE
    }

    private final FakeBroker broker = FakeBroker.builder().build();
    private WireServer server;
    private Fluvio client;

    private Fluvio connect(Reach reach) {
        client = reach == Reach.IN_PROCESS ? FakeTarget.connect(broker)
                : Fluvio.connect(FluvioTarget.cluster((server = WireServer.start(broker)).scEndpoint()));
        client.admin().createTopic("t", 1);
        return client;
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        broker.close();
    }

    @ParameterizedTest
    @EnumSource(Reach.class)
    void aProduceWhoseConnectionDiesLosesItsRecordMetadata(Reach reach) {
        Fluvio fluvio = connect(reach);
        TopicProducer producer = fluvio.topicProducer("t");
        broker.faults().dropConnectionOnNext(BrokerApi.PRODUCE);

        assertThatThrownBy(() -> producer.send(null, "lost").join()).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(FluvioException.class)
                .hasMessage("Producer error: failed to get record metadata");
        assertThat(broker.topic("t").orElseThrow().partitions().get(0).highWatermark()).isZero();

        assertThat(producer.send(null, "kept").join().offset()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Reach.class)
    void anAdminCallWhoseConnectionDiesSaysTheConnectionClosed(Reach reach) {
        Fluvio fluvio = connect(reach);
        broker.faults().dropConnectionOnNext(BrokerApi.LIST_TOPICS);

        assertThatThrownBy(() -> fluvio.admin().listTopics()).isInstanceOf(FluvioException.class)
                .hasMessage("Socket io connection is closed");
        assertThat(fluvio.admin().listTopics()).extracting(TopicMetadata::name).contains("t");
    }

    @ParameterizedTest
    @EnumSource(Reach.class)
    void consumerOffsetCallsWhoseConnectionDiesSayTheConnectionClosed(Reach reach) {
        Fluvio fluvio = connect(reach);
        broker.faults().dropConnectionOnNext(BrokerApi.FETCH_CONSUMER_OFFSETS);
        assertThatThrownBy(fluvio::consumerOffsets).isInstanceOf(FluvioException.class)
                .hasMessage("Socket io connection is closed");

        broker.faults().dropConnectionOnNext(BrokerApi.DELETE_CONSUMER_OFFSET);
        assertThatThrownBy(() -> fluvio.deleteConsumerOffset("c", "t", 0)).isInstanceOf(FluvioException.class)
                .hasMessage("Socket io connection is closed");

        assertThat(fluvio.consumerOffsets()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Reach.class)
    void aFlushWhoseConnectionDiesSaysSoAndEndsTheStreamsFlushes(Reach reach) { // C10
        Fluvio fluvio = connect(reach);
        fluvio.topicProducer("t").send(null, "r0").join();
        try (ConsumerStream stream = fluvio.consumerWithConfig(ConsumerConfig.builder().topic("t")
                .offsetStart(Offset.beginning()).offsetConsumer("c").offsetStrategy(OffsetManagementStrategy.MANUAL)
                .build())) {
            assertThat(stream.next(WAIT)).isPresent();
            stream.offsetCommit();
            broker.faults().dropConnectionOnNext(BrokerApi.UPDATE_CONSUMER_OFFSET);

            assertThatThrownBy(stream::offsetFlush).isInstanceOf(FluvioException.class)
                    .hasMessage("offset flush error: Socket io connection is closed");
            assertThatThrownBy(stream::offsetFlush).isInstanceOf(FluvioException.class)
                    .hasMessage("Other error: sending into a closed channel");
        }
        assertThat(fluvio.consumerOffsets()).isEmpty();
    }
}
