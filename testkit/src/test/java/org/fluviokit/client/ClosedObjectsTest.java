package org.fluviokit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.fluviokit.junit.FluvioCluster;
import org.fluviokit.junit.FluvioTest;
import org.fluviokit.junit.Topic;
import org.junit.jupiter.api.Test;

/**
 * Using what was closed: Fluvio's Rust API cannot reach a dropped stream, producer or client at all,
 * so every method of a closed one says so the same way, and closing twice does nothing.
 */
@FluvioTest
@Topic("t")
class ClosedObjectsTest {

    private static ConsumerConfig manual() {
        return ConsumerConfig.builder().topic("t").offsetStart(Offset.beginning()).offsetConsumer("c1")
                .offsetStrategy(OffsetManagementStrategy.MANUAL).build();
    }

    @Test
    void aClosedStreamRefusesEveryMethodButClose(Fluvio fluvio) {
        fluvio.topicProducer("t").send(null, "a").join();
        ConsumerStream stream = fluvio.consumerWithConfig(manual());
        assertThat(stream.next(Duration.ofSeconds(5))).isPresent();
        stream.close();
        stream.close();

        assertThatThrownBy(stream::offsetCommit).isInstanceOf(IllegalStateException.class)
                .hasMessage("this consumer stream is closed");
        assertThatThrownBy(stream::offsetFlush).isInstanceOf(IllegalStateException.class)
                .hasMessage("this consumer stream is closed");
        assertThatThrownBy(() -> stream.next(Duration.ZERO)).isInstanceOf(IllegalStateException.class)
                .hasMessage("this consumer stream is closed");
        // D1: the manual stream stored nothing, before or after.
        assertThat(fluvio.consumerOffsets()).isEmpty();
    }

    @Test
    void aClosedProducerRefusesToSendAfterItsRecordsArrived(Fluvio fluvio) {
        TopicProducer producer = fluvio.topicProducer("t");
        producer.send(null, "before").join();
        producer.close();
        producer.close();
        assertThatThrownBy(() -> producer.send(null, "after")).isInstanceOf(IllegalStateException.class)
                .hasMessage("this producer is closed");
        try (ConsumerStream stream = fluvio.consumerWithConfig(ConsumerConfig.builder().topic("t")
                .offsetStart(Offset.beginning()).disableContinuous(true).build())) {
            assertThat(stream.next(5, Duration.ofSeconds(5))).extracting(ConsumerRecord::valueAsString)
                    .containsExactly("before");
        }
    }

    @Test
    void closingAClientClosesItsProducersAndStreams(FluvioCluster cluster) {
        Fluvio client = cluster.newClient();
        TopicProducer producer = client.topicProducer("t");
        producer.send(null, "sent").join();
        ConsumerStream stream = client.consumerWithConfig(manual());
        client.close();
        client.close();

        assertThatThrownBy(() -> producer.send(null, "late")).isInstanceOf(IllegalStateException.class)
                .hasMessage("this producer is closed");
        assertThatThrownBy(stream::offsetCommit).isInstanceOf(IllegalStateException.class)
                .hasMessage("this consumer stream is closed");
        assertThatThrownBy(client::consumerOffsets).isInstanceOf(IllegalStateException.class)
                .hasMessage("this Fluvio client is closed");
        assertThatThrownBy(() -> client.topicProducer("t")).isInstanceOf(IllegalStateException.class)
                .hasMessage("this Fluvio client is closed");
    }

    @Test
    @org.fluviokit.junit.FakeOnly("on the fake a record has arrived when send returns; over a network, when is timing")
    void nextWithZeroTimeoutHandsOutWhatArrivedWithoutWaiting(Fluvio fluvio) {
        try (ConsumerStream stream = fluvio.consumerWithConfig(manual())) {
            assertThat(stream.next(Duration.ZERO)).isEmpty();
            fluvio.topicProducer("t").send(null, "here").join();
            assertThat(stream.next(Duration.ZERO)).map(ConsumerRecord::valueAsString).contains("here");
            assertThat(stream.next(Duration.ZERO)).isEmpty();
        }
    }
}
