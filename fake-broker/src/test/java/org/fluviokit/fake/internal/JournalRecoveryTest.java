package org.fluviokit.fake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.fluviokit.fake.ConsumerOffsetEntry;
import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.JournalDamagedException;
import org.fluviokit.fake.VirtualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up on a journal a crash or a disk left behind: a torn last entry is cut with one notice;
 * any other damage stops the start and leaves the file byte for byte as it was, unless repair was
 * asked for, which keeps a copy and says exactly what it dropped.
 */
class JournalRecoveryTest {

    @TempDir
    Path dataDir;

    private final List<String> notices = new ArrayList<>();

    private Path journal() {
        return dataDir.resolve(JournalFixtures.FILE_NAME);
    }

    private FakeBroker.Builder builder() {
        return FakeBroker.builder().dataDirectory(dataDir).journalNotices(notices::add)
                .clock(VirtualClock.startingAt(Instant.parse("2026-11-27T10:15:30Z")));
    }

    private FakeBroker open() {
        return builder().build();
    }

    /** Topic t (1 partition) with {@code batches} batches of ten records, and c1's offset stored after each. */
    private void fill(int batches) {
        try (FakeBroker broker = open()) {
            broker.createTopic("t", 1);
            BrokerConnection connection = BrokerEngine.of(broker).connect();
            StreamSession stream = connection.openStream("t", 0, 0, 1000, "c1");
            for (int batch = 0; batch < batches; batch++) {
                List<ProducedRecord> records = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    records.add(new ProducedRecord(null, ("record-" + (batch * 10 + i)).getBytes(StandardCharsets.UTF_8), 7));
                }
                connection.produce("t", 0, records);
                connection.updateConsumerOffset(stream.id(), batch * 10L + 9);
            }
        }
        notices.clear();
    }

    private static long highWatermark(FakeBroker broker) {
        return broker.topic("t").orElseThrow().partitions().get(0).highWatermark();
    }

    private void append(byte[] bytes) throws IOException {
        Files.write(journal(), bytes, StandardOpenOption.APPEND);
    }

    private List<Path> filesBesideTheJournal() throws IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.filter(file -> !file.getFileName().toString().equals(JournalFixtures.FILE_NAME)
                    && !file.getFileName().toString().equals(DataDirectory.LOCK_FILE)).toList();
        }
    }

    // ---------------------------------------------------------------- a torn last entry: cut, one line

    @Test
    void aTornLastBatchIsCutAndOneNoticeSaysWhatWhereAndOfWhichPartition() throws IOException {
        fill(3);
        long intact = Files.size(journal());
        byte[] batch = JournalFixtures.batchEntry("t", 0, 30, "x", "y");
        append(Arrays.copyOf(batch, batch.length - 3)); // the process died 3 bytes short

        try (FakeBroker broker = open()) {
            assertThat(highWatermark(broker)).isEqualTo(30);
            assertThat(broker.consumerOffsets()).extracting(ConsumerOffsetEntry::offset).containsExactly(29L);
        }
        assertThat(notices).singleElement().asString()
                .startsWith("cut a torn last entry off " + journal().toAbsolutePath() + ": " + (batch.length - 3)
                        + " bytes at byte " + intact + " (a batch of t-0 at offsets 30–31, ")
                .endsWith("never acknowledged");
        assertThat(Files.size(journal())).isEqualTo(intact);
    }

    @Test
    void aHeaderCutShortIsATornEntryToo() throws IOException {
        fill(2);
        long intact = Files.size(journal());
        append(Arrays.copyOf(JournalFixtures.batchEntry("t", 0, 20, "x"), 5));

        try (FakeBroker broker = open()) {
            assertThat(highWatermark(broker)).isEqualTo(20);
        }
        assertThat(notices).singleElement().asString().contains("5 bytes at byte " + intact + " (an entry header cut short)");
        assertThat(Files.size(journal())).isEqualTo(intact);
    }

    @Test
    void zeroesAFileSystemLeftAtTheEndAreCut() throws IOException {
        fill(2);
        long intact = Files.size(journal());
        append(new byte[4096]);

        try (FakeBroker broker = open()) {
            assertThat(highWatermark(broker)).isEqualTo(20);
        }
        assertThat(notices).singleElement().asString().startsWith("cut 4096 zero bytes off the end of " + journal().toAbsolutePath()
                + " at byte " + intact);
        assertThat(Files.size(journal())).isEqualTo(intact);
    }

    @Test
    void anIntactJournalStartsWithoutANotice() {
        fill(3);
        try (FakeBroker broker = open()) {
            assertThat(highWatermark(broker)).isEqualTo(30);
        }
        assertThat(notices).isEmpty();
    }

    // ---------------------------------------------------------------- damage: refuse, change nothing

    @Test
    void aFlippedByteInTheMiddleStopsTheStartAndLeavesTheFileAsItWas() throws IOException {
        fill(10);
        List<Long> starts = JournalFixtures.entryStarts(journal());
        // entries: topic, then (batch, offset) pairs: the batch holding records 30–39 is entry 7 (index 6)
        long damaged = starts.get(7);
        byte[] original = Files.readAllBytes(journal());
        byte[] flipped = original.clone();
        flipped[(int) damaged + JournalFixtures.ENTRY_HEADER + 20] ^= 0x40;
        Files.write(journal(), flipped);

        assertThatThrownBy(this::open).isInstanceOfSatisfying(JournalDamagedException.class, e -> {
            assertThat(e.position()).isEqualTo(damaged);
            assertThat(e.journalSize()).isEqualTo(original.length);
            assertThat(e.damage()).isEqualTo(journal().toAbsolutePath() + " is damaged at byte " + damaged + " of "
                    + original.length + ": entry 8 fails its checksum (it looks like a batch of t-0 at offsets 30–39); "
                    + (original.length - damaged) + " bytes from there on, 13 intact entries among them");
            assertThat(e.getMessage()).doesNotContain("\n").contains("nothing was changed", "repairDamagedJournal(true)",
                    "start from the " + damaged + " bytes before the damage");
        });
        assertThat(Files.readAllBytes(journal())).isEqualTo(flipped);
        assertThat(filesBesideTheJournal()).isEmpty();
        assertThat(notices).isEmpty();
        // the refusal released the directory: asking again gets the same answer, not "in use"
        assertThatThrownBy(this::open).isInstanceOf(JournalDamagedException.class);
    }

    @Test
    void aLastEntryWhoseChecksumFailsIsDamageNotATornEntry() throws IOException {
        fill(2);
        byte[] original = Files.readAllBytes(journal());
        byte[] flipped = original.clone();
        flipped[flipped.length - 1] ^= 1; // whole length written, so no crash tore it: the disk changed it
        Files.write(journal(), flipped);

        assertThatThrownBy(this::open).isInstanceOf(JournalDamagedException.class)
                .hasMessageContaining("fails its checksum (it looks like a consumer offset of t-0 for c1)");
        assertThat(Files.readAllBytes(journal())).isEqualTo(flipped);
    }

    @Test
    void aFileOfGarbageIsNotTakenForAnEmptyJournal() throws IOException {
        byte[] garbage = new byte[2048];
        new Random(13).nextBytes(garbage);
        Files.write(journal(), garbage);

        assertThatThrownBy(this::open).isInstanceOfSatisfying(JournalDamagedException.class, e -> {
            assertThat(e.position()).isZero();
            assertThat(e.damage()).startsWith(journal().toAbsolutePath() + " is damaged at byte 0 of 2048: it is not a"
                    + " fluviokit journal");
        });
        assertThat(Files.readAllBytes(journal())).isEqualTo(garbage);
    }

    @Test
    void garbageAppendedAfterTheLastEntryIsDamageNotATornEntry() throws IOException {
        fill(2);
        long intact = Files.size(journal());
        byte[] garbage = new byte[2048];
        new Random(13).nextBytes(garbage);
        append(garbage);
        byte[] before = Files.readAllBytes(journal());

        assertThatThrownBy(this::open).isInstanceOfSatisfying(JournalDamagedException.class, e -> {
            assertThat(e.position()).isEqualTo(intact);
            assertThat(e.damage()).contains("has a header that fails its check");
        });
        assertThat(Files.readAllBytes(journal())).isEqualTo(before);
    }

    @Test
    void aBatchAtAnOffsetThePartitionIsNotAtIsImpossible() throws IOException {
        fill(2);
        long at = Files.size(journal());
        append(JournalFixtures.batchEntry("t", 0, 999_999, "x"));
        byte[] before = Files.readAllBytes(journal());

        assertThatThrownBy(this::open).isInstanceOfSatisfying(JournalDamagedException.class, e -> {
            assertThat(e.position()).isEqualTo(at);
            assertThat(e.damage()).contains("entry 6 is intact but impossible: a batch of t-0 logged at offset 999999"
                    + " where the partition ends at 20");
        });
        assertThat(Files.readAllBytes(journal())).isEqualTo(before);
    }

    @Test
    void aBatchForATopicThatDoesNotExistIsImpossible() throws IOException {
        fill(1);
        append(JournalFixtures.batchEntry("nowhere", 0, 0, "x"));
        byte[] before = Files.readAllBytes(journal());

        assertThatThrownBy(this::open).isInstanceOf(JournalDamagedException.class)
                .hasMessageContaining("is intact but impossible: a batch for nowhere-0, a partition that does not exist");
        assertThat(Files.readAllBytes(journal())).isEqualTo(before);
    }

    @Test
    void anEntryOfAnUnknownKindIsDamageThatMayComeFromANewerVersion() throws IOException {
        fill(1);
        append(JournalFixtures.entryOfKind(42));
        byte[] before = Files.readAllBytes(journal());

        assertThatThrownBy(this::open).isInstanceOf(JournalDamagedException.class)
                .hasMessageContaining("is intact but cannot be read (unknown entry kind 42, written by a newer fluviokit?)");
        assertThat(Files.readAllBytes(journal())).isEqualTo(before);
    }

    @Test
    void aJournalOfANewerLayoutIsRefused() throws IOException {
        byte[] newer = "fluviokit journal v2\nwhatever comes next".getBytes(StandardCharsets.US_ASCII);
        Files.write(journal(), newer);

        assertThatThrownBy(this::open).isInstanceOf(JournalDamagedException.class)
                .hasMessageContaining("its first line 'fluviokit journal v2' is of a journal layout this fluviokit does"
                        + " not know");
        assertThat(Files.readAllBytes(journal())).isEqualTo(newer);
    }

    // ---------------------------------------------------------------- repair: a copy, a cut, a report

    @Test
    void repairKeepsACopyCutsAtTheFirstBadEntryAndReportsWhatItDropped() throws IOException {
        fill(10);
        List<Long> starts = JournalFixtures.entryStarts(journal());
        long damaged = starts.get(7);
        byte[] flipped = Files.readAllBytes(journal());
        // a byte of the first record's value: the damaged entry still reads as the batch it was
        flipped[(int) damaged + JournalFixtures.ENTRY_HEADER + 26] ^= 0x40;
        Files.write(journal(), flipped);

        try (FakeBroker broker = builder().repairDamagedJournal(true).build()) {
            // Only what came before the damage: records 0–29 and the offset stored after them.
            assertThat(highWatermark(broker)).isEqualTo(30);
            assertThat(broker.consumerOffsets()).extracting(ConsumerOffsetEntry::offset).containsExactly(29L);
        }
        Path copy = dataDir.resolve(JournalFixtures.FILE_NAME + ".damaged-20261127T101530Z");
        assertThat(Files.readAllBytes(copy)).isEqualTo(flipped);
        assertThat(Files.size(journal())).isEqualTo(damaged);
        assertThat(notices).singleElement().asString()
                .startsWith("repaired the journal: " + journal().toAbsolutePath() + " is damaged at byte " + damaged)
                .contains("; the original is kept as " + copy.getFileName() + "; kept the " + damaged
                        + " bytes before the damage and dropped the " + (flipped.length - damaged) + " from byte "
                        + damaged + " on: records 30–99 of t-0 (70 records); consumer offsets c1 on t-0 at 99; (the"
                        + " damaged entry looked like a batch of t-0 at offsets 30–39)")
                .doesNotContain("\n");
    }

    @Test
    void repairOfAFileThatIsNotAJournalStartsEmptyAndKeepsTheFile() throws IOException {
        byte[] garbage = new byte[2048];
        new Random(7).nextBytes(garbage);
        Files.write(journal(), garbage);

        try (FakeBroker broker = builder().repairDamagedJournal(true).build()) {
            assertThat(broker.topic("t")).isEmpty();
            broker.createTopic("t", 1);
        }
        assertThat(Files.readAllBytes(dataDir.resolve(JournalFixtures.FILE_NAME + ".damaged-20261127T101530Z")))
                .isEqualTo(garbage);
        assertThat(notices.get(0)).contains("dropped the 2048 from byte 0 on: 2048 bytes that are not entries");
        try (FakeBroker again = open()) {
            assertThat(again.topic("t")).isPresent();
        }
    }

    @Test
    void aSecondRepairKeepsTheFirstCopy() throws IOException {
        for (int round = 0; round < 2; round++) {
            Files.write(journal(), "not a journal".getBytes(StandardCharsets.US_ASCII));
            builder().repairDamagedJournal(true).build().close();
        }
        assertThat(dataDir.resolve(JournalFixtures.FILE_NAME + ".damaged-20261127T101530Z")).exists();
        assertThat(dataDir.resolve(JournalFixtures.FILE_NAME + ".damaged-20261127T101530Z-2")).exists();
    }

    @Test
    void repairOfAnIntactJournalChangesNothing() throws IOException {
        fill(3);
        byte[] before = Files.readAllBytes(journal());
        try (FakeBroker broker = builder().repairDamagedJournal(true).build()) {
            assertThat(highWatermark(broker)).isEqualTo(30);
        }
        assertThat(Files.readAllBytes(journal())).isEqualTo(before);
        assertThat(filesBesideTheJournal()).isEmpty();
    }

    // ---------------------------------------------------------------- older layouts, unfinished compactions

    @Test
    void aJournalOfTheLayoutWithoutHeaderChecksIsReadAndRewritten() throws IOException {
        byte[] legacy = concat(JournalFixtures.legacyEntry(JournalFixtures.topicCreatedEntry("t", 1)),
                JournalFixtures.legacyEntry(JournalFixtures.batchEntry("t", 0, 0, "a", "b")),
                JournalFixtures.legacyEntry(JournalFixtures.batchEntry("t", 0, 2, "c")));
        Files.write(journal(), legacy);

        try (FakeBroker broker = open()) {
            assertThat(highWatermark(broker)).isEqualTo(3);
        }
        assertThat(Arrays.copyOf(Files.readAllBytes(journal()), JournalFixtures.FIRST_LINE.length))
                .isEqualTo(JournalFixtures.FIRST_LINE);
        assertThat(notices).singleElement().asString().startsWith("rewrote " + journal().toAbsolutePath()
                + " in the current layout");
        try (FakeBroker again = open()) {
            assertThat(highWatermark(again)).isEqualTo(3);
        }
    }

    @Test
    void aCopyLeftByAnUnfinishedCompactionIsRemovedAndTheJournalKept() throws IOException {
        fill(3);
        Path unfinished = dataDir.resolve(JournalFixtures.FILE_NAME + ".compacting");
        Files.write(unfinished, Arrays.copyOf(Files.readAllBytes(journal()), 100));

        try (FakeBroker broker = open()) {
            assertThat(highWatermark(broker)).isEqualTo(30);
        }
        assertThat(unfinished).doesNotExist();
        assertThat(notices).singleElement().asString()
                .isEqualTo("removed " + unfinished.toAbsolutePath() + " (100 bytes): a journal compaction the broker did"
                        + " not finish; the journal itself is whole");
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
