package org.fluviokit.conformance;

import java.util.Optional;

import org.fluviokit.client.Fluvio;
import org.fluviokit.client.FluvioException;
import org.fluviokit.client.FluvioTarget;
import org.fluviokit.client.spi.FluvioTargetProvider;
import org.fluviokit.client.spi.TargetSettings;
import org.fluviokit.junit.FluvioCluster;

/**
 * The target one run of the suite checks, chosen by the resolver every fluviokit tool shares
 * ({@link FluvioTarget#provider(TargetSettings)}): {@code fake} (the default) gives every scenario a
 * new fake broker; any other target is opened once for the run and every scenario sees it through a
 * namespace of its own.
 */
final class SuiteTarget implements AutoCloseable {

    private static SuiteTarget current;

    private final FluvioTargetProvider provider;
    /** The cluster of the run; empty on the fake, where each scenario gets a broker of its own. */
    private final FluvioTarget cluster;

    private SuiteTarget(FluvioTargetProvider provider, FluvioTarget cluster) {
        this.provider = provider;
        this.cluster = cluster;
    }

    /**
     * Opens the target {@code settings} name and makes it the run's, until closed.
     *
     * @throws UnsupportedTargetException when the name is unknown, the target is unavailable here,
     *                                    or it cannot be reached: before any scenario runs
     */
    static synchronized SuiteTarget open(TargetSettings settings) {
        FluvioTargetProvider provider;
        try {
            provider = FluvioTarget.provider(settings);
        } catch (FluvioException e) {
            throw new UnsupportedTargetException(e.getMessage());
        }
        Optional<String> unavailable = provider.unavailable(settings);
        if (unavailable.isPresent()) {
            throw new UnsupportedTargetException("The " + provider.name() + " target is not available: " + unavailable.get());
        }
        FluvioTarget cluster = null;
        if (!provider.name().equals("fake")) {
            try {
                cluster = provider.open(settings);
            } catch (FluvioException | IllegalArgumentException e) {
                throw new UnsupportedTargetException("The " + provider.name() + " target needs an endpoint or cannot"
                        + " start: " + e.getMessage() + " (set --endpoint host:port, -D" + FluvioTarget.ENDPOINT_PROPERTY
                        + ", " + FluvioTarget.ENDPOINT_ENV + " or a current Fluvio profile; 'embedded' for the fake's"
                        + " wire server)");
            }
            try (Fluvio fluvio = Fluvio.connect(cluster)) {
                fluvio.admin().listTopics();
            } catch (FluvioException e) {
                cluster.close();
                throw new UnsupportedTargetException("Cannot reach the " + cluster.describe() + ": " + e.getMessage());
            }
        }
        current = new SuiteTarget(provider, cluster);
        return current;
    }

    /**
     * The run's target: the one {@link ConformanceMain} opened, else (scenarios run from a user's own
     * tests) the one the system properties and environment name, opened on first use.
     */
    static synchronized SuiteTarget current() {
        if (current == null) {
            SuiteTarget opened = open(TargetSettings.system());
            Runtime.getRuntime().addShutdownHook(new Thread(opened::close, "fluviokit-suite-target"));
        }
        return current;
    }

    boolean isFake() {
        return cluster == null;
    }

    /** The matrix column's title, e.g. {@code fake broker} or {@code cluster 127.0.0.1:9003}. */
    String describe() {
        return cluster == null ? "fake broker" : cluster.describe();
    }

    /** The target's name as selected: {@code fake}, {@code cluster}, {@code local}, … */
    String name() {
        return provider.name();
    }

    /** The cluster of the run as a whole (not namespaced); empty on the fake. */
    Optional<FluvioTarget> cluster() {
        return Optional.ofNullable(cluster);
    }

    /**
     * A fresh cluster for one scenario: a new fake broker ({@link ScenarioCluster#fake()}), or the
     * run's cluster through a namespace of the scenario's own, so that scenarios with the same names
     * never meet.
     */
    ScenarioCluster forScenario() {
        if (cluster == null) {
            return ScenarioCluster.fake();
        }
        return new ScenarioCluster(FluvioCluster.connect(cluster.isolated()));
    }

    @Override
    public synchronized void close() {
        if (current == this) {
            current = null;
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    /** The suite cannot run on the target asked for. */
    static final class UnsupportedTargetException extends RuntimeException {
        UnsupportedTargetException(String message) {
            super(message);
        }
    }
}
