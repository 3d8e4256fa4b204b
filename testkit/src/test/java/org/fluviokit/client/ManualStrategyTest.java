package org.fluviokit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fluviokit.fake.BrokerApi;
import org.fluviokit.fake.ConsumerOffsetEntry;
import org.fluviokit.fake.FakeBroker;
import org.fluviokit.junit.FluvioCluster;
import org.fluviokit.junit.FluvioTest;
import org.fluviokit.junit.Topic;
import org.fluviokit.protocol.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The manual strategy (spec group D). */
@FluvioTest
@Topic("t")
class ManualStrategyTest {

    private static final Duration WAIT = Duration.ofSeconds(2);

    private static ConsumerConfig manual(String topic, Offset start) {
        return ConsumerConfig.builder().topic(topic).offsetStart(start).offsetConsumer("m")
                .offsetStrategy(OffsetManagementStrategy.MANUAL).build();
    }

    private static void produce(Fluvio fluvio, String topic, int count) {
        TopicProducer producer = fluvio.topicProducer(topic);
        for (int i = 0; i < count; i++) {
            producer.send(null, "r" + i).join();
        }
    }

    @Test
    void nothingIsStoredUntilCommitThenFlush(Fluvio fluvio, FakeBroker broker) { // D1
        produce(fluvio, "t", 5);
        try (ConsumerStream stream = fluvio.consumerWithConfig(manual("t", Offset.beginning()))) {
            stream.next(3, WAIT);
            stream.offsetFlush(); // nothing committed: nothing sent
            assertThat(broker.consumerOffsetUpdates()).isEmpty();
            stream.offsetCommit(); // local only (D2)
            assertThat(broker.consumerOffsetUpdates()).isEmpty();
            stream.offsetFlush();
            assertThat(fluvio.consumerOffsets()).extracting(ConsumerOffset::offset).containsExactly(2L);
            stream.next(WAIT);
            stream.offsetCommit();
        } // closing a manual stream stores nothing
        assertThat(fluvio.consumerOffsets()).extracting(ConsumerOffset::offset).containsExactly(2L);
        try (ConsumerStream resumed = fluvio.consumerWithConfig(manual("t", Offset.beginning()))) {
            assertThat(resumed.next(WAIT)).map(ConsumerRecord::offset).contains(3L); // last flushed + 1
        }
    }

    @Test
    void flushSendsOnlyWhatIsNewAndOnlyOnce(Fluvio fluvio, FakeBroker broker) { // D3, D4
        produce(fluvio, "t", 5);
        try (ConsumerStream stream = fluvio.consumerWithConfig(manual("t", Offset.beginning()))) {
            stream.next(2, WAIT);
            stream.offsetCommit();
            stream.next(WAIT);
            stream.offsetCommit();
            stream.offsetFlush();
            stream.offsetFlush();
            assertThat(broker.consumerOffsetUpdates()).extracting(ConsumerOffsetEntry::offset).containsExactly(2L);
        }
    }

    @Test
    void failedFlushReturnsTheBrokersErrorAndIsRetriedByTheNextFlush(Fluvio fluvio, FakeBroker broker) { // D3
        produce(fluvio, "t", 2);
        try (ConsumerStream stream = fluvio.consumerWithConfig(manual("t", Offset.beginning()))) {
            stream.next(2, WAIT);
            stream.offsetCommit();
            broker.faults().failNext(BrokerApi.UPDATE_CONSUMER_OFFSET, ErrorCode.SPU_OFFLINE);
            assertThatThrownBy(stream::offsetFlush).isInstanceOfSatisfying(FluvioException.class, e -> {
                assertThat(e.errorCode()).isEqualTo(ErrorCode.SPU_OFFLINE);
                assertThat(e).hasMessage("the SPU is offline");
            });
            assertThat(fluvio.consumerOffsets()).isEmpty();
            stream.offsetFlush();
            assertThat(fluvio.consumerOffsets()).extracting(ConsumerOffset::offset).containsExactly(1L);
        }
    }

    @Test
    void commitWithoutAnythingReadStoresNothing(Fluvio fluvio, FakeBroker broker) { // B9, D3
        try (ConsumerStream stream = fluvio.consumerWithConfig(manual("t", Offset.beginning()))) {
            stream.offsetCommit();
            stream.offsetFlush();
        }
        assertThat(broker.consumerOffsetUpdates()).isEmpty();
    }

