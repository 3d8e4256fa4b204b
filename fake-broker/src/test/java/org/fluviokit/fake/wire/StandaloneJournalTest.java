package org.fluviokit.fake.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.ReadOnlyDirectory;
import org.fluviokit.fake.internal.BrokerEngine;
import org.fluviokit.fake.internal.BrokerConnection;
import org.fluviokit.fake.internal.JournalFixtures;
import org.fluviokit.fake.internal.ProducedRecord;
import org.fluviokit.protocol.ApiKey;
import org.fluviokit.protocol.CodedError;
import org.fluviokit.protocol.spu.FetchOffsetsRequest;
import org.fluviokit.protocol.spu.FetchOffsetsResponse;
import org.fluviokit.protocol.spu.ProduceRequest;
import org.fluviokit.protocol.spu.ProduceResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the standalone jar says and does about its data directory and journal: one line and a
 * documented exit code for every refusal, never a stack trace, and the journal left byte for byte
 * as it was unless {@code --repair} was given. Journals are prepared in this JVM with the same
 * broker, then the jar is run on them.
 */
class StandaloneJournalTest {

    private static final String NAME = "fluviokit-fake-broker: ";

    @TempDir
    Path dir;

    private Path data() {
        return dir.resolve("data");
    }

    private Path journal() {
        return data().resolve(JournalFixtures.FILE_NAME).toAbsolutePath();
    }

