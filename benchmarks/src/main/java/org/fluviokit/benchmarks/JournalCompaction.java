package org.fluviokit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.internal.BrokerConnection;
import org.fluviokit.fake.internal.BrokerEngine;
import org.fluviokit.fake.internal.JournalSettings;
import org.fluviokit.fake.internal.ProducedRecord;
import org.fluviokit.fake.internal.StreamSession;

/**
 * The journal's size and the time a broker takes to start on it, without compaction and with it,
 * after a workload of a long-running broker: records kept, records evicted by retention, topics
 * filled and deleted, consumer offsets flushed over and over.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.fluviokit.benchmarks.JournalCompaction [with|without|both [SCALE]]
 * </pre>
 *
 * Each mode is best run in a JVM of its own (the second in one JVM finds the code compiled). SCALE
 * (default 1) multiplies every count. Start times are the median of five starts of a broker on
 * the directory (the journal replayed, in this JVM, so without the JVM's own start).
 */
public final class JournalCompaction {

    private static final int VALUE_BYTES = 100;

    private JournalCompaction() {
    }

    public static void main(String[] args) throws IOException {
        String mode = args.length > 0 ? args[0] : "both";
        int scale = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        System.out.println("workload (scale " + scale + "): 100 000 records kept; 100 000 produced to a topic whose"
                + " retention keeps the last 10 000; 20 topics of 10 000 records created and deleted; 4 consumers"
                + " flushing 50 000 offsets each; 100-byte values");
        System.out.printf("%-22s %14s %14s %12s %14s%n", "", "journal bytes", "largest seen", "start ms", "workload ms");
        boolean[] modes = switch (mode) {
            case "with" -> new boolean[] {true};
            case "without" -> new boolean[] {false};
            default -> new boolean[] {false, true};
        };
        for (boolean compaction : modes) {
            Path dir = Files.createTempDirectory("fluviokit-compaction-");
            try {
                System.setProperty(JournalSettings.COMPACTION_MIN_GARBAGE_PROPERTY,
                        compaction ? String.valueOf(JournalSettings.DEFAULT_COMPACTION_MIN_GARBAGE) : String.valueOf(Long.MAX_VALUE));
                long[] largest = {0};
                long started = System.nanoTime();
                try (FakeBroker broker = open(dir)) {
                    workload(broker, scale, () -> largest[0] = Math.max(largest[0], size(dir)));
                }
                long workloadMillis = (System.nanoTime() - started) / 1_000_000;
                long size = size(dir);
                long[] starts = new long[5];
                for (int i = 0; i < starts.length; i++) {
                    long t0 = System.nanoTime();
                    try (FakeBroker broker = open(dir)) {
                        starts[i] = System.nanoTime() - t0;
                        check(broker, scale);
                    }
                }
                Arrays.sort(starts);
                System.out.printf("%-22s %,14d %,14d %12.0f %,14d%n", compaction ? "with compaction" : "without compaction",
                        size, Math.max(largest[0], size), starts[2] / 1e6, workloadMillis);
            } finally {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
                }
            }
        }
    }

    private static FakeBroker open(Path dir) {
        return FakeBroker.builder().dataDirectory(dir).clock(Clock.systemUTC()).journalNotices(notice -> { }).build();
    }

    private static long size(Path dir) {
        try {
            return Files.size(dir.resolve("fluviokit-journal.log"));
        } catch (IOException e) {
            return 0;
        }
    }

    private static void workload(FakeBroker broker, int scale, Runnable sample) {
        BrokerConnection connection = BrokerEngine.of(broker).connect();
        broker.createTopic("kept", 1);
        broker.createTopic("retained", 1);
        for (int batch = 0; batch < 1_000 * scale; batch++) {
            connection.produce("kept", 0, records(100));
            connection.produce("retained", 0, records(100));
            broker.evictRecords("retained", 0, (batch + 1) * 100L - 10_000);
            if (batch % 100 == 0) {
                sample.run();
            }
        }
        for (int topic = 0; topic < 20 * scale; topic++) {
            broker.createTopic("churn", 1);
            for (int batch = 0; batch < 100; batch++) {
                connection.produce("churn", 0, records(100));
            }
            broker.deleteTopic("churn");
            sample.run();
        }
        List<StreamSession> streams = new ArrayList<>();
        for (int consumer = 0; consumer < 4; consumer++) {
            streams.add(connection.openStream("kept", 0, 0, 1, "consumer-" + consumer));
        }
        for (int flush = 0; flush < 50_000 * scale; flush++) {
            for (StreamSession stream : streams) {
                connection.updateConsumerOffset(stream.id(), flush);
            }
            if (flush % 5_000 == 0) {
                sample.run();
            }
        }
        sample.run();
    }

    private static void check(FakeBroker broker, int scale) {
        long kept = broker.topic("kept").orElseThrow().partitions().get(0).highWatermark();
        if (kept != 100_000L * scale || broker.consumerOffsets().size() != 4 || broker.topic("churn").isPresent()) {
            throw new IllegalStateException("the restarted broker does not hold what was stored");
        }
    }

    private static List<ProducedRecord> records(int count) {
        List<ProducedRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(new ProducedRecord(null, new byte[VALUE_BYTES], -1));
        }
        return records;
    }
}
