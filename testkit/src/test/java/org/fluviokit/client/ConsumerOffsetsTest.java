package org.fluviokit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.fluviokit.fake.BrokerApi;
import org.fluviokit.fake.FakeBroker;
import org.fluviokit.junit.FluvioCluster;
import org.fluviokit.junit.FluvioTest;
import org.fluviokit.junit.Topic;
import org.fluviokit.protocol.ErrorCode;
import org.fluviokit.junit.FakeOnly;
import org.junit.jupiter.api.Test;

/** Listing and deleting consumer offsets through the client, and topic deletion (groups G, I, J). */
@FluvioTest
@Topic(value = "t", partitions = 2)
class ConsumerOffsetsTest {

    private static void consumeAll(Fluvio fluvio, String topic, String consumer) {
        try (ConsumerStream stream = fluvio.consumerWithConfig(ConsumerConfig.builder().topic(topic)
                .offsetStart(Offset.beginning()).offsetConsumer(consumer).offsetStrategy(OffsetManagementStrategy.AUTO)
                .disableContinuous(true).build())) {
            stream.next(100, Duration.ofSeconds(1));
            stream.offsetCommit();
            stream.offsetFlush();
        }
    }

    private static void produce(Fluvio fluvio, String topic, String... keys) {
        for (String key : keys) {
            fluvio.topicProducer(topic).send(key, key).join();
        }
    }

    @Test
    void offsetsAreListedWithTheBrokersTimeInSeconds(Fluvio fluvio, FluvioCluster cluster) { // G2
        produce(fluvio, "t", "1");
        cluster.advanceClock(Duration.ofSeconds(5));
        long now = fluvio.currentTimeMillis() / 1000;
        consumeAll(fluvio, "t", "c");
        assertThat(fluvio.consumerOffsets()).containsExactly(new ConsumerOffset("c", "t", 0, 0, now));
    }

    @Test
    void storedOffsetsNeverExpireAndOnlyDeletionRemovesThem(Fluvio fluvio, FluvioCluster cluster) { // J3
        produce(fluvio, "t", "1");
        consumeAll(fluvio, "t", "c");
        List<ConsumerOffset> stored = fluvio.consumerOffsets();
        cluster.advanceClock(Duration.ofDays(400)); // the RFC's TTL column is not implemented
        assertThat(fluvio.consumerOffsets()).isEqualTo(stored).hasSize(1);
        fluvio.deleteConsumerOffset("c", "t", 0);
        assertThat(fluvio.consumerOffsets()).isEmpty();
    }

    @Test
    void deleteRemovesOneEntryAndAbsentEntriesAreNoError(Fluvio fluvio) { // G4, I6
        produce(fluvio, "t", "1", "4");
        consumeAll(fluvio, "t", "c");
        fluvio.deleteConsumerOffset("c", "t", 0);
        fluvio.deleteConsumerOffset("c", "t", 0);
        fluvio.deleteConsumerOffset("ghost", "no-such-topic", 9);
        assertThat(fluvio.consumerOffsets()).extracting(ConsumerOffset::partition).containsExactly(1);
    }

    @Test
    void listAndDeleteFailuresCarryFluviosText(Fluvio fluvio, FakeBroker broker) {
        broker.faults().failNext(BrokerApi.FETCH_CONSUMER_OFFSETS, ErrorCode.PARTITION_NOT_LEADER);
        assertThatThrownBy(fluvio::consumerOffsets).isInstanceOfSatisfying(FluvioException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.PARTITION_NOT_LEADER);
            assertThat(e).hasMessage("fetch consumer offsets failed with: the partition is not a leader");
        });
        broker.faults().failNext(BrokerApi.DELETE_CONSUMER_OFFSET, ErrorCode.PARTITION_NOT_LEADER);
        assertThatThrownBy(() -> fluvio.deleteConsumerOffset("c", "t", 0))
                .hasMessage("delete consumer offsets failed with: the partition is not a leader");
    }

    @Test
    void deletingATopicDeletesItsConsumers(Fluvio fluvio) { // J1
        fluvio.admin().createTopic("other", 1);
        produce(fluvio, "t", "1");
        produce(fluvio, "other", "x");
        consumeAll(fluvio, "t", "c");
        consumeAll(fluvio, "other", "c");
        fluvio.admin().deleteTopic("t");
        assertThat(fluvio.consumerOffsets()).extracting(ConsumerOffset::topic).containsExactly("other");
    }

    @Test
    @FakeOnly("a real 0.18 cluster sometimes hangs 60 s creating a just-deleted topic's name: REAL-CLUSTER.md #13")
    void aRecreatedTopicStartsCleanEvenForTheSameConsumer(Fluvio fluvio) { // J2, regression #4455
        produce(fluvio, "t", "1", "2", "4", "8");
        consumeAll(fluvio, "t", "x");
        assertThat(fluvio.consumerOffsets()).hasSize(2);
        fluvio.admin().deleteTopic("t");
        assertThat(fluvio.consumerOffsets()).isEmpty();
        fluvio.admin().createTopic("t", 2);
        produce(fluvio, "t", "1", "4");
        try (ConsumerStream stream = fluvio.consumerWithConfig(ConsumerConfig.builder().topic("t")
                .offsetStart(Offset.beginning()).offsetConsumer("x").offsetStrategy(OffsetManagementStrategy.AUTO)
                .disableContinuous(true).build())) {
            assertThat(stream.next(10, Duration.ofSeconds(1))).extracting(ConsumerRecord::valueAsString)
                    .containsExactlyInAnyOrder("1", "4");
        }
    }

    @Test
    void consumerIdsAreAnyTextAndCaseSensitive(Fluvio fluvio) { // L1
        produce(fluvio, "t", "1");
        consumeAll(fluvio, "t", "Upper Case_id");
        consumeAll(fluvio, "t", "upper case_id");
        assertThat(fluvio.consumerOffsets()).extracting(ConsumerOffset::consumerId)
                .containsExactlyInAnyOrder("Upper Case_id", "upper case_id");
    }

    @Test
    void consumerOffsetsSortAsFluvioSortsThem() { // H2
        ConsumerOffset a = new ConsumerOffset("a", "z", 1, 0, 0);
        ConsumerOffset b = new ConsumerOffset("b", "a", 0, 0, 0);
        ConsumerOffset a0 = new ConsumerOffset("a", "z", 0, 9, 0);
        assertThat(java.util.stream.Stream.of(b, a, a0).sorted()).containsExactly(a0, a, b);
    }
}
