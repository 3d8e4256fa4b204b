package org.fluviokit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.fluviokit.fake.BrokerApi;
import org.fluviokit.fake.ConsumerOffsetEntry;
import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.VirtualClock;
import org.fluviokit.junit.FluvioTest;
import org.fluviokit.junit.Topic;
import org.fluviokit.protocol.ErrorCode;
import org.fluviokit.testkit.FakeTarget;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Streams over several partitions (spec group F), on the bats fixture of O5: keys 1 and 2 land on
 * partition 0, keys 4 and 8 on partition 1.
 */
@FluvioTest
@Topic(value = "keyed", partitions = 2)
class MultiPartitionTest {

    private static final Duration WAIT = Duration.ofSeconds(2);

    private Fluvio fluvio;

    @BeforeEach
    void produceKeyedRecords(Fluvio fluvio) {
        this.fluvio = fluvio;
        TopicProducer producer = fluvio.topicProducer("keyed");
        for (String key : new String[] {"1", "2", "4", "8"}) {
            producer.send(key, key).join();
        }
    }

    private List<ConsumerRecord> consumeSnapshot(String consumer, int... partitions) {
        ConsumerConfig.Builder builder = ConsumerConfig.builder().topic("keyed").offsetStart(Offset.beginning())
                .offsetConsumer(consumer).offsetStrategy(OffsetManagementStrategy.AUTO).disableContinuous(true);
        for (int partition : partitions) {
            builder.partition(partition);
        }
        try (ConsumerStream stream = fluvio.consumerWithConfig(builder.build())) {
            List<ConsumerRecord> records = stream.next(10, WAIT);
            stream.offsetCommit();
            stream.offsetFlush();
            return records;
        }
    }

    @Test
    void offsetsAreKeptPerPartition() { // F1: "Read many partitions with consumer"
        List<ConsumerRecord> records = consumeSnapshot("many");
        assertThat(records).extracting(ConsumerRecord::partition, ConsumerRecord::valueAsString)
                .containsExactlyInAnyOrder(tuple(0, "1"), tuple(0, "2"), tuple(1, "4"), tuple(1, "8"));
        assertThat(fluvio.consumerOffsets()).extracting(ConsumerOffset::partition, ConsumerOffset::offset)
                .containsExactlyInAnyOrder(tuple(0, 1L), tuple(1, 1L));
    }

    @Test
    void aPartitionHandsOutWhatItReceivedBeforeTheNextPartition() {
        // as a real cluster printed `consume -B -d -k` over this fixture: [1] 1, [2] 2, [4] 4, [8] 8
        List<ConsumerRecord> records = consumeSnapshot("order");
        assertThat(records).extracting(ConsumerRecord::valueAsString).containsExactly("1", "2", "4", "8");
    }

    @Test
    @org.fluviokit.junit.FakeOnly("on a cluster the order across partitions is timing (REAL-CLUSTER.md #18): each"
            + " partition's next frame waits for the acknowledgement of its last")
    void partitionsTakeTurnsWhenNewRecordsArrive() {
        ConsumerConfig config = ConsumerConfig.builder().topic("keyed").offsetStart(Offset.end()).build();
        try (ConsumerStream stream = fluvio.consumerWithConfig(config)) {
            TopicProducer producer = fluvio.topicProducer("keyed");
            producer.send("1", "a").join();
            producer.send("4", "b").join();
            assertThat(stream.next(2, WAIT)).extracting(ConsumerRecord::partition).containsExactly(0, 1);
            producer.send("2", "c").join();
            producer.send("8", "d").join();
            assertThat(stream.next(2, WAIT)).extracting(ConsumerRecord::valueAsString).containsExactly("c", "d");
        }
    }

    @Test
    void onlyPartitionsThatDeliveredGetAnEntry() { // F2
        fluvio.admin().createTopic("sparse", 3);
        fluvio.topicProducer("sparse", 2).send(null, "x").join();
        ConsumerConfig config = ConsumerConfig.builder().topic("sparse").offsetStart(Offset.beginning())
                .offsetConsumer("s").offsetStrategy(OffsetManagementStrategy.AUTO).disableContinuous(true).build();
        try (ConsumerStream stream = fluvio.consumerWithConfig(config)) {
            assertThat(stream.next(10, WAIT)).hasSize(1);
        }
        assertThat(fluvio.consumerOffsets()).extracting(ConsumerOffset::partition).containsExactly(2);
    }

