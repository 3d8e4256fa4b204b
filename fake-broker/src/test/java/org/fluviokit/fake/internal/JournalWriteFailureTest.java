package org.fluviokit.fake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fluviokit.fake.BrokerException;
import org.fluviokit.fake.ConsumerOffsetEntry;
import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.VirtualClock;
import org.fluviokit.protocol.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Journal before memory: a change becomes visible only once its journal entry is written, so a
 * write that fails (a full disk, injected here after part of the entry reached the file) fails the
 * request with the error an SPU answers, and leaves neither the memory nor the file changed.
 */
class JournalWriteFailureTest {

    @TempDir
    Path dataDir;

    private final List<String> notices = new ArrayList<>();

    private FakeBroker open() {
        return FakeBroker.builder().dataDirectory(dataDir).journalNotices(notices::add)
                .clock(VirtualClock.startingAt(Instant.ofEpochSecond(1_000))).build();
    }

    private Path journal() {
        return dataDir.resolve(JournalFixtures.FILE_NAME);
    }

    private static List<ProducedRecord> records(String... values) {
        return java.util.Arrays.stream(values)
                .map(value -> new ProducedRecord(null, value.getBytes(StandardCharsets.UTF_8), -1)).toList();
    }

    private static List<String> values(BrokerConnection connection, String topic) {
        List<String> values = new ArrayList<>();
        for (StoredBatch batch : connection.openStream(topic, 0, 0, 1 << 20, null).poll().batches()) {
            for (int i = 0; i < batch.recordCount(); i++) {
                values.add(new String(batch.value(i), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    @Test
    void aProduceWhoseJournalWriteFailsIsRefusedWithStorageErrorAndNothingOfItIsReadable() throws IOException {
        try (FakeBroker broker = open()) {
            broker.createTopic("t", 1);
            BrokerConnection connection = BrokerEngine.of(broker).connect();
            connection.produce("t", 0, records("a"));
            long before = Files.size(journal());
            JournalFixtures.failNextJournalWrite(broker, 10, false);

            assertThatThrownBy(() -> connection.produce("t", 0, records("b", "c")))
                    .isInstanceOfSatisfying(BrokerException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_ERROR);
                        assertThat(e.getCause()).hasMessageContaining("Input/output error");
                    });
            assertThat(broker.topic("t").orElseThrow().partitions().get(0).highWatermark()).isEqualTo(1);
            assertThat(connection.fetchOffsets("t", 0).lastStableOffset()).isEqualTo(1);
            assertThat(values(connection, "t")).containsExactly("a");
            assertThat(Files.size(journal())).as("the 10 bytes that reached the file are cut off again").isEqualTo(before);

            // the next write takes the offset the failed one did not
            assertThat(connection.produce("t", 0, records("d"))).isEqualTo(1);
        }
        try (FakeBroker restarted = open()) {
            assertThat(values(BrokerEngine.of(restarted).connect(), "t")).containsExactly("a", "d");
        }
        assertThat(notices).as("nothing torn to cut").isEmpty();
    }

    @Test
    void aProduceOnAFullDiskIsRefusedWithPartitionFullAsAnSpuAnswersIt() {
        try (FakeBroker broker = open()) {
            broker.createTopic("t", 2);
            BrokerConnection connection = BrokerEngine.of(broker).connect();
            JournalFixtures.failNextJournalWrite(broker, 4, false, "No space left on device");

            assertThatThrownBy(() -> connection.produce("t", 1, records("a")))
                    .isInstanceOfSatisfying(BrokerException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.PARTITION_FULL);
                        assertThat(e.error().fields()).containsExactly("t", 1L);
                    });
            assertThat(connection.fetchOffsets("t", 1).lastStableOffset()).isZero();
        }
    }

    @Test
    void aConsumerOffsetWhoseJournalWriteFailsIsRefusedAndTheStoredOneStays() {
        try (FakeBroker broker = open()) {
            broker.createTopic("t", 1);
            BrokerConnection connection = BrokerEngine.of(broker).connect();
            StreamSession stream = connection.openStream("t", 0, 0, 1000, "c1");
            connection.updateConsumerOffset(stream.id(), 4);
            JournalFixtures.failNextJournalWrite(broker, 3, false);

            // An SPU answers a failed store with Other and the reason.
            assertThatThrownBy(() -> connection.updateConsumerOffset(stream.id(), 9))
                    .isInstanceOfSatisfying(BrokerException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.OTHER);
                        assertThat(e.getMessage()).startsWith("Other error: cannot write the broker journal ")
                                .endsWith("writing an entry failed: Input/output error");
                    });
            assertThat(broker.consumerOffsets()).extracting(ConsumerOffsetEntry::offset).containsExactly(4L);
            assertThat(broker.consumerOffsetUpdates()).extracting(ConsumerOffsetEntry::offset).containsExactly(4L);
        }
        try (FakeBroker restarted = open()) {
            assertThat(restarted.consumerOffsets()).extracting(ConsumerOffsetEntry::offset).containsExactly(4L);
        }
    }

    @Test
    void aConsumerOffsetDeletionWhoseJournalWriteFailsKeepsTheOffset() {
        try (FakeBroker broker = open()) {
            broker.createTopic("t", 1);
            BrokerConnection connection = BrokerEngine.of(broker).connect();
            connection.updateConsumerOffset(connection.openStream("t", 0, 0, 1000, "c1").id(), 4);
            JournalFixtures.failNextJournalWrite(broker, 0, false);

            assertThatThrownBy(() -> connection.deleteConsumerOffset(new ReplicaKey("t", 0), "c1"))
                    .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.getMessage())
                            .startsWith("Other error: unable to delete consumer: cannot write the broker journal"));
            assertThat(connection.fetchConsumerOffsets(Optional.empty(), Optional.of("c1"))).hasSize(1);
        }
    }

    @Test
    void aTopicWhoseJournalWriteFailsIsNotCreated() {
        try (FakeBroker broker = open()) {
            JournalFixtures.failNextJournalWrite(broker, 7, false);

            // A real SC answers TopicError with the reason when it cannot store a topic.
            assertThatThrownBy(() -> broker.createTopic("t", 1))
                    .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOPIC_ERROR))
                    .hasMessageContaining("Input/output error");
            assertThat(broker.topic("t")).isEmpty();
            broker.createTopic("t", 1);
        }
        try (FakeBroker restarted = open()) {
            assertThat(restarted.topic("t")).isPresent();
        }
    }

    @Test
    void aTopicDeletionWhoseJournalWriteFailsKeepsTheTopicAndItsRecords() {
        try (FakeBroker broker = open()) {
            broker.createTopic("t", 1);
            BrokerEngine.of(broker).connect().produce("t", 0, records("a"));
            JournalFixtures.failNextJournalWrite(broker, 1, false);

            assertThatThrownBy(() -> broker.deleteTopic("t")).isInstanceOf(BrokerException.class);
            assertThat(values(BrokerEngine.of(broker).connect(), "t")).containsExactly("a");
        }
    }

    @Test
    void anEvictionWhoseJournalWriteFailsKeepsTheRecords() {
        try (FakeBroker broker = open()) {
            broker.createTopic("t", 1);
            BrokerConnection connection = BrokerEngine.of(broker).connect();
            connection.produce("t", 0, records("a"));
            connection.produce("t", 0, records("b"));
            JournalFixtures.failNextJournalWrite(broker, 2, false);

            assertThatThrownBy(() -> broker.evictRecords("t", 0, 1))
                    .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_ERROR));
            assertThat(connection.fetchOffsets("t", 0).logStartOffset()).isZero();
            assertThat(values(connection, "t")).containsExactly("a", "b");
        }
    }

    @Test
    void aFailureThatCannotBeCutOffStopsEveryWriteAndTheNextStartCutsItAsATornEntry() throws IOException {
        long intact;
        try (FakeBroker broker = open()) {
            broker.createTopic("t", 1);
            BrokerConnection connection = BrokerEngine.of(broker).connect();
            connection.produce("t", 0, records("a"));
            intact = Files.size(journal());
            // header, kind, topic and partition: enough for the notice to name the partition
            JournalFixtures.failNextJournalWrite(broker, 20, true);

            assertThatThrownBy(() -> connection.produce("t", 0, records("b"))).isInstanceOf(BrokerException.class);
            // Nothing may follow the partial entry, or it would stop being a torn last entry.
            assertThatThrownBy(() -> connection.produce("t", 0, records("c")))
                    .isInstanceOfSatisfying(BrokerException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_ERROR);
                        assertThat(e.getCause()).hasMessageContaining("takes no more writes");
                    });
            assertThat(values(connection, "t")).containsExactly("a");
            assertThat(Files.size(journal())).isEqualTo(intact + 20);
        }
        try (FakeBroker restarted = open()) {
            assertThat(values(BrokerEngine.of(restarted).connect(), "t")).containsExactly("a");
        }
        assertThat(notices).singleElement().asString().contains("20 bytes at byte " + intact + " (a batch of t-0, 8 of its ");
    }
}
