package org.fluviokit.client;

import java.util.Objects;
import java.util.Optional;

import org.fluviokit.fake.FakeBroker;

/**
 * Where a {@link Fluvio} client connects: a {@link FakeBroker} in the same JVM, or a Fluvio cluster
 * (a real one, or the fake's wire server) over Fluvio's binary protocol. The client behaves the
 * same on every target; only the transport differs.
 */
public abstract class FluvioTarget {

    /** System property choosing the target of {@link #fromEnvironment()}: {@code fake} or {@code cluster}. */
    public static final String TARGET_PROPERTY = "fluviokit.target";
    /** Environment variable used when {@value #TARGET_PROPERTY} is not set. */
    public static final String TARGET_ENV = "FLUVIOKIT_TARGET";
    /** System property with the cluster's SC endpoint ({@code host:port}). */
    public static final String ENDPOINT_PROPERTY = "fluviokit.endpoint";
    /** Environment variable with the endpoint, used when {@value #ENDPOINT_PROPERTY} is not set. */
    public static final String ENDPOINT_ENV = "FLUVIO_ENDPOINT";

    FluvioTarget() {
    }

    /** A fake broker in this JVM, reached by method calls; its virtual clock drives the client's timers. */
    public static FluvioTarget fake(FakeBroker broker) {
        return new Fake(broker);
    }

    /**
     * A cluster whose SC listens at {@code endpoint} ({@code host:port}), with Fluvio's default
     * timeouts. The endpoint {@value #EMBEDDED_ENDPOINT} starts (once per JVM) a fake broker behind its
     * wire server on ports the OS chooses, and reaches it over TCP like any cluster: the cluster code
     * path without a cluster.
     */
    public static FluvioTarget cluster(String endpoint) {
        return cluster(endpoint, ClusterSettings.defaults());
    }

    /** The endpoint that stands for the fake broker's wire server, started in this JVM. */
    public static final String EMBEDDED_ENDPOINT = "embedded";

    /** A cluster whose SC listens at {@code endpoint} ({@code host:port}). */
    public static FluvioTarget cluster(String endpoint, ClusterSettings settings) {
        if (EMBEDDED_ENDPOINT.equals(endpoint)) {
            org.fluviokit.fake.wire.WireServer server = EmbeddedWireServer.server();
            // The fake needs no pause between a delete and a create.
            return new Cluster(server.scEndpoint(), settings.withDeleteSettleTime(java.time.Duration.ZERO), true);
        }
        return new Cluster(endpoint, settings, false);
    }

    /**
     * The target the environment names: {@value #TARGET_PROPERTY} (system property) or
     * {@value #TARGET_ENV} is {@code fake} (the default: a new {@link FakeBroker}) or {@code cluster},
     * whose endpoint is {@value #ENDPOINT_PROPERTY}, {@value #ENDPOINT_ENV}, or the current profile of
     * Fluvio's profile file ({@code $FLV_PROFILE_PATH} or {@code ~/.fluvio/config}).
     *
     * @throws FluvioException for another target name, or a cluster whose endpoint cannot be found
     */
    public static FluvioTarget fromEnvironment() {
        return fromEnvironment(System.getProperties()::getProperty, System.getenv());
    }

    static FluvioTarget fromEnvironment(java.util.function.Function<String, String> properties,
                                        java.util.Map<String, String> environment) {
        String target = properties.apply(TARGET_PROPERTY);
        String source = TARGET_PROPERTY;
        if (target == null) {
            target = environment.get(TARGET_ENV);
            source = TARGET_ENV;
        }
        String name = target == null ? "fake" : target.trim().toLowerCase(java.util.Locale.ROOT);
        switch (name) {
            case "fake":
                return fake(FakeBroker.create());
            case "cluster":
                return cluster(clusterEndpoint(properties, environment));
            default:
                throw new FluvioException(org.fluviokit.protocol.ErrorCode.OTHER, "Unknown fluviokit target '" + target
                        + "' (from " + source + "): use 'fake' or 'cluster'");
        }
    }

    /**
     * The endpoint of the cluster target: {@value #ENDPOINT_PROPERTY}, {@value #ENDPOINT_ENV}, or the
     * current profile of Fluvio's profile file.
     *
     * @throws FluvioException when none of them names one
     */
    public static String clusterEndpointFromEnvironment() {
        return clusterEndpoint(System.getProperties()::getProperty, System.getenv());
    }

    /** The endpoint of the cluster target: property, environment variable, or the current Fluvio profile. */
    static String clusterEndpoint(java.util.function.Function<String, String> properties,
                                  java.util.Map<String, String> environment) {
        String endpoint = properties.apply(ENDPOINT_PROPERTY);
        if (endpoint == null || endpoint.isBlank()) {
            endpoint = environment.get(ENDPOINT_ENV);
        }
        if (endpoint == null || endpoint.isBlank()) {
            endpoint = FluvioProfiles.endpoint(FluvioProfiles.location(environment), null);
        }
        return endpoint.trim();
    }

