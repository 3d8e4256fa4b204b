package org.fluviokit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.fluviokit.fake.BrokerApi;
import org.fluviokit.fake.ConsumerOffsetEntry;
import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.VirtualClock;
import org.fluviokit.protocol.ErrorCode;
import org.fluviokit.testkit.FakeTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The auto strategy (spec group C), in virtual time. The broker's clock starts on a whole second
 * T0, so "t=1.5" below means T0 + 1.5 s. Flushes are observed as the UpdateConsumerOffset requests
 * the broker received ({@link FakeBroker#consumerOffsetUpdates()}).
 */
class AutoStrategyTest {

    private static final Instant T0 = Instant.ofEpochSecond(1_700_000_000L);

    private final FakeBroker broker = FakeBroker.builder().clock(VirtualClock.startingAt(T0)).build();
    private final Fluvio fluvio = Fluvio.connect(FakeTarget.of(broker));

    AutoStrategyTest() {
        fluvio.admin().createTopic("t", 1);
        TopicProducer producer = fluvio.topicProducer("t");
        for (int i = 0; i < 50; i++) {
            producer.send(null, "r" + i).join();
        }
    }

    @AfterEach
    void close() {
        fluvio.close();
        broker.close();
    }

    private ConsumerStream auto(Duration flushPeriod) {
        return fluvio.consumerWithConfig(ConsumerConfig.builder().topic("t").offsetStart(Offset.beginning())
                .offsetConsumer("c").offsetStrategy(OffsetManagementStrategy.AUTO).offsetFlush(flushPeriod).build());
    }

    private long read(ConsumerStream stream) {
        return stream.next(Duration.ofSeconds(1)).orElseThrow().offset();
    }

    private void readN(ConsumerStream stream, int n) {
        for (int i = 0; i < n; i++) {
            read(stream);
        }
    }

    private void advanceTo(double seconds) {
        long target = T0.toEpochMilli() + Math.round(seconds * 1000);
        broker.advanceClock(Duration.ofMillis(target - broker.clock().millis()));
    }

    private List<Long> flushed() {
        return broker.consumerOffsetUpdates().stream().map(ConsumerOffsetEntry::offset).toList();
    }

    /** Seconds after T0 at which each flush was stored (whole seconds: the broker stamps seconds). */
    private List<Long> flushSeconds() {
        return broker.consumerOffsetUpdates().stream().map(e -> e.modifiedTime() - T0.getEpochSecond()).toList();
    }

    @Test
    void commitCoversTheRecordBeingHandedOutAndCloseFlushesTheLast() { // C1, C6
        // Fluvio's test_single_partition_stream_auto_commit_and_flush_on_drop: messages 0 then 2.
        ConsumerStream stream = auto(Duration.ofSeconds(1000));
        readN(stream, 3);
        assertThat(flushed()).containsExactly(0L);
        stream.close();
        assertThat(flushed()).containsExactly(0L, 2L);
    }

    @Test
    void firstRecordWithinTheFirstBackgroundTickIsFlushedAtOnce() { // C4
        ConsumerStream stream = auto(Duration.ofSeconds(2));
        advanceTo(0.05);
        read(stream);
        assertThat(flushed()).containsExactly(0L);
        stream.close();
    }

    @Test
    void firstRecordAfterTheFirstBackgroundTickWaitsAPeriod() { // C4 (inferred)
        ConsumerStream stream = auto(Duration.ofSeconds(2));
        advanceTo(0.15); // the first tick at 0.1 found nothing to send but restarted the period
        read(stream);
        assertThat(flushed()).isEmpty();
        advanceTo(1.95);
        assertThat(flushed()).isEmpty();
        advanceTo(2.0);
        assertThat(flushed()).containsExactly(0L);
        stream.close();
    }

    @Test
    void backgroundCheckFlushesWithoutNewRecords() { // C3, C5
        ConsumerStream stream = auto(Duration.ofSeconds(2));
        readN(stream, 30); // 0 flushed at once
        advanceTo(3.1);
        readN(stream, 10);
        advanceTo(6.1);
        assertThat(flushed()).containsExactly(0L, 29L, 39L);
        assertThat(fluvio.consumerOffsets()).extracting(ConsumerOffset::offset).containsExactly(39L);
        stream.close();
    }

    @Test
    void periodsCountWholeSecondsSoTwoSecondsFireOneToThreeSecondsApart() { // C2
        advanceTo(0.9);
        ConsumerStream stream = auto(Duration.ofSeconds(2)); // background checks at 1.0, 1.1, …
        advanceTo(0.95);
        read(stream); // flushed at once at t=0.95 (second 0); the period now counts from second 0
        advanceTo(1.5);
        read(stream);
        advanceTo(1.95);
        assertThat(flushed()).containsExactly(0L);
        advanceTo(2.0); // second 2: two whole seconds after second 0, only 1.05 s after the last flush
        assertThat(flushed()).containsExactly(0L, 1L);
        assertThat(flushSeconds()).containsExactly(0L, 2L);
        stream.close();
    }

    @Test
    void aPeriodUnderOneSecondActsLikeOneSecond() { // C2
        ConsumerStream stream = auto(Duration.ofMillis(300));
        read(stream);
        advanceTo(0.5);
        read(stream);
        advanceTo(0.95);
        assertThat(flushed()).containsExactly(0L);
        advanceTo(1.0);
        assertThat(flushed()).containsExactly(0L, 1L);
        stream.close();
    }

    @Test
    void aZeroPeriodFlushesEveryRecord() { // C2
        ConsumerStream stream = auto(Duration.ZERO);
        readN(stream, 3);
        assertThat(flushed()).containsExactly(0L, 1L, 2L);
        stream.close();
    }

    @Test
    void unchangedOffsetsAreNotSentAgain() { // C7
        ConsumerStream stream = auto(Duration.ofSeconds(1));
        readN(stream, 2);
        advanceTo(10);
        assertThat(flushed()).containsExactly(0L, 1L);
        stream.close();
        assertThat(flushed()).containsExactly(0L, 1L);
    }

    @Test
    void automaticFlushErrorsAreSwallowedAndRetriedOnlyForANewerOffset() { // C8
        broker.faults().failNext(BrokerApi.UPDATE_CONSUMER_OFFSET, ErrorCode.SPU_OFFLINE);
        ConsumerStream stream = auto(Duration.ofSeconds(1));
        read(stream); // its flush is refused, yet counted as flushed
        advanceTo(5);
        assertThat(flushed()).isEmpty();
        read(stream);
        advanceTo(6);
        assertThat(flushed()).containsExactly(1L);
        stream.close();
    }

    @Test
    void closeIgnoresAFailingLastFlush() { // C6, C8
        ConsumerStream stream = auto(Duration.ofSeconds(100));
        readN(stream, 3);
        broker.faults().failNext(BrokerApi.UPDATE_CONSUMER_OFFSET, ErrorCode.SPU_OFFLINE);
        stream.close();
        assertThat(fluvio.consumerOffsets()).extracting(ConsumerOffset::offset).containsExactly(0L);
    }

    @Test
    void explicitFlushWaitsAndWrapsFailuresInOther() { // C9
        ConsumerStream stream = auto(Duration.ofSeconds(100));
        readN(stream, 2);
        broker.faults().failNext(BrokerApi.UPDATE_CONSUMER_OFFSET, ErrorCode.SPU_OFFLINE);
        assertThatThrownBy(stream::offsetFlush).isInstanceOfSatisfying(FluvioException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.OTHER);
            assertThat(e).hasMessage("Other error: the SPU is offline");
        });
        stream.offsetCommit();
        stream.offsetFlush();
        assertThat(flushed()).containsExactly(0L, 1L);
        stream.close();
    }

    @Test
    void explicitFlushRestartsThePeriod() { // C9
        advanceTo(0.05); // so that background ticks fall at x.x5 s and never on the whole second
        ConsumerStream stream = auto(Duration.ofSeconds(2));
        read(stream); // flushed at once, period from second 0
        advanceTo(1.5);
        read(stream);
        stream.offsetFlush(); // period from second 1
        advanceTo(2.0);
        read(stream); // two seconds after second 0 but one after second 1: no flush
        assertThat(flushed()).containsExactly(0L, 1L);
        stream.close();
    }

    @Test
    void brokenConnectionFailsTheWaitingFlushThenClosesTheChannel() { // C10
        ConsumerStream stream = auto(Duration.ofSeconds(100));
        readN(stream, 2);
        broker.dropConnections();
        assertThatThrownBy(stream::offsetFlush)
                .hasMessage("Other error: offset flush error: Socket is stale");
        stream.offsetCommit();
        assertThatThrownBy(stream::offsetFlush).hasMessage("Other error: Other error: sending into a closed channel");
        stream.close();
    }

    @Test
    void closingStopsTheBackgroundCheck() {
        ConsumerStream stream = auto(Duration.ofSeconds(1));
        read(stream);
        stream.close();
        assertThat(broker.virtualClock().pendingTasks()).isZero();
    }
}
