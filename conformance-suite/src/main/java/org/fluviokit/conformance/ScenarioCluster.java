package org.fluviokit.conformance;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.awaitility.Awaitility;
import org.fluviokit.client.Fluvio;
import org.fluviokit.client.FluvioTarget;
import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.VirtualClock;
import org.fluviokit.junit.FluvioCluster;

/**
 * The cluster one scenario runs on, with what it can do ({@link SuiteTarget#forScenario()}). On a
 * fake every scenario gets its own broker; on a shared cluster it sees the cluster through a
 * namespace of its own ({@link FluvioTarget#namespaced(String)}), so scenarios never see each other.
 */
final class ScenarioCluster implements AutoCloseable {

    private final FluvioCluster cluster;

    ScenarioCluster(FluvioCluster cluster) {
        this.cluster = cluster;
    }

    /**
     * A new fake broker whose virtual clock starts on a whole second, so that a scenario's times
     * ("advance 1.9 s, then …") fall on the same side of Fluvio's whole-second flush checks every
     * run (C2).
     */
    static ScenarioCluster fake() {
        return of(FakeBroker.builder()
                .clock(VirtualClock.startingAt(Instant.now().truncatedTo(ChronoUnit.SECONDS)))
                .build());
    }

    /** A scenario's cluster around a broker the caller built (e.g. a deliberately wrong one). */
    static ScenarioCluster of(FakeBroker broker) {
        return new ScenarioCluster(FluvioCluster.ofFake(broker));
    }

    Fluvio fluvio() {
        return cluster.fluvio();
    }

    FluvioCluster cluster() {
        return cluster;
    }

    Optional<FakeBroker> fakeBroker() {
        return cluster.fakeBroker();
    }

    String describe() {
        return cluster.describe();
    }

    /** Whether the target can do what a scenario requires ({@link Scenario#CAPABILITIES}). */
    Optional<String> missing(String capability) {
        return switch (capability) {
            case "virtual-time" -> cluster.hasVirtualClock() ? Optional.empty()
                    : Optional.of("needs virtual time: " + describe() + " runs in real time, and the scenario's steps"
                            + " fall within 50 ms of the client's 100 ms flush checks or of a whole second, which real"
                            + " time on a busy machine does not place the same way every run (REAL-CLUSTER.md #26"
                            + " lists the forms of the flush-timing scenarios that run in real time instead)");
            case "restart" -> cluster.canRestart() ? Optional.empty()
                    : Optional.of("needs a restart: " + describe() + " cannot be restarted from here");
            case "fake" -> cluster.fakeBroker().isPresent() ? Optional.empty()
                    : Optional.of("needs the fake broker's inspection API");
            default -> Optional.of("unknown requirement " + capability);
        };
    }

    /** Moves time forward: the virtual clock on a fake, real waiting otherwise. */
    /** Whether time here is real (a cluster) rather than the fake's virtual clock. */
    boolean realTime() {
        return !cluster.hasVirtualClock();
    }

    void advanceTime(Duration duration) {
        if (cluster.hasVirtualClock()) {
            cluster.advanceClock(duration);
        } else {
            // Real time passing on a real cluster: wait it out.
            Awaitility.await().pollDelay(duration).atMost(duration.plusSeconds(1)).until(() -> true);
        }
    }

    void restart() {
        cluster.restart();
    }

    /** How long to wait for a record that should be there. */
    Duration recordTimeout() {
        return cluster.hasVirtualClock() ? Duration.ofMillis(500) : Duration.ofSeconds(5);
    }

    /** How long nothing must arrive for "no more records" to hold. */
    Duration quietPeriod() {
        return cluster.hasVirtualClock() ? Duration.ZERO : Duration.ofSeconds(2);
    }

    /**
     * How long a stored offset may take to show up: none on a fake (flushes are synchronous);
     * on a cluster auto flushes are asynchronous and counted in whole seconds (C2, C6).
     */
    Duration offsetSettleTime() {
        return cluster.hasVirtualClock() ? Duration.ZERO : Duration.ofMillis(1500);
    }

    @Override
    public void close() {
        cluster.close();
    }
}
