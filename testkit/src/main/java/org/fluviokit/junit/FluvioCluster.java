package org.fluviokit.junit;

import java.time.Duration;
import java.util.Optional;

import org.fluviokit.client.Fluvio;
import org.fluviokit.client.FluvioTarget;
import org.fluviokit.fake.FakeBroker;
import org.fluviokit.testkit.FakeTarget;

/**
 * The cluster a {@link FluvioTest} runs against, and what a test may do to it. Outside JUnit,
 * {@link #startFake()} gives one to own and close.
 */
public interface FluvioCluster extends AutoCloseable {

    /** A new fake cluster (a {@link FakeBroker} on a virtual clock and a client of it); close it when done. */
    static FluvioCluster startFake() {
        return new FakeCluster(FakeBroker.create());
    }

    /**
     * A handle on the cluster a target reaches: a {@link FakeTarget}'s broker (closing the handle
     * closes it), or a cluster over the wire, whose clock cannot be moved from here and which can be
     * restarted only when the target can ({@link FluvioTarget#canRestart()}); closing the handle
     * deletes the topics its clients see, and leaves the target open.
     */
    static FluvioCluster connect(FluvioTarget target) {
        return target instanceof FakeTarget fake ? new FakeCluster(fake.broker()) : new RemoteCluster(target);
    }

    /** A cluster around a fake broker you built (e.g. with a clock of your choosing); closing it closes the broker. */
    static FluvioCluster ofFake(FakeBroker broker) {
        return new FakeCluster(broker);
    }

    /** The test's client. */
    Fluvio fluvio();

    /** Opens another client of the same cluster (closed after the test), e.g. to play a second application. */
    Fluvio newClient();

    /**
     * Restarts the cluster: records and acknowledged consumer offsets survive, connections and open
     * streams are dropped (K4).
     *
     * @throws org.opentest4j.TestAbortedException when this cluster cannot be restarted from here
     *         ({@link #canRestart()}): the test is skipped with the reason
     */
    void restart();

    /**
     * Moves the cluster's clock forward, running the periodic work of every client on it (such as
     * auto-strategy offset flushes, C2–C5) at its due time.
     *
     * @throws org.opentest4j.TestAbortedException when the cluster runs in real time
     *         ({@link #hasVirtualClock()}): the test is skipped with the reason
     */
    void advanceClock(Duration duration);

    /** The fake broker, when the target is one. */
    Optional<FakeBroker> fakeBroker();

    /** Whether {@link #advanceClock(Duration)} is possible: the cluster runs on a virtual clock. */
    boolean hasVirtualClock();

    /** Whether {@link #restart()} is possible. */
    boolean canRestart();

    /**
     * The SC endpoint ({@code host:port}) for an application that brings its own Fluvio client (the
     * Rust or Python client, the {@code fluvio} CLI, a second JVM): what {@code getBootstrapServers()}
     * is to an embedded Kafka. On the fake it starts, on first call, the fake's wire server in front of
     * the test's broker (closed with the cluster): those clients then see the same topics, records and
     * offsets as the test's {@link #fluvio()}. On a shared cluster it is the cluster's own endpoint:
     * names are not namespaced for other clients there.
     */
    String endpoint();

    /**
     * A Fluvio profile file pointing at {@link #endpoint()}: give it to other clients as
     * {@code FLV_PROFILE_PATH}. Written on first call, deleted when the cluster closes.
     */
    java.nio.file.Path profile();

    /** A short description of the target, e.g. {@code fake broker}. */
    String describe();

    /** Closes the clients opened on the cluster and the cluster itself (a fake one stops). Idempotent. */
    @Override
    void close();
}