    abstract Transport openTransport();

    /** The fake broker this target reaches in-process, if it is a fake target. */
    public Optional<FakeBroker> fakeBroker() {
        return Optional.empty();
    }

    /**
     * Whether {@link #restart()} can restart the cluster: a fake's broker, or the
     * {@value #EMBEDDED_ENDPOINT} cluster, which this JVM runs; never another cluster.
     */
    public boolean canRestart() {
        return false;
    }

    /**
     * Restarts the cluster (K4): records and acknowledged consumer offsets survive, every
     * connection is dropped and clients reconnect. On the {@value #EMBEDDED_ENDPOINT} cluster it
     * returns once this JVM's clients have seen their connections close, as they would while a
     * real cluster is down.
     *
     * @throws UnsupportedOperationException when {@link #canRestart()} is false
     */
    public void restart() {
        throw new UnsupportedOperationException(describe() + " cannot be restarted from here");
    }

    /**
     * This target as one test sees a shared cluster: topic names and consumer ids get
     * {@code prefix} on the cluster and read back without it; topics and consumers of others are
     * not seen (system topics are). Lets tests that use fixed names run side by side on one cluster.
     *
     * @param prefix a valid start of a topic name, e.g. {@code t3f9a2-}
     */
    public FluvioTarget namespaced(String prefix) {
        if (prefix.isEmpty() || !FakeBroker.isValidTopicName(prefix + "x")) {
            throw new IllegalArgumentException("'" + prefix + "' cannot start a topic name");
        }
        FluvioTarget shared = this;
        return new FluvioTarget() {
            @Override
            Transport openTransport() {
                return new NamespacedTransport(shared.openTransport(), prefix);
            }

            @Override
            public String describe() {
                return shared.describe();
            }

            @Override
            public Optional<String> endpoint() {
                return shared.endpoint();
            }

            @Override
            public boolean canRestart() {
                return shared.canRestart();
            }

            @Override
            public void restart() {
                shared.restart();
            }
        };
    }

    /**
     * {@link #namespaced(String)} with a random prefix of its own: what one test or scenario uses so
     * that it meets nobody else on a shared cluster.
     */
    public FluvioTarget isolated() {
        return namespaced("t" + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() >>> 20) + "-");
    }

    /** A short description, e.g. {@code fake broker}. */
    public abstract String describe();

    /** The SC endpoint ({@code host:port}) of a cluster target; empty for a fake reached in-process. */
    public Optional<String> endpoint() {
        return Optional.empty();
    }

    @Override
    public String toString() {
        return describe();
    }

    static final class Cluster extends FluvioTarget {
        private final String host;
        private final int port;
        private final ClusterSettings settings;
        private final boolean embedded;

        Cluster(String endpoint, ClusterSettings settings, boolean embedded) {
            int colon = endpoint.lastIndexOf(':');
            if (colon <= 0 || colon == endpoint.length() - 1) {
                throw new IllegalArgumentException("a cluster endpoint is host:port, not '" + endpoint + "'");
            }
            this.host = endpoint.substring(0, colon);
            try {
                this.port = Integer.parseInt(endpoint.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a cluster endpoint is host:port, not '" + endpoint + "'", e);
            }
            this.settings = Objects.requireNonNull(settings, "settings");
            this.embedded = embedded;
        }

        @Override
        Transport openTransport() {
            return new WireTransport(host, port, settings);
        }

        @Override
        public String describe() {
            return "cluster " + host + ":" + port;
        }

        @Override
        public Optional<String> endpoint() {
            return Optional.of(host + ":" + port);
        }

        @Override
        public boolean canRestart() {
            return embedded;
        }

        @Override
        public void restart() {
            if (embedded) {
                EmbeddedWireServer.restart();
            } else {
                super.restart();
            }
        }
    }

    static final class Fake extends FluvioTarget {
        private final FakeBroker broker;

        Fake(FakeBroker broker) {
            this.broker = Objects.requireNonNull(broker, "broker");
        }

        FakeBroker broker() {
            return broker;
        }

        @Override
        public Optional<FakeBroker> fakeBroker() {
            return Optional.of(broker);
        }

        @Override
        Transport openTransport() {
            return new FakeTransport(broker);
        }

        @Override
        public boolean canRestart() {
            return true;
        }

        @Override
        public void restart() {
            broker.restart();
        }

        @Override
        public String describe() {
            return "fake broker";
        }
    }
}
