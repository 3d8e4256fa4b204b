package org.fluviokit.fake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.fluviokit.fake.ConsumerOffsetEntry;
import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.TopicConfig;
import org.fluviokit.fake.TopicInfo;
import org.fluviokit.fake.VirtualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broker with a data directory keeps what it acknowledged across a new broker on the same directory (K4). */
class JournalTest {

    @TempDir
    Path dataDir;

    private FakeBroker open() {
        return FakeBroker.builder().dataDirectory(dataDir).clock(VirtualClock.startingAt(Instant.ofEpochSecond(1_000)))
                .build();
    }

    private static List<ProducedRecord> records(String... values) {
        return java.util.Arrays.stream(values)
                .map(v -> new ProducedRecord(v.equals("keyed") ? new byte[] {1, 2} : null,
                        v.getBytes(StandardCharsets.UTF_8), 42L))
                .toList();
    }

    @Test
    void topicsRecordsAndOffsetsSurviveANewBrokerOnTheSameDirectory() {
        FakeBroker first = open();
        first.createTopic("kept", TopicConfig.partitions(2).withRetention(java.time.Duration.ofHours(1)));
        first.createTopic("gone", 1);
        BrokerConnection connection = BrokerEngine.of(first).connect();
        connection.produce("kept", 1, records("a", "keyed"));
        connection.produce("kept", 1, records("c"));
        StreamSession session = connection.openStream("kept", 1, 0, 1000, "c1");
        connection.updateConsumerOffset(session.id(), 1);
        connection.updateConsumerOffset(connection.openStream("gone", 0, 0, 1000, "c1").id(), 0);
        connection.updateConsumerOffset(connection.openStream("kept", 0, 0, 1000, "c2").id(), 5);
        connection.deleteConsumerOffset(new ReplicaKey("kept", 0), "c2");
        first.deleteTopic("gone");
        // close() writes nothing, so the file is what kill -9 would leave; it frees the directory's lock.
        first.close();

        FakeBroker second = open();
        TopicInfo kept = second.topic("kept").orElseThrow();
        assertThat(kept.config().partitions()).isEqualTo(2);
        assertThat(kept.config().retention()).contains(java.time.Duration.ofHours(1));
        assertThat(second.topic("gone")).isEmpty();
        FetchResult read = BrokerEngine.of(second).connect().openStream("kept", 1, 0, 1000, null).poll();
        assertThat(read.batches()).extracting(StoredBatch::baseOffset).containsExactly(0L, 2L);
        StoredBatch firstBatch = read.batches().get(0);
        assertThat(new String(firstBatch.value(1), StandardCharsets.UTF_8)).isEqualTo("keyed");
        assertThat(firstBatch.key(1)).containsExactly(1, 2);
        assertThat(firstBatch.key(0)).isNull();
        assertThat(firstBatch.timestamp(0)).isEqualTo(42L);
        assertThat(second.consumerOffsets()).containsExactly(new ConsumerOffsetEntry("c1", "kept", 1, 1, 1_000));
        // and it keeps journaling
        BrokerEngine.of(second).connect().produce("kept", 1, records("d"));
        second.close();
        FakeBroker third = open();
        assertThat(third.topic("kept").orElseThrow().partitions().get(1).highWatermark()).isEqualTo(4);
    }

    @Test
    void forcedDeletionOfTheSystemTopicIsReplayed() {
        FakeBroker first = open();
        first.createTopic("t", 1);
        BrokerConnection connection = BrokerEngine.of(first).connect();
        connection.updateConsumerOffset(connection.openStream("t", 0, 0, 1000, "c").id(), 3);
        first.deleteTopic(FakeBroker.CONSUMER_OFFSET_TOPIC, true);
        first.close();

        FakeBroker second = open();
        assertThat(second.topic(FakeBroker.CONSUMER_OFFSET_TOPIC)).isPresent();
        assertThat(BrokerEngine.of(second).connect().fetchConsumerOffsets(Optional.empty(), Optional.empty()))
                .extracting(ConsumerOffsetEntry::offset).containsExactly(3L);
    }
}