    /**
     * D5, after fluvio-test's {@code manual/beginning.rs}: 100 keyless records spread over P
     * partitions, 20 streams reading 5 records each, committing and flushing: offsets strictly
     * increase per partition (no duplicate, no gap), a final snapshot reads nothing, each partition
     * stores 100/P − 1, and after deleting the offsets a stream starts from the beginning again.
     */
    @ParameterizedTest(name = "{0} partition(s)")
    @ValueSource(ints = {1, 5})
    void roundTripThroughTheBroker(int partitions, FluvioCluster cluster) {
        Fluvio fluvio = cluster.fluvio();
        fluvio.admin().createTopic("round-trip", partitions);
        produce(fluvio, "round-trip", 100);
        Map<Integer, List<Long>> seen = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            try (ConsumerStream stream = fluvio.consumerWithConfig(manual("round-trip", Offset.beginning()))) {
                for (ConsumerRecord record : stream.next(5, WAIT)) {
                    seen.computeIfAbsent(record.partition(), p -> new ArrayList<>()).add(record.offset());
                }
                stream.offsetCommit();
                stream.offsetFlush();
            }
        }
        int perPartition = 100 / partitions;
        assertThat(seen).hasSize(partitions);
        for (List<Long> offsets : seen.values()) {
            assertThat(offsets).hasSize(perPartition).isSorted().doesNotHaveDuplicates();
            assertThat(offsets.get(perPartition - 1)).isEqualTo(perPartition - 1);
        }
        ConsumerConfig snapshot = manual("round-trip", Offset.beginning()).toBuilder().disableContinuous(true).build();
        try (ConsumerStream stream = fluvio.consumerWithConfig(snapshot)) {
            assertThat(stream.next(WAIT)).isEmpty();
        }
        assertThat(fluvio.consumerOffsets()).hasSize(partitions)
                .allSatisfy(offset -> assertThat(offset.offset()).isEqualTo(perPartition - 1));
        for (int p = 0; p < partitions; p++) {
            fluvio.deleteConsumerOffset("m", "round-trip", p);
        }
        try (ConsumerStream stream = fluvio.consumerWithConfig(snapshot)) {
            assertThat(stream.next(WAIT)).map(ConsumerRecord::offset).contains(0L); // I6
        }
    }

    // D6: the start offsets under Manual, as Fluvio's own fluvio-test manual scenarios run them (O3), on 100 + 100 records.

    private static final Duration QUIET = Duration.ofMillis(100);

    private static List<Long> offsets(List<ConsumerRecord> records) {
        return records.stream().map(ConsumerRecord::offset).toList();
    }

    private static Long stored(Fluvio fluvio) {
        return fluvio.consumerOffsets().stream().filter(o -> o.consumerId().equals("m")).map(ConsumerOffset::offset)
                .findFirst().orElse(null);
    }

    private static void commitAndFlush(ConsumerStream stream) {
        stream.offsetCommit();
        stream.offsetFlush();
    }

    @Test
    void absoluteReadsFromThereAndThenWaits(Fluvio fluvio) { // D6, O3 from_absolute.rs
        produce(fluvio, "t", 100);
        try (ConsumerStream stream = fluvio.consumerWithConfig(manual("t", Offset.absolute(5)))) {
            List<ConsumerRecord> read = stream.next(95, WAIT);
            assertThat(offsets(read)).hasSize(95).startsWith(5L).endsWith(99L);
            commitAndFlush(stream);
            assertThat(stream.next(QUIET)).isEmpty();
        }
        assertThat(stored(fluvio)).isEqualTo(99);
    }

    @Test
    void fromBeginningKeepsReadingWhatIsProducedLater(Fluvio fluvio) { // D6, O3 from_beginning.rs
        produce(fluvio, "t", 100);
        try (ConsumerStream stream = fluvio.consumerWithConfig(manual("t", Offset.fromBeginning(4)))) {
            assertThat(offsets(stream.next(96, WAIT))).hasSize(96).startsWith(4L).endsWith(99L);
            commitAndFlush(stream);
            assertThat(stored(fluvio)).isEqualTo(99);
            assertThat(stream.next(QUIET)).isEmpty();
            produce(fluvio, "t", 100);
            assertThat(offsets(stream.next(4, WAIT))).containsExactly(100L, 101L, 102L, 103L);
            commitAndFlush(stream);
            assertThat(stored(fluvio)).isEqualTo(103);
            assertThat(offsets(stream.next(96, WAIT))).hasSize(96).endsWith(199L);
            commitAndFlush(stream);
            assertThat(stream.next(QUIET)).isEmpty();
        }
        assertThat(stored(fluvio)).isEqualTo(199);
    }

    @Test
    void fromEndCountsBackFromTheResumePointOfAStoredOffset(Fluvio fluvio) { // D6, O3 from_end.rs, B6
        produce(fluvio, "t", 100);
        try (ConsumerStream stream = fluvio.consumerWithConfig(manual("t", Offset.fromEnd(4)))) {
            assertThat(offsets(stream.next(4, WAIT))).containsExactly(96L, 97L, 98L, 99L);
            assertThat(stream.next(QUIET)).isEmpty();
            produce(fluvio, "t", 100);
            assertThat(offsets(stream.next(4, WAIT))).containsExactly(100L, 101L, 102L, 103L);
            commitAndFlush(stream);
        }
        assertThat(stored(fluvio)).isEqualTo(103);
        try (ConsumerStream again = fluvio.consumerWithConfig(manual("t", Offset.fromEnd(4)))) {
            List<ConsumerRecord> read = again.next(100, WAIT); // resume point 104, minus 4
            assertThat(offsets(read)).hasSize(100).startsWith(100L).endsWith(199L);
            commitAndFlush(again);
        }
        assertThat(stored(fluvio)).isEqualTo(199);
    }

    @Test
    void endStartsAfterTheStoredOffsetWhenThereIsOne(Fluvio fluvio) { // D6, O3 end.rs, B5
        produce(fluvio, "t", 100);
        try (ConsumerStream stream = fluvio.consumerWithConfig(manual("t", Offset.end()))) {
            produce(fluvio, "t", 100);
            assertThat(offsets(stream.next(4, WAIT))).containsExactly(100L, 101L, 102L, 103L);
            commitAndFlush(stream);
        }
        try (ConsumerStream again = fluvio.consumerWithConfig(manual("t", Offset.end()))) {
            List<ConsumerRecord> read = again.next(96, WAIT);
            assertThat(offsets(read)).hasSize(96).startsWith(104L).endsWith(199L);
            commitAndFlush(again);
        }
        assertThat(stored(fluvio)).isEqualTo(199);
    }
}
