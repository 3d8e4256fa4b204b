package org.fluviokit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.internal.BrokerConnection;
import org.fluviokit.fake.internal.BrokerEngine;
import org.fluviokit.fake.internal.ProducedRecord;

/**
 * What forcing every journal entry to disk ({@code --fsync}) costs a produce, against handing it to
 * the operating system only (the default), in memory for comparison: one 100-byte record per produce,
 * one thread, in this JVM.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.fluviokit.benchmarks.JournalFsync [PRODUCES]
 * </pre>
 */
public final class JournalFsync {

    private JournalFsync() {
    }

    public static void main(String[] args) throws IOException {
        int produces = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        System.out.printf("%-30s %12s %10s %10s%n", "", "produces/s", "p50 µs", "p99 µs");
        for (String mode : List.of("in memory", "journal (default)", "journal with fsync")) {
            Path dir = Files.createTempDirectory("fluviokit-fsync-");
            try {
                FakeBroker.Builder builder = FakeBroker.builder().clock(Clock.systemUTC()).journalNotices(notice -> { });
                if (!mode.equals("in memory")) {
                    builder.dataDirectory(dir).fsync(mode.endsWith("fsync"));
                }
                try (FakeBroker broker = builder.build()) {
                    broker.createTopic("t", 1);
                    BrokerConnection connection = BrokerEngine.of(broker).connect();
                    List<ProducedRecord> record = List.of(new ProducedRecord(null, new byte[100], -1));
                    for (int i = 0; i < Math.min(1_000, produces); i++) {
                        connection.produce("t", 0, record); // warm-up
                    }
                    long[] nanos = new long[produces];
                    long started = System.nanoTime();
                    for (int i = 0; i < produces; i++) {
                        long t0 = System.nanoTime();
                        connection.produce("t", 0, record);
                        nanos[i] = System.nanoTime() - t0;
                    }
                    long elapsed = System.nanoTime() - started;
                    Arrays.sort(nanos);
                    System.out.printf("%-30s %,12.0f %10.1f %10.1f%n", mode, produces * 1e9 / elapsed,
                            nanos[produces / 2] / 1e3, nanos[(int) (produces * 0.99)] / 1e3);
                }
            } finally {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
                }
            }
        }
    }
}
