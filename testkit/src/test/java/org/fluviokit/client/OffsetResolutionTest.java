package org.fluviokit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.internal.BrokerConnection;
import org.fluviokit.junit.FluvioCluster;
import org.fluviokit.junit.FluvioTest;
import org.fluviokit.junit.Topic;
import org.fluviokit.protocol.ErrorCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a stream starts, without (group A) and with (group B) a stored consumer offset. */
@FluvioTest
@Topic("t")
class OffsetResolutionTest {

    private static final Duration WAIT = Duration.ofSeconds(2);

    private Fluvio fluvio;

    @BeforeEach
    void produceFiveRecords(Fluvio fluvio) {
        this.fluvio = fluvio;
        produce("r0", "r1", "r2", "r3", "r4");
    }

    private void produce(String... values) {
        TopicProducer producer = fluvio.topicProducer("t");
        for (String value : values) {
            producer.send(null, value).join();
        }
    }

    /** What {@code consume t [-c consumer] -d} with this start prints, committing and flushing at exit as the CLI does. */
    private List<String> readSnapshot(Offset start, String consumer) {
        ConsumerConfig.Builder builder = ConsumerConfig.builder().topic("t").offsetStart(start).disableContinuous(true);
        if (consumer != null) {
            builder.offsetConsumer(consumer).offsetStrategy(OffsetManagementStrategy.AUTO);
        }
        try (ConsumerStream stream = fluvio.consumerWithConfig(builder.build())) {
            List<String> values = stream.next(100, WAIT).stream().map(ConsumerRecord::valueAsString).toList();
            if (consumer != null) {
                stream.offsetCommit();
                stream.offsetFlush();
            }
            return values;
        }
    }

    private List<String> readSnapshot(Offset start) {
        return readSnapshot(start, null);
    }

    private long stored(String consumer) {
        return fluvio.consumerOffsets().stream().filter(o -> o.consumerId().equals(consumer))
                .mapToLong(ConsumerOffset::offset).findFirst().orElseThrow();
    }

    /** Stores offset {@code offset} for {@code consumer} by reading up to it with a manual stream. */
    private void store(String consumer, long offset) {
        ConsumerConfig config = ConsumerConfig.builder().topic("t").offsetStart(Offset.absolute(offset))
                .offsetConsumer(consumer).offsetStrategy(OffsetManagementStrategy.MANUAL).build();
        try (ConsumerStream stream = fluvio.consumerWithConfig(config)) {
            assertThat(stream.next(WAIT)).map(ConsumerRecord::offset).contains(offset);
            stream.offsetCommit();
            stream.offsetFlush();
        }
    }

    @Nested
    class WithoutStoredOffset {

        @Test
        void beginningReadsEveryRecord() { // A1
            assertThat(readSnapshot(Offset.beginning())).containsExactly("r0", "r1", "r2", "r3", "r4");
        }

        @Test
        void beginningStartsAtTheLogStartAfterEviction(FakeBroker broker) { // A1
            broker.evictRecords("t", 0, 2);
            assertThat(readSnapshot(Offset.beginning())).containsExactly("r2", "r3", "r4");
        }

        @Test
        void endDeliversOnlyRecordsProducedLater() { // A2
            assertThat(readSnapshot(Offset.end())).isEmpty();
            try (ConsumerStream stream = fluvio.consumerWithConfig(
                    ConsumerConfig.builder().topic("t").offsetStart(Offset.end()).build())) {
                assertThat(stream.next(Duration.ZERO)).isEmpty();
                produce("r5");
                assertThat(stream.next(WAIT)).map(ConsumerRecord::valueAsString).contains("r5");
            }
        }

        @Test
        void fromBeginningSkipsNRecordsAndClampsAtTheEnd() { // A3
            assertThat(readSnapshot(Offset.fromBeginning(2))).containsExactly("r2", "r3", "r4");
            assertThat(readSnapshot(Offset.fromBeginning(15))).isEmpty();
        }

        @Test
        void fromEndReadsTheLastNRecordsAndClampsAtTheLogStart() { // A4
            assertThat(readSnapshot(Offset.fromEnd(1))).containsExactly("r4");
            assertThat(readSnapshot(Offset.fromEnd(100))).containsExactly("r0", "r1", "r2", "r3", "r4");
        }

        @Test
        void absoluteStartsExactlyThere() { // A5
            assertThat(readSnapshot(Offset.absolute(3))).containsExactly("r3", "r4");
        }

        @Test
        void absoluteBeyondTheEndReadsNothingWithDisableContinuous() { // A6
            assertThat(readSnapshot(Offset.absolute(100))).isEmpty();
        }

