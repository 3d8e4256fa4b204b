package org.fluviokit.junit;

import java.time.Duration;
import java.util.Optional;

import org.fluviokit.client.Fluvio;
import org.fluviokit.client.FluvioTarget;
import org.fluviokit.client.TopicMetadata;
import org.fluviokit.fake.FakeBroker;
import org.opentest4j.TestAbortedException;

/**
 * A cluster reached over the wire. Its clock is real, so it cannot be moved from here; it can be
 * restarted only when this JVM runs it (the {@code embedded} endpoint, the {@code container} target),
 * and then every client of it sees the restart, as on a real cluster.
 */
final class RemoteCluster implements FluvioCluster {

    private final FluvioTarget target;
    private final Fluvio fluvio;
    private final Resources resources = new Resources();
    private ProfileFile profile;

    RemoteCluster(FluvioTarget target) {
        this.target = target;
        this.fluvio = resources.add(Fluvio.connect(target));
    }

    @Override
    public Fluvio fluvio() {
        return fluvio;
    }

    @Override
    public Fluvio newClient() {
        return resources.add(Fluvio.connect(target));
    }

    /**
     * Restarts a cluster this JVM runs (every connection to it drops; clients reconnect over TCP).
     * A test that needs a restart of any other cluster cannot run here: it is skipped with the reason,
     * never passed.
     */
    @Override
    public void restart() {
        if (!target.canRestart()) {
            throw new TestAbortedException("needs a restart: " + describe() + " cannot be restarted from a test");
        }
        target.restart();
    }

    /** A test that needs virtual time cannot run here: it is skipped with the reason, never passed. */
    @Override
    public void advanceClock(Duration duration) {
        throw new TestAbortedException("needs virtual time: " + describe() + " runs in real time");
    }

    @Override
    public Optional<FakeBroker> fakeBroker() {
        return Optional.empty();
    }

    @Override
    public boolean hasVirtualClock() {
        return false;
    }

    @Override
    public boolean canRestart() {
        return target.canRestart();
    }

    @Override
    public String endpoint() {
        return target.endpoint().orElseThrow(() -> new IllegalStateException(describe() + " has no endpoint"));
    }

    @Override
    public synchronized java.nio.file.Path profile() {
        if (profile == null) {
            profile = resources.add(ProfileFile.pointingAt(endpoint()));
        }
        return profile.path();
    }

    @Override
    public String describe() {
        return target.describe();
    }

    @Override
    public void close() {
        try {
            resources.closeAll();
        } catch (RuntimeException ignored) {
            // closing clients of a remote cluster cannot fail the test
        }
        deleteOwnTopics();
    }

    /**
     * Leaves a shared cluster as the test found it: the topics the test created (seen through its
     * namespace) are deleted, and their consumer offsets with them (J1). A fresh client does it, so no
     * stream of the test still holds a partition.
     */
    private void deleteOwnTopics() {
        try (Fluvio cleaner = Fluvio.connect(target)) {
            for (TopicMetadata topic : cleaner.admin().listTopics()) {
                if (!topic.spec().system()) {
                    cleaner.admin().deleteTopic(topic.name());
                }
            }
        } catch (RuntimeException e) {
            // A cluster that went away (or a test that deleted its topics) leaves nothing to clean.
            System.err.println("fluviokit: could not delete the test's topics on " + describe() + ": " + e.getMessage());
        }
    }
}
