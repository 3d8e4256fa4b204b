package org.fluviokit.fake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.fluviokit.fake.ConsumerOffsetEntry;
import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.TopicConfig;
import org.fluviokit.fake.TopicInfo;
import org.fluviokit.fake.VirtualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal stays proportional to what is stored: deleted topics, evicted records and
 * overwritten consumer offsets are rewritten away once they are half the file, and a rewritten
 * journal replays to the very state it was written from.
 */
class JournalCompactionTest {

    private static final long MIN_GARBAGE = 16 * 1024;

    @TempDir
    Path dataDir;

    private final List<String> notices = new ArrayList<>();
    private final VirtualClock clock = VirtualClock.startingAt(Instant.ofEpochSecond(1_000));

    private BrokerEngine open(long minGarbage) {
        return new BrokerEngine(clock, 1, FakeBroker.DEFAULT_MAX_BATCH_BYTES,
                new JournalSettings(dataDir, false, false, minGarbage, notices::add));
    }

    private BrokerEngine open() {
        return open(MIN_GARBAGE);
    }

    private long journalSize() throws IOException {
        return Files.size(dataDir.resolve(JournalFixtures.FILE_NAME));
    }

    private static List<ProducedRecord> kilobytes(int records, String tag) {
        List<ProducedRecord> batch = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            byte[] value = new byte[1024];
            Arrays.fill(value, (byte) tag.charAt(0));
            batch.add(new ProducedRecord(tag.getBytes(StandardCharsets.UTF_8), value, 1_000L + i));
        }
        return batch;
    }

    /** What the journal would hold right now if rewritten: the bound is twice that plus the minimum. */
    private void assertProportionalToWhatIsStored(BrokerEngine engine) throws IOException {
        long size = journalSize();
        engine.compactJournalNow();
        long live = journalSize();
        assertThat(size).as("journal of %d bytes holding %d bytes' worth", size, live).isLessThanOrEqualTo(2 * live + MIN_GARBAGE);
    }

    @Test
    void overwrittenConsumerOffsetsDoNotAccumulate() throws IOException {
        try (BrokerEngine engine = open()) {
            engine.createTopic("t", 1);
            BrokerConnection connection = engine.connect();
            StreamSession stream = connection.openStream("t", 0, 0, 1000, "c1");
            for (int offset = 0; offset < 20_000; offset++) {
                connection.updateConsumerOffset(stream.id(), offset);
            }
            // 20 000 entries of about 40 bytes were written
            assertThat(journalSize()).isLessThan(3 * MIN_GARBAGE);
            assertProportionalToWhatIsStored(engine);
        }
        try (BrokerEngine engine = open()) {
            assertThat(engine.consumerOffsets()).extracting(ConsumerOffsetEntry::offset).containsExactly(19_999L);
        }
    }

    @Test
    void deletedTopicsDoNotAccumulate() throws IOException {
        try (BrokerEngine engine = open()) {
            engine.createTopic("kept", 1);
            BrokerConnection connection = engine.connect();
            connection.produce("kept", 0, kilobytes(5, "k"));
            for (int round = 0; round < 40; round++) {
                engine.createTopic("churn", 2);
                connection.produce("churn", 1, kilobytes(20, "c"));
                connection.updateConsumerOffset(connection.openStream("churn", 1, 0, 1000, "c1").id(), 19);
                engine.deleteTopic("churn");
            }
            // 40 rounds wrote 800 KiB of records
            assertThat(journalSize()).isLessThan(2 * 6 * 1024 + MIN_GARBAGE + 1024);
            assertProportionalToWhatIsStored(engine);
        }
        try (BrokerEngine engine = open()) {
            assertThat(engine.topic("churn")).isEmpty();
            assertThat(engine.topic("kept").orElseThrow().partitions().get(0).highWatermark()).isEqualTo(5);
            assertThat(engine.consumerOffsets()).isEmpty();
        }
    }

    @Test
    void evictedRecordsDoNotAccumulateAndTheLogStartSurvives() throws IOException {
        try (BrokerEngine engine = open()) {
            engine.createTopic("t", 1);
            BrokerConnection connection = engine.connect();
            for (int batch = 0; batch < 500; batch++) {
                connection.produce("t", 0, kilobytes(2, "r"));
                engine.evictRecords("t", 0, (long) batch * 2 - 10);
            }
            assertThat(journalSize()).isLessThan(2 * 12 * 1100 + MIN_GARBAGE);
            assertProportionalToWhatIsStored(engine);
        }
        try (BrokerEngine engine = open()) {
            TopicInfo.PartitionInfo partition = engine.topic("t").orElseThrow().partitions().get(0);
            assertThat(partition.logStartOffset()).isEqualTo(988);
            assertThat(partition.highWatermark()).isEqualTo(1000);
        }
    }

    @Test
    void aRewrittenJournalReplaysToTheStateItWasWrittenFrom() {
        List<String> before;
        try (BrokerEngine engine = open(Long.MAX_VALUE)) {
            engine.createTopic("orders", TopicConfig.partitions(3).withRetention(Duration.ofHours(2)));
            engine.createTopic("emptied", 1);
            engine.createTopic("gone", 1);
            BrokerConnection connection = engine.connect();
            connection.produce("orders", 0, List.of(new ProducedRecord(null, bytes("a"), -1),
                    new ProducedRecord(bytes("k"), bytes("b"), 42)));
            connection.produce("orders", 0, List.of(new ProducedRecord(bytes(""), bytes(""), 43)));
            connection.produce("orders", 2, kilobytes(3, "x"));
            connection.produce("emptied", 0, kilobytes(4, "e"));
            engine.evictRecords("emptied", 0, 4);
            connection.produce("gone", 0, kilobytes(1, "g"));
            connection.updateConsumerOffset(connection.openStream("orders", 2, 0, 1000, "z-last").id(), 1);
            clock.advance(Duration.ofSeconds(5));
            connection.updateConsumerOffset(connection.openStream("orders", 0, 0, 1000, "a-first").id(), 2);
            connection.updateConsumerOffset(connection.openStream("gone", 0, 0, 1000, "a-first").id(), 0);
            engine.deleteTopic("gone");
            before = state(engine);
            engine.compactJournalNow();
            assertThat(state(engine)).isEqualTo(before);
        }
        try (BrokerEngine engine = open(Long.MAX_VALUE)) {
            assertThat(state(engine)).isEqualTo(before);
        }
        assertThat(notices).isEmpty();
    }

    @Test
    void aStartCompactsAJournalThatGrewWithoutCompaction() throws IOException {
        try (BrokerEngine engine = open(Long.MAX_VALUE)) {
            engine.createTopic("t", 1);
            BrokerConnection connection = engine.connect();
            StreamSession stream = connection.openStream("t", 0, 0, 1000, "c1");
            for (int offset = 0; offset < 5_000; offset++) {
                connection.updateConsumerOffset(stream.id(), offset);
            }
        }
        long grown = journalSize();
        try (BrokerEngine engine = open()) {
            assertThat(engine.consumerOffsets()).extracting(ConsumerOffsetEntry::offset).containsExactly(4_999L);
        }
        assertThat(journalSize()).isLessThan(grown / 100);
        assertThat(notices).singleElement().asString().isEqualTo("compacted " + dataDir.resolve(JournalFixtures.FILE_NAME)
                .toAbsolutePath() + ": " + grown + " -> " + journalSize() + " bytes");
    }

    @Test
    void aCompactionThatCannotWriteLeavesTheJournalTakingWrites() throws IOException {
        Path blocked = dataDir.resolve(JournalFixtures.FILE_NAME + ".compacting");
        try (BrokerEngine engine = open()) {
            engine.createTopic("t", 1);
            BrokerConnection connection = engine.connect();
            StreamSession stream = connection.openStream("t", 0, 0, 1000, "c1");
            // a directory where the new journal would be written: the rewrite fails, the writes go on
            Files.createDirectories(blocked.resolve("in-the-way"));
            for (int offset = 0; offset < 2_000; offset++) {
                connection.updateConsumerOffset(stream.id(), offset);
            }
            connection.produce("t", 0, kilobytes(1, "a"));
            assertThat(notices).isNotEmpty().allSatisfy(notice -> assertThat(notice)
                    .startsWith("cannot compact the journal ").endsWith("; it is unchanged"));
            // a failed rewrite waits for more garbage before the next attempt
            assertThat(notices.size()).isLessThan(10);
        }
        Files.delete(blocked.resolve("in-the-way"));
        Files.delete(blocked);
        try (BrokerEngine engine = open()) {
            assertThat(engine.consumerOffsets()).extracting(ConsumerOffsetEntry::offset).containsExactly(1_999L);
            assertThat(engine.topic("t").orElseThrow().partitions().get(0).highWatermark()).isEqualTo(1);
        }
    }

    /** Topics with their configuration and partitions, every record with key, timestamp and batch, every offset in order. */
    private static List<String> state(BrokerEngine engine) {
        List<String> lines = new ArrayList<>();
        for (TopicInfo topic : engine.listTopics()) {
            lines.add(topic.name() + " " + topic.config());
            for (TopicInfo.PartitionInfo partition : topic.partitions()) {
                lines.add("  " + partition);
                FetchResult read = engine.connect().openStream(topic.name(), partition.partition(), partition.logStartOffset(),
                        Integer.MAX_VALUE, null).poll();
                for (StoredBatch batch : read.batches()) {
                    StringBuilder line = new StringBuilder("    batch " + batch.baseOffset() + ":");
                    for (int i = 0; i < batch.recordCount(); i++) {
                        line.append(' ').append(batch.key(i) == null ? "-" : new String(batch.key(i), StandardCharsets.UTF_8))
                                .append('=').append(Arrays.hashCode(batch.value(i))).append('@').append(batch.timestamp(i));
                    }
                    lines.add(line.toString());
                }
            }
        }
        engine.connect().fetchConsumerOffsets(Optional.empty(), Optional.empty()).forEach(entry -> lines.add(entry.toString()));
        return lines;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
