package org.fluviokit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.fluviokit.junit.FluvioCluster;
import org.fluviokit.junit.FluvioTest;
import org.fluviokit.junit.Topic;
import org.fluviokit.protocol.ErrorCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Restarting the cluster (K4): what the broker acknowledged survives, what the client never flushed
 * does not, and open streams reconnect (M1).
 */
@FluvioTest
@Topic("t")
class RestartSurvivalTest {

    private static final Duration WAIT = Duration.ofSeconds(2);

    private Fluvio fluvio;

    @BeforeEach
    void produce(Fluvio fluvio) {
        this.fluvio = fluvio;
        for (int i = 0; i < 10; i++) {
            fluvio.topicProducer("t").send(null, "r" + i).join();
        }
    }

    private ConsumerStream open(String consumer, OffsetManagementStrategy strategy) {
        return fluvio.consumerWithConfig(ConsumerConfig.builder().topic("t").offsetStart(Offset.beginning())
                .offsetConsumer(consumer).offsetStrategy(strategy).offsetFlush(Duration.ofSeconds(1000)).build());
    }

    private Long stored(String consumer) {
        return fluvio.consumerOffsets().stream().filter(o -> o.consumerId().equals(consumer))
                .map(ConsumerOffset::offset).findFirst().orElse(null);
    }

    @Test
    void recordsAndFlushedOffsetsSurvive(FluvioCluster cluster) {
        try (ConsumerStream stream = open("flushed", OffsetManagementStrategy.MANUAL)) {
            stream.next(4, WAIT);
            stream.offsetCommit();
            stream.offsetFlush();
        }
        cluster.restart();
        assertThat(stored("flushed")).isEqualTo(3);
        try (ConsumerStream stream = open("flushed", OffsetManagementStrategy.MANUAL)) {
            assertThat(stream.next(WAIT)).map(ConsumerRecord::valueAsString).contains("r4");
        }
    }

    @Test
    void committedButUnflushedManualOffsetsAreLost(FluvioCluster cluster) {
        ConsumerStream stream = open("unflushed", OffsetManagementStrategy.MANUAL);
        stream.next(4, WAIT);
        stream.offsetCommit();
        cluster.restart();
        // Fluvio's words for a request on a connection its socket saw end (REAL-CLUSTER.md: checked with
        // the Python client on a real cluster), on every target.
        assertThatThrownBy(stream::offsetFlush).isInstanceOfSatisfying(FluvioException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.OFFSET_FLUSH_REQUEST_ERROR))
                .hasMessage("offset flush error: Socket is stale");
        stream.close();
        assertThat(stored("unflushed")).isNull();
    }

    @Test
    void uncommittedManualOffsetsAreLost(FluvioCluster cluster) {
        try (ConsumerStream stream = open("uncommitted", OffsetManagementStrategy.MANUAL)) {
            stream.next(4, WAIT);
            stream.offsetFlush();
            cluster.restart();
        }
        assertThat(stored("uncommitted")).isNull();
    }

    @Test
    void autoOffsetsNotYetFlushedAreLost(FluvioCluster cluster) {
        ConsumerStream stream = open("auto", OffsetManagementStrategy.AUTO);
        stream.next(WAIT);
        // An explicit flush, not C4's first-record rule, which real time decides differently under load.
        stream.offsetFlush();
        stream.next(5, WAIT); // r1..r5 wait for a 1000 s period
        assertThat(stored("auto")).isZero();
        cluster.restart();
        stream.close(); // the drop flush goes to a connection that is gone
        assertThat(stored("auto")).isZero();
        try (ConsumerStream resumed = open("auto", OffsetManagementStrategy.AUTO)) {
            assertThat(resumed.next(WAIT)).map(ConsumerRecord::valueAsString).contains("r1");
        }
    }

    @Test
    void anOpenStreamReconnectsAfterTheLastDeliveredRecord(FluvioCluster cluster) { // M1
        try (ConsumerStream stream = fluvio.consumerWithConfig(ConsumerConfig.builder().topic("t")
                .offsetStart(Offset.beginning()).build())) {
            assertThat(stream.next(3, WAIT)).extracting(ConsumerRecord::offset).containsExactly(0L, 1L, 2L);
            cluster.restart();
            assertThat(stream.next(WAIT)).map(ConsumerRecord::offset).contains(3L);
            fluvio.topicProducer("t").send(null, "after restart").join();
            assertThat(stream.next(7, WAIT)).extracting(ConsumerRecord::valueAsString)
                    .endsWith("after restart").hasSize(7);
        }
    }

    @Test
    void aReconnectedAutoStreamFlushesThroughItsNewConnection(FluvioCluster cluster) { // M1
        try (ConsumerStream stream = open("again", OffsetManagementStrategy.AUTO)) {
            assertThat(stream.next(10, WAIT)).hasSize(10); // everything the first response carried
            cluster.restart();
            fluvio.topicProducer("t").send(null, "r10").join();
            assertThat(stream.next(WAIT)).map(ConsumerRecord::offset).contains(10L); // read on a new stream
            stream.offsetFlush();
        }
        assertThat(stored("again")).isEqualTo(10);
    }

    @Test
    void aSnapshotStreamEndsQuietlyWhenItsConnectionBreaks(FluvioCluster cluster) { // M2 (inferred)
        try (ConsumerStream stream = fluvio.consumerWithConfig(ConsumerConfig.builder().topic("t")
                .offsetStart(Offset.beginning()).disableContinuous(true).maxBytes(200).build())) {
            assertThat(stream.next(WAIT)).isPresent();
            cluster.restart();
            assertThat(stream.next(100, WAIT).size()).isLessThan(9);
            assertThat(stream.next(WAIT)).isEmpty();
        }
    }

    @Test
    void aStreamWhoseTopicIsGoneGivesUpAfterItsReconnectAttempts() { // M3
        ConsumerStream stream = fluvio.consumerWithConfig(ConsumerConfig.builder().topic("t")
                .offsetStart(Offset.beginning()).maxReconnectAttempts(3).build());
        stream.next(WAIT);
        fluvio.admin().deleteTopic("t");
        assertThatThrownBy(() -> stream.next(10, WAIT)).isInstanceOfSatisfying(FluvioException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.MAX_RETRY_REACHED);
            assertThat(e).hasMessage("max retry attempts reached");
        });
        stream.close();
    }
}
