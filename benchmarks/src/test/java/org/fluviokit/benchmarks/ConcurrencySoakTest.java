package org.fluviokit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The concurrency soak, small: 8 producers and 8 named consumers (MANUAL and AUTO) through the wire
 * server, 4 000 records, a broker restart in the middle. The 100 000-record run is a command
 * (BENCHMARKS.md).
 */
class ConcurrencySoakTest {

    @Test
    void nothingIsLostOrDuplicatedBeyondAtLeastOnceAcrossARestart() throws Exception {
        ConcurrencySoak.Result result = ConcurrencySoak.run(new ConcurrencySoak.Settings(4_000, 8, 8));

        System.out.println("soak: " + result.summary());
        assertThat(result.violations()).isEmpty();
        assertThat(result.lost()).isZero();
        assertThat(result.records()).isEqualTo(4_000);
        assertThat(result.offsetsStoredAtRestart()).as("consumers had stored offsets to keep").isPositive();
    }
}