        @Test
        void absoluteBeyondTheEndKeepsAContinuousStreamReconnecting(FakeBroker broker) { // A6 (inferred)
            try (ConsumerStream stream = fluvio.consumerWithConfig(
                    ConsumerConfig.builder().topic("t").offsetStart(Offset.absolute(7)).build())) {
                // The SPU refuses the start; the stream reconnects from the same start until it exists.
                assertThat(stream.next(Duration.ofMillis(50))).isEmpty();
                produce("r5", "r6", "r7");
                assertThat(stream.next(WAIT)).map(ConsumerRecord::valueAsString).contains("r7");
            }
        }

        @Test
        void disableContinuousReadsTheRecordsThatExistedWhenTheStreamOpened() { // A7
            ConsumerConfig config = ConsumerConfig.builder().topic("t").offsetStart(Offset.beginning())
                    .disableContinuous(true).build();
            try (ConsumerStream stream = fluvio.consumerWithConfig(config)) {
                // Produced once the first response was taken: a real SPU may include a record produced
                // between the open and its first response (REAL-CLUSTER.md #14), never one produced later.
                assertThat(stream.next(WAIT)).map(ConsumerRecord::valueAsString).contains("r0");
                produce("late");
                assertThat(stream.next(100, WAIT)).extracting(ConsumerRecord::valueAsString)
                        .containsExactly("r1", "r2", "r3", "r4");
            }
        }

        @Test
        @org.fluviokit.junit.FakeOnly("the fake takes its snapshot when the stream opens; a real SPU when it serves"
                + " the stream (REAL-CLUSTER.md #14)")
        void theFakeTakesTheSnapshotWhenTheStreamOpens() { // A7
            ConsumerConfig config = ConsumerConfig.builder().topic("t").offsetStart(Offset.beginning())
                    .disableContinuous(true).build();
            try (ConsumerStream stream = fluvio.consumerWithConfig(config)) {
                produce("late");
                assertThat(stream.next(100, WAIT)).extracting(ConsumerRecord::valueAsString)
                        .containsExactly("r0", "r1", "r2", "r3", "r4");
            }
        }

        @Test
        void negativeOffsetsAreRefusedWhenBuilt() { // A5
            assertThatThrownBy(() -> Offset.absolute(-10)).isInstanceOfSatisfying(FluvioException.class, e -> {
                assertThat(e).hasMessage("Attempted to create negative offset: -10");
                assertThat(e.errorCode()).isEqualTo(ErrorCode.OFFSET_OUT_OF_RANGE);
            });
            assertThatThrownBy(() -> Offset.fromBeginning(-1)).hasMessage("Attempted to create negative offset: -1");
            assertThatThrownBy(() -> Offset.fromEnd(-2)).hasMessage("Attempted to create negative offset: -2");
        }
    }

    @Nested
    class WithStoredOffset {

        @Test
        void storedValueIsTheLastDeliveredOffset() { // B1
            assertThat(readSnapshot(Offset.fromEnd(3), "c")).containsExactly("r2", "r3", "r4");
            assertThat(stored("c")).isEqualTo(4);
        }

        @Test
        void beginningResumesAfterTheStoredOffset() { // B2, B3
            store("c", 1);
            assertThat(readSnapshot(Offset.beginning(), "c")).containsExactly("r2", "r3", "r4");
            assertThat(stored("c")).isEqualTo(4);
            assertThat(readSnapshot(Offset.beginning(), "other")).hasSize(5);
        }

        @Test
        void endAlsoResumesAfterTheStoredOffset() { // B4
            store("c", 1);
            assertThat(readSnapshot(Offset.end(), "c")).containsExactly("r2", "r3", "r4");
            assertThat(stored("c")).isEqualTo(4);
        }

        @Test
        void fromBeginningSkipsUnreadRecordsAfterTheResumePoint() { // B5
            store("c", 0);
            assertThat(readSnapshot(Offset.fromBeginning(2), "c")).containsExactly("r3", "r4");
            store("d", 3);
            assertThat(readSnapshot(Offset.fromBeginning(5), "d")).isEmpty();
        }

        @Test
        void fromEndRereadsRecordsBeforeTheResumePoint() { // B6
            store("c", 2);
            assertThat(readSnapshot(Offset.fromEnd(2), "c")).containsExactly("r1", "r2", "r3", "r4");
            store("d", 1);
            assertThat(readSnapshot(Offset.fromEnd(10), "d")).hasSize(5);
        }

