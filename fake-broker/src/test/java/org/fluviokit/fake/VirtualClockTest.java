package org.fluviokit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class VirtualClockTest {

    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void timeMovesOnlyWhenAdvanced() {
        VirtualClock clock = VirtualClock.startingAt(START);
        assertThat(clock.instant()).isEqualTo(START);
        clock.advance(Duration.ofMillis(1500));
        assertThat(clock.instant()).isEqualTo(START.plusMillis(1500));
        assertThat(clock.millis()).isEqualTo(START.toEpochMilli() + 1500);
    }

    @Test
    void periodicTasksRunAtTheirDueTimesWhileAdvancing() {
        VirtualClock clock = VirtualClock.startingAt(START);
        List<Instant> runs = new ArrayList<>();
        clock.scheduleAtFixedRate(Duration.ofMillis(100), () -> runs.add(clock.instant()));

        clock.advance(Duration.ofMillis(350));

        assertThat(runs).containsExactly(START.plusMillis(100), START.plusMillis(200), START.plusMillis(300));
        assertThat(clock.instant()).isEqualTo(START.plusMillis(350));
    }

    @Test
    void tasksDueAtTheSameTimeRunInTheOrderTheyWereScheduled() {
        VirtualClock clock = VirtualClock.startingAt(START);
        List<String> order = new ArrayList<>();
        clock.schedule(Duration.ofSeconds(1), () -> order.add("first"));
        clock.schedule(Duration.ofSeconds(1), () -> order.add("second"));
        clock.schedule(Duration.ofMillis(500), () -> order.add("earlier"));

        clock.advance(Duration.ofSeconds(1));

        assertThat(order).containsExactly("earlier", "first", "second");
    }

    @Test
    void cancelledPeriodicTaskStopsRunning() {
        VirtualClock clock = VirtualClock.startingAt(START);
        List<Instant> runs = new ArrayList<>();
        VirtualClock.Cancellable task = clock.scheduleAtFixedRate(Duration.ofMillis(100), () -> runs.add(clock.instant()));
        clock.advance(Duration.ofMillis(250));
        task.cancel();
        clock.advance(Duration.ofSeconds(1));

        assertThat(runs).hasSize(2);
        assertThat(clock.pendingTasks()).isZero();
    }

    @Test
    void clockNeverGoesBack() {
        VirtualClock clock = VirtualClock.startingAt(START);
        assertThatThrownBy(() -> clock.advance(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTaskCannotAdvanceTheClock() {
        VirtualClock clock = VirtualClock.startingAt(START);
        List<Throwable> failures = new ArrayList<>();
        clock.schedule(Duration.ofMillis(10), () -> {
            try {
                clock.advance(Duration.ofSeconds(1));
            } catch (IllegalStateException e) {
                failures.add(e);
            }
        });
        clock.advance(Duration.ofMillis(20));
        assertThat(failures).singleElement().extracting(Throwable::getMessage)
                .isEqualTo("a scheduled task must not advance the clock");
    }
}
