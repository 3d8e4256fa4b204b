package org.fluviokit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.fluviokit.fake.internal.BrokerConnection;
import org.fluviokit.fake.internal.BrokerEngine;
import org.fluviokit.fake.internal.ConnectionClosedException;
import org.fluviokit.fake.internal.ConnectionDroppedException;
import org.fluviokit.fake.internal.FetchResult;
import org.fluviokit.fake.internal.PartitionOffsets;
import org.fluviokit.fake.internal.ProducedRecord;
import org.fluviokit.fake.internal.ReplicaKey;
import org.fluviokit.fake.internal.StoredBatch;
import org.fluviokit.fake.internal.StreamSession;
import org.fluviokit.protocol.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What the broker stores and answers (the [srv] behaviours of spec groups G, J and K). */
class FakeBrokerTest {

    private static final Instant START = Instant.parse("2025-01-01T00:00:00.250Z");

    private final FakeBroker broker = FakeBroker.builder().clock(VirtualClock.startingAt(START)).build();
    private final BrokerConnection connection = BrokerEngine.of(broker).connect();

    @AfterEach
    void close() {
        broker.close();
    }

    private static List<ProducedRecord> records(String... values) {
        return java.util.Arrays.stream(values)
                .map(v -> new ProducedRecord(null, v.getBytes(StandardCharsets.UTF_8), 1L))
                .toList();
    }

    private List<ConsumerOffsetEntry> offsetsOf(String consumer) {
        return connection.fetchConsumerOffsets(Optional.empty(), Optional.of(consumer));
    }

    @Nested
    class Logs {

        @Test
        void produceReturnsTheOffsetOfTheFirstRecordOfEachBatch() {
            broker.createTopic("t", 1);
            assertThat(connection.produce("t", 0, records("a", "b"))).isZero();
            assertThat(connection.produce("t", 0, records("c"))).isEqualTo(2);
            assertThat(connection.fetchOffsets("t", 0)).isEqualTo(new PartitionOffsets(0, 3)); // G6
        }

        @Test
        void streamHandsOutEachBatchOnceStartingWithTheBatchThatHoldsTheFetchOffset() {
            broker.createTopic("t", 1);
            connection.produce("t", 0, records("a", "b", "c"));
            connection.produce("t", 0, records("d"));
            StreamSession session = connection.openStream("t", 0, 1, 1_000_000, null);

            FetchResult first = session.poll();
            assertThat(first.batches()).extracting(StoredBatch::baseOffset).containsExactly(0L, 3L);
            assertThat(first.highWatermark()).isEqualTo(4);
            assertThat(session.poll().batches()).isEmpty();

            connection.produce("t", 0, records("e"));
            assertThat(session.poll().batches()).extracting(StoredBatch::baseOffset).containsExactly(4L);
        }

        @Test
        void streamNotifiesItsListenerWhenRecordsArrive() {
            broker.createTopic("t", 1);
            StreamSession session = connection.openStream("t", 0, 0, 1_000_000, null);
            int[] signals = new int[1];
            session.onAvailable(() -> signals[0]++);
            int before = signals[0];
            connection.produce("t", 0, records("a"));
            assertThat(signals[0]).isGreaterThan(before);
        }

        @Test
        void streamStartingBeyondTheLogEndFailsOnItsFirstPoll() { // A6
            broker.createTopic("t", 1);
            connection.produce("t", 0, records("a", "b", "c", "d", "e"));
            StreamSession session = connection.openStream("t", 0, 100, 1_000_000, null);
            assertThatThrownBy(session::poll).isInstanceOf(BrokerException.class)
                    .hasMessage("Other error: start offset: 100 is greater than leo: 5");
        }