        @Test
        void absoluteIgnoresTheStoredOffsetWhichCanThenGoBackwards() { // B7 (inferred)
            store("c", 4);
            ConsumerConfig config = ConsumerConfig.builder().topic("t").offsetStart(Offset.absolute(0))
                    .offsetConsumer("c").offsetStrategy(OffsetManagementStrategy.AUTO).build();
            try (ConsumerStream stream = fluvio.consumerWithConfig(config)) {
                assertThat(stream.next(3, WAIT)).extracting(ConsumerRecord::offset).containsExactly(0L, 1L, 2L);
                stream.offsetFlush();
            }
            assertThat(stored("c")).isEqualTo(2);
        }

        @Test
        void storedOffsetPastTheEndIsClampedToTheEnd(FakeBroker broker) { // B8
            // The broker accepts any value (G2); a stale one must not fail the consumer (#4455).
            org.fluviokit.fake.internal.BrokerConnection connection = org.fluviokit.fake.internal.BrokerEngine.of(broker).connect();
            connection.updateConsumerOffset(connection.openStream("t", 0, 0, 1000, "c").id(), 100);
            assertThat(readSnapshot(Offset.beginning(), "c")).isEmpty();
            produce("r5");
            try (ConsumerStream stream = fluvio.consumerWithConfig(ConsumerConfig.builder().topic("t")
                    .offsetStart(Offset.beginning()).offsetConsumer("c").build())) {
                assertThat(stream.next(Duration.ZERO)).isEmpty(); // started at the end (6), after r5
            }
        }

        @Test
        void storedOffsetBeforeTheLogStartIsClampedToTheLogStart(FakeBroker broker) { // B8
            store("c", 0);
            broker.evictRecords("t", 0, 3);
            assertThat(readSnapshot(Offset.beginning(), "c")).containsExactly("r3", "r4");
        }

        @Test
        void noRecordDeliveredMeansNoEntry() { // B9
            assertThat(readSnapshot(Offset.end(), "fresh")).isEmpty();
            assertThat(fluvio.consumerOffsets()).isEmpty();
        }

        @Test
        void everythingConsumedPrintsNothingAndFlushesNothing(FluvioCluster cluster) { // B10
            store("c", 4);
            long before = fluvio.consumerOffsets().get(0).modifiedTime();
            cluster.advanceClock(Duration.ofSeconds(30));
            assertThat(readSnapshot(Offset.beginning(), "c")).isEmpty();
            assertThat(fluvio.consumerOffsets().get(0).modifiedTime()).isEqualTo(before);
        }

        @Test
        void rereadingTheLastRecordStoresTheSameOffsetWithANewTimestamp(FluvioCluster cluster) { // B11 (inferred)
            store("c", 4);
            long before = fluvio.consumerOffsets().get(0).modifiedTime();
            cluster.advanceClock(Duration.ofSeconds(30));
            assertThat(readSnapshot(Offset.fromEnd(1), "c")).containsExactly("r4");
            assertThat(fluvio.consumerOffsets().get(0).offset()).isEqualTo(4);
            assertThat(fluvio.consumerOffsets().get(0).modifiedTime()).isEqualTo(before + 30);
        }
    }

    /** The unit-test values of Fluvio's {@code Offset::resolve} (offset.rs). */
    @ParameterizedTest(name = "{0} {1} on [{2},{3}) with resume point {4} -> {5}")
    @CsvSource(nullValues = "none", value = {
            "from-beginning, 3, 0, 10, none, 3",   // A3
            "from-beginning, 3, 5, 10, none, 8",   // A3
            "from-beginning, 15, 0, 10, none, 10", // A3
            "from-end, 3, 0, 10, none, 7",         // A4
            "from-end, 6, 6, 10, none, 6",         // A4
            "from-end, 100, 0, 10, none, 0",       // A4
            "from-beginning, 3, 0, 15, 10, 13",    // B5
            "from-beginning, 5, 0, 22, 20, 22",    // B5
            "from-end, 3, 0, 15, 10, 7",           // B6
            "from-end, 10, 0, 15, 5, 0",           // B6
            "absolute, 4, 0, 200, 101, 4",         // B7
            "absolute, 100, 0, 5, none, 100",      // A5: no clamping
            "from-beginning, 0, 2, 4, 72, 4",      // B8, the #4455 shape: resume point beyond the end
    })
    void resolvesLikeFluvio(String kind, long n, long logStart, long lastStable, Long resumePoint, long expected) {
        assertThat(Offset.parse(kind + " " + n).resolve(logStart, lastStable, resumePoint)).isEqualTo(expected);
    }
}
