package org.fluviokit.fake.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash harness ({@link CrashHarness}) on the packaged jar: a few crash points in the test
 * command; {@code -Dfluviokit.crash.points=1000} (see BENCHMARKS.md) runs the long version.
 */
class StandaloneCrashTest {

    @TempDir
    Path dir;

    @Test
    void everythingAcknowledgedSurvivesKillsAtRandomPoints() throws Exception {
        int points = Integer.getInteger("fluviokit.crash.points", 12);
        long seed = Long.getLong("fluviokit.crash.seed", System.nanoTime());
        // A low threshold makes the broker compact often enough for kills to land in compactions.
        CrashHarness.Report report = new CrashHarness(new CrashHarness.Settings(points, seed, 25, dir.resolve("data"),
                List.of("-Dfluviokit.journal.compaction-min-garbage=4096"))).run();

        System.out.println("crash harness, seed " + seed + ": " + report.summary());
        assertThat(report.violations()).as("seed " + seed).isEmpty();
        assertThat(report.recordsAcknowledged()).as("the harness did produce").isPositive();
        assertThat(report.offsetsAcknowledged()).as("the harness did store offsets").isPositive();
    }
}