    @Test
    void partitionOptionLimitsTheStream() { // F3: "Read one partition with consumer"
        assertThat(consumeSnapshot("one", 1)).extracting(ConsumerRecord::valueAsString).containsExactly("4", "8");
        assertThat(fluvio.consumerOffsets()).extracting(ConsumerOffset::partition, ConsumerOffset::offset)
                .containsExactly(tuple(1, 1L));
    }

    @Test
    void partitionsCanBeRepeated() { // F3
        fluvio.admin().createTopic("three", 3);
        for (int p = 0; p < 3; p++) {
            fluvio.topicProducer("three", p).send(null, "p" + p).join();
        }
        ConsumerConfig config = ConsumerConfig.builder().topic("three").offsetStart(Offset.beginning())
                .partition(1).partition(2).disableContinuous(true).build();
        try (ConsumerStream stream = fluvio.consumerWithConfig(config)) {
            assertThat(stream.next(10, WAIT)).extracting(ConsumerRecord::valueAsString)
                    .containsExactlyInAnyOrder("p1", "p2");
        }
    }

    @Test
    void commitAndFlushActOnEveryPartition(FakeBroker broker) { // F4
        ConsumerConfig config = ConsumerConfig.builder().topic("keyed").offsetStart(Offset.beginning())
                .offsetConsumer("f4").offsetStrategy(OffsetManagementStrategy.MANUAL).build();
        try (ConsumerStream stream = fluvio.consumerWithConfig(config)) {
            stream.next(4, WAIT);
            stream.offsetCommit();
            broker.faults().failNext(BrokerApi.UPDATE_CONSUMER_OFFSET, ErrorCode.SPU_OFFLINE);
            assertThatThrownBy(stream::offsetFlush).isInstanceOfSatisfying(FluvioException.class,
                    e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SPU_OFFLINE));
            // the other partition was stored all the same
            assertThat(fluvio.consumerOffsets()).hasSize(1);
            stream.offsetFlush();
        }
        assertThat(fluvio.consumerOffsets()).extracting(ConsumerOffset::partition, ConsumerOffset::offset)
                .containsExactlyInAnyOrder(tuple(0, 1L), tuple(1, 1L));
    }

    @Test
    void eachPartitionFlushesOnItsOwnSchedule() { // F5, O7 test_multi_partition_stream_auto_commit_and_flush_on_drop
        Instant t0 = Instant.ofEpochSecond(1_700_000_000L);
        try (FakeBroker broker = FakeBroker.builder().clock(VirtualClock.startingAt(t0)).build();
             Fluvio client = Fluvio.connect(FakeTarget.of(broker))) {
            client.admin().createTopic("two", 2);
            client.topicProducer("two", 0).send(null, "a").join();
            client.topicProducer("two", 1).send(null, "b").join();
            client.topicProducer("two", 1).send(null, "c").join();
            ConsumerStream stream = client.consumerWithConfig(ConsumerConfig.builder().topic("two")
                    .offsetStart(Offset.beginning()).offsetConsumer("c").offsetStrategy(OffsetManagementStrategy.AUTO)
                    .offsetFlush(Duration.ofSeconds(1000)).build());
            assertThat(stream.next(3, WAIT)).hasSize(3);
            broker.advanceClock(Duration.ofSeconds(1));
            stream.close();
            // p0 flushes 0 only; p1 flushes 0 (its first record, at once) and then 1 on close.
            assertThat(broker.consumerOffsetUpdates()).extracting(ConsumerOffsetEntry::partition, ConsumerOffsetEntry::offset)
                    .containsExactlyInAnyOrder(tuple(0, 0L), tuple(1, 0L), tuple(1, 1L));
        }
    }

    @Test
    void theSameIdOnTwoTopicsHasTwoIndependentEntries() { // F6
        fluvio.admin().createTopic("other", 1);
        fluvio.topicProducer("other").send(null, "x").join();
        consumeSnapshot("same", 0);
        ConsumerConfig config = ConsumerConfig.builder().topic("other").offsetStart(Offset.beginning())
                .offsetConsumer("same").offsetStrategy(OffsetManagementStrategy.AUTO).disableContinuous(true).build();
        try (ConsumerStream stream = fluvio.consumerWithConfig(config)) {
            stream.next(10, WAIT);
        }
        assertThat(fluvio.consumerOffsets()).extracting(ConsumerOffset::topic, ConsumerOffset::offset)
                .containsExactlyInAnyOrder(tuple("keyed", 1L), tuple("other", 0L));
    }
}
