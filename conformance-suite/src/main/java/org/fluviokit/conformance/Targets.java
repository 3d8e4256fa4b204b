package org.fluviokit.conformance;

import java.util.Locale;

import org.fluviokit.client.Fluvio;
import org.fluviokit.client.FluvioException;
import org.fluviokit.client.FluvioTarget;

/**
 * Which target the suite runs on: the system property {@value #PROPERTY}, else the environment
 * variable {@value #ENV}: {@code fake} (the default: a new fake broker per scenario) or
 * {@code cluster}, whose endpoint comes from {@code fluviokit.endpoint}, {@code FLUVIO_ENDPOINT} or
 * the current Fluvio profile ({@code embedded} starts the fake's wire server in this JVM).
 */
final class Targets {

    static final String PROPERTY = FluvioTarget.TARGET_PROPERTY;
    static final String ENV = FluvioTarget.TARGET_ENV;

    private Targets() {
    }

    /** {@code fake} or {@code cluster}; throws with what to do for anything else. */
    static String selected() {
        String value = System.getProperty(PROPERTY);
        String source = PROPERTY;
        if (value == null) {
            value = System.getenv(ENV);
            source = ENV;
        }
        String target = value == null ? "fake" : value.trim().toLowerCase(Locale.ROOT);
        switch (target) {
            case "fake", "cluster":
                return target;
            default:
                throw new UnsupportedTargetException("Unknown target '" + value + "' (from " + source
                        + "): use 'fake' or 'cluster'");
        }
    }

    static boolean isCluster() {
        return selected().equals("cluster");
    }

    /** The matrix column's title, e.g. {@code fake broker (embedded)} or {@code cluster 127.0.0.1:9003}. */
    static String describe() {
        return isCluster() ? cluster().describe() : "fake broker (embedded)";
    }

    /** The cluster target's endpoint; throws with where it was looked for when there is none. */
    static String clusterEndpoint() {
        try {
            return FluvioTarget.clusterEndpointFromEnvironment();
        } catch (FluvioException e) {
            throw new UnsupportedTargetException("The cluster target needs an endpoint: set -D"
                    + FluvioTarget.ENDPOINT_PROPERTY + "=host:port (or 'embedded' for the fake's wire server), "
                    + FluvioTarget.ENDPOINT_ENV + ", or a current Fluvio profile (" + e.getMessage() + ")");
        }
    }

    /** The cluster as a whole (resolves {@code embedded} to the wire server it starts). */
    static FluvioTarget cluster() {
        String endpoint = clusterEndpoint();
        try {
            return FluvioTarget.cluster(endpoint);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedTargetException(e.getMessage());
        }
    }

    /** Fails with what went wrong when the target cannot be reached, before any scenario runs. */
    static void checkReachable() {
        if (!isCluster()) {
            return;
        }
        FluvioTarget target = cluster();
        try (Fluvio fluvio = Fluvio.connect(target)) {
            fluvio.admin().listTopics();
        } catch (FluvioException e) {
            throw new UnsupportedTargetException("Cannot reach the " + target.describe() + ": " + e.getMessage());
        }
    }

    /**
     * A fresh target for one scenario: a new fake broker, or the cluster seen through a prefix of the
     * scenario's own so that scenarios with the same names never meet on a shared cluster.
     */
    static ScenarioTarget open() {
        return isCluster() ? ScenarioTarget.cluster(cluster().isolated()) : ScenarioTarget.fake();
    }

    /** The suite cannot run on the target asked for. */
    static final class UnsupportedTargetException extends RuntimeException {
        UnsupportedTargetException(String message) {
            super(message);
        }
    }
}