    /** Topic t with {@code batches} batches of ten records. */
    private void fill(int batches) {
        try (FakeBroker broker = FakeBroker.builder().dataDirectory(data()).journalNotices(notice -> { }).build()) {
            broker.createTopic("t", 1);
            BrokerConnection connection = BrokerEngine.of(broker).connect();
            for (int batch = 0; batch < batches; batch++) {
                List<ProducedRecord> records = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    records.add(new ProducedRecord(null, ("r" + (batch * 10 + i)).getBytes(StandardCharsets.UTF_8), -1));
                }
                connection.produce("t", 0, records);
            }
        }
    }

    private static long highWatermark(StandaloneProcess.Running broker) {
        try (WireClient spu = WireClient.connect(broker.host(), broker.spuPort())) {
            spu.apiVersions();
            int id = spu.send(ApiKey.Spu.FETCH_OFFSETS, (short) 25, FetchOffsetsRequest.of("t", 0));
            return spu.read(id, (short) 25, FetchOffsetsResponse::decode).topics().get(0).partitions().get(0).lastStableOffset();
        }
    }

    private static void assertOneLineRefusal(StandaloneProcess.Finished run, int exitCode) {
        assertThat(run.exitCode()).as(run.all()).isEqualTo(exitCode);
        assertThat(run.stderr()).as(run.all()).singleElement().asString().startsWith(NAME);
        assertThat(run.stdout()).as("nothing started, nothing announced").isEmpty();
    }

    // ---------------------------------------------------------------- the journal

    @Test
    void aTornLastEntryIsCutWithOneLineAndEverythingBeforeItIsServed() throws Exception {
        fill(3);
        long intact = Files.size(journal());
        byte[] torn = Arrays.copyOf(JournalFixtures.batchEntry("t", 0, 30, "lost"), 34);
        Files.write(journal(), torn, StandardOpenOption.APPEND);

        StandaloneProcess.Running broker = StandaloneProcess.start("--data-dir", data().toString());
        try {
            assertThat(broker.linesBeforeReady()).filteredOn(line -> line.contains(JournalFixtures.FILE_NAME))
                    .singleElement().asString()
                    .isEqualTo("cut a torn last entry off " + journal() + ": 34 bytes at byte " + intact + " (a batch of"
                            + " t-0 at offsets 30, 22 of its 37 bytes written); it was being written when the broker"
                            + " stopped and was never acknowledged");
            assertThat(highWatermark(broker)).isEqualTo(30);
        } finally {
            broker.stop();
        }
        assertThat(Files.size(journal())).isEqualTo(intact);
    }

    @Test
    void aDamagedJournalStopsTheStartWithExitCode5AndStaysAsItWasUntilRepairIsAsked() throws Exception {
        fill(10);
        List<Long> starts = JournalFixtures.entryStarts(journal());
        long damaged = starts.get(4); // the batch holding r30–r39
        byte[] bytes = Files.readAllBytes(journal());
        bytes[(int) damaged + JournalFixtures.ENTRY_HEADER + 26] ^= 0x20;
        Files.write(journal(), bytes);

        StandaloneProcess.Finished refused = StandaloneProcess.run("--data-dir", data().toString());
        assertOneLineRefusal(refused, StandaloneBroker.EXIT_JOURNAL_DAMAGED);
        assertThat(refused.stderr().get(0)).isEqualTo(NAME + journal() + " is damaged at byte " + damaged + " of "
                + bytes.length + ": entry 5 fails its checksum (it looks like a batch of t-0 at offsets 30–39); "
                + (bytes.length - damaged) + " bytes from there on, 6 intact entries among them; nothing was changed."
                + " Restore the file from a backup, or start again with --repair to keep a copy of it and start from the "
                + damaged + " bytes before the damage (everything from byte " + damaged + " on is dropped)");
        assertThat(Files.readAllBytes(journal())).isEqualTo(bytes);

        StandaloneProcess.Running repaired = StandaloneProcess.start("--data-dir", data().toString(), "--repair");
        try {
            assertThat(repaired.linesBeforeReady()).filteredOn(line -> line.startsWith("repaired the journal: ")).singleElement()
                    .asString().contains("; the original is kept as fluviokit-journal.log.damaged-",
                            ": records 30–99 of t-0 (70 records); (the damaged entry looked like a batch of t-0 at"
                                    + " offsets 30–39)");
            assertThat(highWatermark(repaired)).isEqualTo(30);
        } finally {
            repaired.stop();
        }
        try (var copies = Files.list(data())) {
            List<Path> kept = copies.filter(file -> file.getFileName().toString().startsWith(JournalFixtures.FILE_NAME
                    + ".damaged-")).toList();
            assertThat(kept).singleElement().satisfies(copy -> assertThat(Files.readAllBytes(copy)).isEqualTo(bytes));
        }
    }

    @Test
    void aJournalOfGarbageStopsTheStartWithExitCode5() throws Exception {
        Files.createDirectories(data());
        byte[] garbage = new byte[2048];
        new Random(2).nextBytes(garbage);
        Files.write(journal(), garbage);

        StandaloneProcess.Finished refused = StandaloneProcess.run("--data-dir", data().toString());
        assertOneLineRefusal(refused, StandaloneBroker.EXIT_JOURNAL_DAMAGED);
        assertThat(refused.stderr().get(0)).startsWith(NAME + journal() + " is damaged at byte 0 of 2048: it is not a"
                + " fluviokit journal");
        assertThat(Files.readAllBytes(journal())).isEqualTo(garbage);
    }

    @Test
    void anImpossibleEntryStopsTheStartWithExitCode5() throws Exception {
        fill(1);
        Files.write(journal(), JournalFixtures.batchEntry("t", 0, 999_999, "x"), StandardOpenOption.APPEND);
        byte[] bytes = Files.readAllBytes(journal());

        StandaloneProcess.Finished refused = StandaloneProcess.run("--data-dir", data().toString());
        assertOneLineRefusal(refused, StandaloneBroker.EXIT_JOURNAL_DAMAGED);
        assertThat(refused.stderr().get(0)).contains("is intact but impossible: a batch of t-0 logged at offset 999999"
                + " where the partition ends at 10");
        assertThat(Files.readAllBytes(journal())).isEqualTo(bytes);
    }

    // ---------------------------------------------------------------- the data directory

    @Test
    void aRegularFileAsDataDirectoryExitsWith3() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "mine", StandardCharsets.UTF_8);

        StandaloneProcess.Finished refused = StandaloneProcess.run("--data-dir", file.toString());
        assertOneLineRefusal(refused, StandaloneBroker.EXIT_DATA_DIRECTORY_UNUSABLE);
        assertThat(refused.stderr().get(0)).isEqualTo(NAME + "cannot use " + file + " as a data directory: it is not a"
                + " directory");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("mine");
    }

    @Test
    void aDirectoryThatCannotBeWrittenExitsWith3() throws Exception {
        Path readOnly = ReadOnlyDirectory.in(dir);

        StandaloneProcess.Finished refused = StandaloneProcess.run("--data-dir", readOnly.toString());
        assertOneLineRefusal(refused, StandaloneBroker.EXIT_DATA_DIRECTORY_UNUSABLE);
        assertThat(refused.stderr().get(0)).startsWith(NAME + "cannot use " + readOnly + " as a data directory: ");
    }

    @Test
    void aDirectoryAnotherBrokerProcessIsUsingExitsWith4NamingThatProcess() throws Exception {
        StandaloneProcess.Running first = StandaloneProcess.start("--data-dir", data().toString());
        try {
            StandaloneProcess.Finished second = StandaloneProcess.run("--data-dir", data().toString());
            assertOneLineRefusal(second, StandaloneBroker.EXIT_DATA_DIRECTORY_IN_USE);
            assertThat(second.stderr().get(0)).isEqualTo(NAME + "cannot use " + data() + " as a data directory: the broker"
                    + " with process id " + first.process().pid() + " is using it (it holds "
                    + data().resolve("fluviokit.lock") + "); stop that broker or choose another directory");
            // the refused one left the first alone: it still answers
            try (WireClient spu = WireClient.connect(first.host(), first.spuPort())) {
                spu.apiVersions();
                int id = spu.send(ApiKey.Spu.PRODUCE, (short) 25, ProduceRequest.of("t", 0, SpuApiTest.batch("a")));
                assertThat(spu.read(id, (short) 25, ProduceResponse::decode).responses().get(0).partitions().get(0)
                        .errorCode()).as("no topic t yet: answered, not broken").isNotEqualTo(CodedError.NONE);
            }
        } finally {
            first.kill();
        }
        StandaloneProcess.Running after = StandaloneProcess.start("--data-dir", data().toString());
        after.stop();
    }

    // ---------------------------------------------------------------- options

    @Test
    void badOptionsExitWith2InOneLine() throws Exception {
        for (List<String> args : List.of(List.of("--repair"), List.of("--fsync"), List.of("--no-such-option"),
                List.of("--spus", "0"), List.of("--data-dir"))) {
            StandaloneProcess.Finished refused = StandaloneProcess.run(args.toArray(String[]::new));
            assertOneLineRefusal(refused, StandaloneBroker.EXIT_BAD_OPTIONS);
            assertThat(refused.stderr().get(0)).as(args.toString()).endsWith("(--help lists the options)");
        }
        assertThat(StandaloneProcess.run("--repair").stderr())
                .containsExactly(NAME + "--repair needs --data-dir (--help lists the options)");
    }

    @Test
    void helpListsTheExitCodes() throws Exception {
        StandaloneProcess.Finished help = StandaloneProcess.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(String.join("\n", help.stdout())).contains("--fsync", "--repair", "Exit codes:",
                "4   another broker is using the data directory", "5   the journal is damaged");
    }

    @Test
    void withFsyncEveryEntryIsForcedToDiskAndTheBannerSaysSo() throws Exception {
        fill(1);
        StandaloneProcess.Running broker = StandaloneProcess.start("--data-dir", data().toString(), "--fsync");
        try {
            assertThat(broker.linesBeforeReady()).contains("data directory: " + data().toAbsolutePath()
                    + " (every entry forced to disk before it is acknowledged)");
            try (WireClient spu = WireClient.connect(broker.host(), broker.spuPort())) {
                spu.apiVersions();
                int id = spu.send(ApiKey.Spu.PRODUCE, (short) 25, ProduceRequest.of("t", 0, SpuApiTest.batch("forced")));
                assertThat(spu.read(id, (short) 25, ProduceResponse::decode).responses().get(0).partitions().get(0)
                        .baseOffset()).isEqualTo(10);
            }
        } finally {
            broker.kill();
        }
        StandaloneProcess.Running restarted = StandaloneProcess.start("--data-dir", data().toString());
        try {
            assertThat(highWatermark(restarted)).isEqualTo(11);
        } finally {
            restarted.stop();
        }
    }
}