        @Test
        void evictionDropsWholeBatchesAndMovesTheLogStart() {
            broker.createTopic("t", 1);
            connection.produce("t", 0, records("a", "b"));
            connection.produce("t", 0, records("c"));
            connection.produce("t", 0, records("d"));

            assertThat(broker.evictRecords("t", 0, 1)).isZero(); // batch [0,1] holds offset 1: it stays
            assertThat(broker.evictRecords("t", 0, 2)).isEqualTo(2); // batch [0,1] goes, [2] stays
            assertThat(connection.fetchOffsets("t", 0)).isEqualTo(new PartitionOffsets(2, 4));
            StreamSession evicted = connection.openStream("t", 0, 0, 1_000_000, null);
            assertThatThrownBy(evicted::poll).isInstanceOfSatisfying(BrokerException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.OFFSET_EVICTED);
                assertThat(e.error().fields()).containsExactly(0L, 2L);
            });
        }

        @Test
        void maxBytesLimitsABatchListButNeverBelowOneBatch() {
            broker.createTopic("t", 1);
            connection.produce("t", 0, records("aaaaaaaaaa"));
            connection.produce("t", 0, records("bbbbbbbbbb"));
            StreamSession session = connection.openStream("t", 0, 0, 10, null);
            assertThat(session.poll().batches()).hasSize(1);
            assertThat(session.poll().batches()).hasSize(1);
        }

        @Test
        void produceToAnUnknownPartitionIsNotLeaderForPartition() {
            broker.createTopic("t", 1);
            assertThatThrownBy(() -> connection.produce("t", 1, records("a")))
                    .isInstanceOfSatisfying(BrokerException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_LEADER_FOR_PARTITION));
            assertThatThrownBy(() -> connection.produce("nope", 0, records("a")))
                    .isInstanceOfSatisfying(BrokerException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_LEADER_FOR_PARTITION));
            assertThatThrownBy(() -> connection.fetchOffsets("nope", 0))
                    .isInstanceOfSatisfying(BrokerException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.PARTITION_NOT_LEADER));
        }

        @Test
        void batchAboveTheLimitIsMessageTooLargeAndNothingIsStored() {
            FakeBroker small = FakeBroker.builder().maxBatchBytes(100).build();
            small.createTopic("t", 1);
            BrokerConnection c = BrokerEngine.of(small).connect();
            assertThatThrownBy(() -> c.produce("t", 0, List.of(new ProducedRecord(null, new byte[200], 1))))
                    .isInstanceOfSatisfying(BrokerException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.MESSAGE_TOO_LARGE));
            assertThat(c.fetchOffsets("t", 0).lastStableOffset()).isZero();
            small.close();
        }
    }

    @Nested
    class ConsumerOffsets {

        @Test
        void updateStoresUnderTheStreamsTopicPartitionAndConsumerStampedInSeconds() { // G1, G2
            broker.createTopic("t", 2);
            StreamSession session = connection.openStream("t", 1, 0, 1_000_000, "c1");
            broker.advanceClock(Duration.ofMillis(1900));

            assertThat(connection.updateConsumerOffset(session.id(), 7)).isEqualTo(7);

            assertThat(offsetsOf("c1")).containsExactly(
                    new ConsumerOffsetEntry("c1", "t", 1, 7, START.getEpochSecond() + 2));
        }

        @Test
        void streamIdsCountFromOnePerConnection() {
            broker.createTopic("t", 1);
            assertThat(connection.openStream("t", 0, 0, 1000, null).id()).isEqualTo(1);
            assertThat(connection.openStream("t", 0, 0, 1000, null).id()).isEqualTo(2);
            assertThat(BrokerEngine.of(broker).connect().openStream("t", 0, 0, 1000, null).id()).isEqualTo(1);
        }

        @Test
        void updateThroughAnotherConnectionOrUnknownStreamIsFetchSessionNotFound() { // G1
            broker.createTopic("t", 1);
            StreamSession session = connection.openStream("t", 0, 0, 1000, "c1");
            BrokerConnection other = BrokerEngine.of(broker).connect();
            other.openStream("t", 0, 0, 1000, null);
            assertThatThrownBy(() -> connection.updateConsumerOffset(99, 1))
                    .isInstanceOfSatisfying(BrokerException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.FETCH_SESSION_NOT_FOUND));
            assertThatThrownBy(() -> other.updateConsumerOffset(session.id() + 5, 1))
                    .isInstanceOf(BrokerException.class);
            assertThat(broker.consumerOffsets()).isEmpty();
        }

        @Test
        void updateOnAStreamWithoutConsumerIdIsRefused() { // G1
            broker.createTopic("t", 1);
            StreamSession session = connection.openStream("t", 0, 0, 1000, null);
            assertThatThrownBy(() -> connection.updateConsumerOffset(session.id(), 1))
                    .isInstanceOfSatisfying(BrokerException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.OTHER);
                        assertThat(e).hasMessage("Other error: stream without consumer id");
                    });
        }

        @Test
        void lastWriteWinsWithoutValidation() { // G2
            broker.createTopic("t", 1);
            StreamSession session = connection.openStream("t", 0, 0, 1000, "c1");
            connection.updateConsumerOffset(session.id(), 10);
            connection.updateConsumerOffset(session.id(), 2);
            assertThat(offsetsOf("c1")).extracting(ConsumerOffsetEntry::offset).containsExactly(2L);
            connection.updateConsumerOffset(session.id(), 1_000);
            connection.updateConsumerOffset(session.id(), -1);
            assertThat(offsetsOf("c1")).extracting(ConsumerOffsetEntry::offset).containsExactly(-1L);
        }

        @Test
        void filtersMatchExactlyAndTogether() { // G3, F6
            broker.createTopic("t", 2);
            broker.createTopic("u", 1);
            store("c1", "t", 0, 1);
            store("c1", "t", 1, 2);
            store("c1", "u", 0, 3);
            store("C1", "t", 0, 4);

            assertThat(connection.fetchConsumerOffsets(Optional.empty(), Optional.empty())).hasSize(4);
            assertThat(connection.fetchConsumerOffsets(Optional.of(new ReplicaKey("t", 0)), Optional.of("c1")))
                    .extracting(ConsumerOffsetEntry::offset).containsExactly(1L);
            assertThat(connection.fetchConsumerOffsets(Optional.of(new ReplicaKey("t", 0)), Optional.empty()))
                    .extracting(ConsumerOffsetEntry::offset).containsExactlyInAnyOrder(1L, 4L);
            assertThat(connection.fetchConsumerOffsets(Optional.empty(), Optional.of("c1")))
                    .extracting(ConsumerOffsetEntry::offset).containsExactlyInAnyOrder(1L, 2L, 3L);
        }

        @Test
        void deletingAnAbsentEntrySucceeds() { // G4
            broker.createTopic("t", 1);
            connection.deleteConsumerOffset(new ReplicaKey("t", 0), "nobody");
            connection.deleteConsumerOffset(new ReplicaKey("no-such-topic", 3), "nobody");
            assertThat(broker.consumerOffsets()).isEmpty();
        }

        @Test
        void streamAcknowledgementNeverTouchesStoredOffsets() { // G7
            broker.createTopic("t", 1);
            connection.produce("t", 0, records("a", "b"));
            StreamSession session = connection.openStream("t", 0, 0, 1000, "c1");
            connection.updateConsumerOffset(session.id(), 0);
            connection.acknowledge(session.id(), 2);
            assertThat(offsetsOf("c1")).extracting(ConsumerOffsetEntry::offset).containsExactly(0L);
            assertThatThrownBy(() -> connection.acknowledge(42, 2)).isInstanceOfSatisfying(BrokerException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.FETCH_SESSION_NOT_FOUND));
        }

        private void store(String consumer, String topic, int partition, long offset) {
            StreamSession session = connection.openStream(topic, partition, 0, 1000, consumer);
            connection.updateConsumerOffset(session.id(), offset);
        }
    }

    @Nested
    class TopicDeletion {

        @Test
        void deletingATopicRemovesItsOffsetsAndNoOthers() { // J1
            broker.createTopic("t", 1);
            broker.createTopic("u", 1);
            connection.updateConsumerOffset(connection.openStream("t", 0, 0, 1000, "x").id(), 3);
            connection.updateConsumerOffset(connection.openStream("u", 0, 0, 1000, "x").id(), 4);

            broker.deleteTopic("t");

            assertThat(broker.consumerOffsets()).extracting(ConsumerOffsetEntry::topic).containsExactly("u");
        }

        @Test
        void recreatedTopicStartsCleanForTheSameConsumer() { // J2
            broker.createTopic("t", 2);
            StreamSession old = connection.openStream("t", 0, 0, 1000, "x");
            connection.updateConsumerOffset(old.id(), 1);
            broker.deleteTopic("t");
            broker.createTopic("t", 2);

            assertThat(broker.consumerOffsets()).isEmpty();
            assertThat(connection.fetchOffsets("t", 0)).isEqualTo(new PartitionOffsets(0, 0));
            // A flush through a stream of the deleted topic must not resurrect its offset.
            assertThatThrownBy(() -> connection.updateConsumerOffset(old.id(), 1)).isInstanceOf(BrokerException.class);
            assertThat(broker.consumerOffsets()).isEmpty();
        }

        @Test
        void streamsOfADeletedTopicFailWithTopicDeleted() {
            broker.createTopic("t", 1);
            StreamSession session = connection.openStream("t", 0, 0, 1000, null);
            broker.deleteTopic("t");
            assertThatThrownBy(session::poll).isInstanceOfSatisfying(BrokerException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.TOPIC_DELETED));
        }

        @Test
        void deletingAnUnknownTopicIsTopicNotFound() {
            assertThatThrownBy(() -> broker.deleteTopic("nope")).isInstanceOfSatisfying(BrokerException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.TOPIC_NOT_FOUND);
                assertThat(e).hasMessage("not found");
            });
        }
    }

    @Nested
    class SystemTopic {

        @Test
        void consumerOffsetTopicExistsFromTheStartAsASystemTopic() { // K1, K2
            TopicInfo topic = broker.topic(FakeBroker.CONSUMER_OFFSET_TOPIC).orElseThrow();
            assertThat(topic.config().system()).isTrue();
            assertThat(topic.config().partitions()).isEqualTo(1);
            assertThat(topic.config().replicationFactor()).isEqualTo(1);
            assertThat(topic.config().retention()).contains(Duration.ofSeconds(604_800));
            assertThat(topic.config().segmentSize()).contains(512_000_000);
            assertThat(topic.config().maxPartitionSize()).contains(2_048_000_000L);
        }

        @Test
        void deletingItNeedsForceAndForcingKeepsTheOffsetsAsARealSpuDoes() { // K3, as seen on a real cluster
            broker.createTopic("t", 1);
            connection.updateConsumerOffset(connection.openStream("t", 0, 0, 1000, "x").id(), 3);

            assertThatThrownBy(() -> broker.deleteTopic(FakeBroker.CONSUMER_OFFSET_TOPIC))
                    .isInstanceOfSatisfying(BrokerException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.SYSTEM_SPEC_DELETION_ATTEMPT);
                        assertThat(e).hasMessage("system topic 'consumer-offset' can only be deleted forcibly");
                    });
            assertThat(broker.consumerOffsets()).hasSize(1);

            broker.deleteTopic(FakeBroker.CONSUMER_OFFSET_TOPIC, true);
            assertThat(broker.consumerOffsets()).extracting(ConsumerOffsetEntry::offset).containsExactly(3L);
            assertThat(broker.topic(FakeBroker.CONSUMER_OFFSET_TOPIC)).isPresent();
        }
    }

    @Nested
    class Restart {

        @Test
        void restartKeepsRecordsAndOffsetsAndDropsConnections() { // K4
            broker.createTopic("t", 1);
            connection.produce("t", 0, records("a", "b"));
            StreamSession session = connection.openStream("t", 0, 0, 1000, "c1");
            connection.updateConsumerOffset(session.id(), 1);

            broker.restart();

            assertThat(connection.isClosed()).isTrue();
            assertThat(session.isClosed()).isTrue();
            assertThatThrownBy(session::poll).isInstanceOf(ConnectionClosedException.class);
            assertThatThrownBy(() -> connection.updateConsumerOffset(session.id(), 5))
                    .isInstanceOf(ConnectionClosedException.class);
            BrokerConnection reconnected = BrokerEngine.of(broker).connect();
            assertThat(reconnected.fetchOffsets("t", 0).lastStableOffset()).isEqualTo(2);
            assertThat(reconnected.fetchConsumerOffsets(Optional.empty(), Optional.of("c1")))
                    .extracting(ConsumerOffsetEntry::offset).containsExactly(1L);
            assertThat(broker.openConnections()).isEqualTo(1);
        }
    }

    @Nested
    class TopicCreation {

        @Test
        void namesFollowFluviosRule() { // L3
            assertThat(org.fluviokit.protocol.TopicNames.isValid("hello-topic-1")).isTrue();
            assertThat(org.fluviokit.protocol.TopicNames.isValid("Hello")).isFalse();
            assertThat(org.fluviokit.protocol.TopicNames.isValid("-a")).isFalse();
            assertThat(org.fluviokit.protocol.TopicNames.isValid("a-")).isFalse();
            assertThat(org.fluviokit.protocol.TopicNames.isValid("a_b")).isFalse();
            assertThat(org.fluviokit.protocol.TopicNames.isValid("a".repeat(63))).isTrue();
            assertThat(org.fluviokit.protocol.TopicNames.isValid("a".repeat(64))).isFalse();
        }

        @Test
        void invalidNameIsRefusedWithTheScMessage() {
            assertThatThrownBy(() -> broker.createTopic("Bad_Name", 1)).isInstanceOfSatisfying(BrokerException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.TOPIC_INVALID_NAME);
                assertThat(e).hasMessage("Invalid topic name: 'Bad_Name'. Contain only lowercase alphanumeric characters or '-'");
            });
            assertThatThrownBy(() -> broker.createTopic("a".repeat(64), 1)).hasMessage(
                    "Invalid topic name: '" + "a".repeat(64) + "'. Name exceeds max characters allowed 63");
            assertThat(broker.listTopics()).extracting(TopicInfo::name).containsExactly(FakeBroker.CONSUMER_OFFSET_TOPIC);
        }

        @Test
        void existingTopicZeroPartitionsAndUnplaceableReplicasAreRefused() {
            broker.createTopic("t", 1);
            assertThatThrownBy(() -> broker.createTopic("t", 3)).isInstanceOfSatisfying(BrokerException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.TOPIC_ALREADY_EXISTS);
                assertThat(e).hasMessage("Topic 't' already exists");
            });
            assertThatThrownBy(() -> broker.createTopic("u", 0)).hasMessage("partition must be greater than 0");
            assertThatThrownBy(() -> broker.createTopic("u", TopicConfig.partitions(1).withReplicationFactor(0)))
                    .hasMessage("replication factor must be greater than 0");
            assertThatThrownBy(() -> broker.createTopic("u", TopicConfig.partitions(2).withReplicationFactor(2)))
                    .isInstanceOfSatisfying(BrokerException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.TOPIC_NOT_PROVISIONED));
            assertThat(broker.topic("t").orElseThrow().partitions()).hasSize(1);
            assertThat(broker.topic("u")).isEmpty();
        }

        @Test
        void dryRunValidatesWithoutCreating() {
            broker.createTopic("t", TopicConfig.partitions(2), true);
            assertThat(broker.topic("t")).isEmpty();
        }

        @Test
        void replicationUpToTheSpuCountIsAccepted() {
            FakeBroker twoSpus = FakeBroker.builder().spuCount(2).build();
            twoSpus.createTopic("t", TopicConfig.partitions(2).withReplicationFactor(2));
            assertThat(twoSpus.spuIds()).containsExactly(5001, 5002);
            twoSpus.close();
        }
    }

    @Nested
    class Faults {

        @Test
        void injectedErrorsAnswerTheNextRequestsOfTheirKindOnly() {
            broker.createTopic("t", 1);
            broker.faults().failNext(BrokerApi.PRODUCE, ErrorCode.SPU_OFFLINE);
            assertThatThrownBy(() -> connection.produce("t", 0, records("a")))
                    .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SPU_OFFLINE));
            assertThat(connection.produce("t", 0, records("a"))).isZero();
            assertThat(broker.faults().pending(BrokerApi.PRODUCE)).isZero();
        }

        @Test
        void aDroppedConnectionClosesInsteadOfServingTheRequest() {
            broker.createTopic("t", 1);
            broker.faults().dropConnectionOnNext(BrokerApi.PRODUCE);
            assertThat(broker.faults().pending(BrokerApi.PRODUCE)).isOne();

            assertThatThrownBy(() -> connection.produce("t", 0, records("a")))
                    .isInstanceOf(ConnectionDroppedException.class).hasMessageContaining("PRODUCE");
            assertThat(connection.isClosed()).isTrue();
            assertThat(broker.topic("t").orElseThrow().partitions().get(0).highWatermark()).isZero();
            assertThatThrownBy(() -> connection.produce("t", 0, records("a")))
                    .isInstanceOf(ConnectionClosedException.class).isNotInstanceOf(ConnectionDroppedException.class);

            assertThat(BrokerEngine.of(broker).connect().produce("t", 0, records("b"))).isZero();
        }
    }
}
