package org.fluviokit.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.fluviokit.client.spi.FluvioTargetProvider;
import org.fluviokit.client.spi.TargetSettings;
import org.fluviokit.client.spi.Transport;
import org.fluviokit.protocol.ErrorCode;

/**
 * Where a {@link Fluvio} client connects: a Fluvio cluster over Fluvio's binary protocol
 * ({@link #cluster(String)}), or any target a provider offers by name ({@link #from(TargetSettings)}:
 * {@code fluviokit-testkit} adds the in-memory fake, the fake's wire server, a local cluster started
 * from Fluvio's own binaries, and Fluvio in Docker). The client behaves the same on every target;
 * only the transport differs.
 *
 * <p>A target that started what it reaches (the fake's wire server, a local cluster, a container)
 * stops it when closed; closing any other target does nothing.
 */
public abstract class FluvioTarget implements AutoCloseable {

    /** Setting naming the target of {@link #fromEnvironment()}: {@code fake}, {@code cluster}, … */
    public static final String TARGET_PROPERTY = "fluviokit.target";
    /** Environment variable used when {@value #TARGET_PROPERTY} is not set. */
    public static final String TARGET_ENV = "FLUVIOKIT_TARGET";
    /** Setting with the cluster's SC endpoint ({@code host:port}). */
    public static final String ENDPOINT_PROPERTY = "fluviokit.endpoint";
    /** Environment variable with the endpoint, used when {@value #ENDPOINT_PROPERTY} is not set. */
    public static final String ENDPOINT_ENV = "FLUVIO_ENDPOINT";
    /**
     * The endpoint that stands for the fake broker's wire server started in this JVM (from
     * {@code fluviokit-testkit}): the cluster code path without a cluster.
     */
    public static final String EMBEDDED_ENDPOINT = "embedded";

    /** The target names fluviokit's own artifacts provide, to say which one is missing. */
    private static final Map<String, String> KNOWN_PROVIDERS = Map.of(
            "fake", "fluviokit-testkit", EMBEDDED_ENDPOINT, "fluviokit-testkit",
            "local", "fluviokit-testkit", "container", "fluviokit-testkit");

    /** The cluster target this one is built around, if any: what it delegates to. */
    private final FluvioTarget around;

    /** For target implementations; applications get targets from the static methods. */
    protected FluvioTarget() {
        this.around = null;
    }

    /**
     * For a target built around a cluster target (the process, container or server that runs the
     * cluster): its connections, endpoint and restart are those of {@code around} unless overridden.
     */
    protected FluvioTarget(FluvioTarget around) {
        this.around = Objects.requireNonNull(around, "around");
    }

    /**
     * A cluster whose SC listens at {@code endpoint} ({@code host:port}), with Fluvio's default
     * timeouts. {@value #EMBEDDED_ENDPOINT} names the fake's wire server in this JVM, when
     * {@code fluviokit-testkit} is on the classpath.
     *
     * @throws IllegalArgumentException when {@code endpoint} is not {@code host:port}
     */
    public static FluvioTarget cluster(String endpoint) {
        if (EMBEDDED_ENDPOINT.equals(endpoint)) {
            return provider(EMBEDDED_ENDPOINT, "the endpoint").open(TargetSettings.system());
        }
        return cluster(endpoint, ClusterSettings.defaults());
    }

    /**
     * A cluster whose SC listens at {@code endpoint} ({@code host:port}).
     *
     * @throws IllegalArgumentException when {@code endpoint} is not {@code host:port}
     */
    public static FluvioTarget cluster(String endpoint, ClusterSettings settings) {
        return new Cluster(endpoint, settings, null);
    }

    /**
     * A cluster that {@link #restart()} restarts with {@code restart}, which must take the cluster (or
     * part of it) down and bring it up again (a process this JVM runs, or a command such as
     * {@code systemctl restart}) and return the ports whose servers went down. {@code restart()} then
     * returns once every connection this target's clients had to those ports has seen its end, as
     * clients do while a real cluster is down. An empty set stands for every port this target's
     * clients are connected to, for a restart that cannot tell (a command).
     */
    public static FluvioTarget restartableCluster(String endpoint, ClusterSettings settings, ClusterRestart restart) {
        return new Cluster(endpoint, settings, Objects.requireNonNull(restart, "restart"));
    }

    /** How a cluster this JVM can restart is restarted: {@link #restartableCluster}. */
    @FunctionalInterface
    public interface ClusterRestart {
        /**
         * Restarts the cluster; returns the ports (of the SC and SPUs) whose servers went down and came
         * back, or an empty set for all of them.
         */
        Set<Integer> restart();
    }

    /**
     * The target the environment names: the system property {@value #TARGET_PROPERTY}, else the
     * environment variable {@value #TARGET_ENV}: {@code cluster} (whose endpoint is
     * {@value #ENDPOINT_PROPERTY}, {@value #ENDPOINT_ENV}, or the current profile of Fluvio's profile
     * file, {@code $FLV_PROFILE_PATH} or {@code ~/.fluvio/config}), or a name a provider offers;
     * {@code fake} when neither is set.
     *
     * @throws FluvioException for a name no provider offers, or a cluster whose endpoint cannot be found
     */
    public static FluvioTarget fromEnvironment() {
        return from(TargetSettings.system());
    }

    /** The target {@code settings} name ({@link TargetSettings#targetName()}), opened by its provider. */
    public static FluvioTarget from(TargetSettings settings) {
        return provider(settings).open(settings);
    }

    /**
     * The provider of the target {@code settings} name. The one resolver of target names: the
     * extension, the conformance suite and {@link #fromEnvironment()} all come here.
     *
     * @throws FluvioException for a name no provider offers, saying where the name came from and
     *                         which names there are
     */
    public static FluvioTargetProvider provider(TargetSettings settings) {
        return provider(settings.targetName(), settings.sourceOf(TARGET_PROPERTY).orElse("the default"));
    }

    private static FluvioTargetProvider provider(String name, String source) {
        Map<String, FluvioTargetProvider> providers = providers();
        FluvioTargetProvider provider = providers.get(name);
        if (provider != null) {
            return provider;
        }
        String missing = KNOWN_PROVIDERS.containsKey(name)
                ? ": it is provided by " + KNOWN_PROVIDERS.get(name) + ", which is not on the classpath"
                : ": use " + String.join(", ", providers.keySet().stream().map(known -> "'" + known + "'").toList());
        throw new FluvioException(ErrorCode.OTHER, "Unknown fluviokit target '" + name + "' (from " + source + ")" + missing);
    }

    private static Map<String, FluvioTargetProvider> providers() {
        Map<String, FluvioTargetProvider> providers = new TreeMap<>();
        providers.put("cluster", new ClusterProvider());
        // A provider on the classpath may stand in for the built-in one (the testkit's cluster can run a restart command).
        for (FluvioTargetProvider provider : ServiceLoader.load(FluvioTargetProvider.class, FluvioTarget.class.getClassLoader())) {
            providers.put(provider.name(), provider);
        }
        return providers;
    }

    /**
     * The endpoint of the cluster target: {@value #ENDPOINT_PROPERTY}, {@value #ENDPOINT_ENV}, or the
     * current profile of Fluvio's profile file.
     *
     * @throws FluvioException when none of them names one
     */
    public static String clusterEndpoint(TargetSettings settings) {
        return settings.get(ENDPOINT_PROPERTY)
                .orElseGet(() -> FluvioProfiles.endpoint(FluvioProfiles.location(settings.environment()), null).trim());
    }

    /**
     * Opens a connection to the target: what {@link Fluvio#connect(FluvioTarget)} talks through. A
     * target built around another opens that one's unless it overrides this.
     */
    protected Transport openTransport() {
        if (around == null) {
            throw new IllegalStateException(getClass().getName() + " neither opens a transport nor is built around a target");
        }
        return around.openTransport();
    }

    /** Stops what this target started, if anything; the clients of it then fail as on a cluster that went away. */
    @Override
    public void close() {
    }

    /**
     * Whether {@link #restart()} can restart the cluster: a fake broker, or a cluster this JVM runs
     * or was given a restart command for; never another cluster.
     */
    public boolean canRestart() {
        return around != null && around.canRestart();
    }

    /**
     * Restarts the cluster (K4): records and acknowledged consumer offsets survive, every
     * connection is dropped and clients reconnect. On a cluster it returns once this JVM's clients
     * have seen their connections close, as they would while a real cluster is down.
     *
     * @throws UnsupportedOperationException when {@link #canRestart()} is false
     */
    public void restart() {
        if (around == null) {
            throw new UnsupportedOperationException(describe() + " cannot be restarted from here");
        }
        around.restart();
    }

    /**
     * This target as one test sees a shared cluster: topic names and consumer ids get
     * {@code prefix} on the cluster and read back without it; topics and consumers of others are
     * not seen (system topics are). Lets tests that use fixed names run side by side on one cluster.
     *
     * @param prefix a valid start of a topic name, e.g. {@code t3f9a2-}
     */
    public FluvioTarget namespaced(String prefix) {
        if (prefix.isEmpty() || !org.fluviokit.protocol.TopicNames.isValid(prefix + "x")) {
            throw new IllegalArgumentException("'" + prefix + "' cannot start a topic name");
        }
        FluvioTarget shared = this;
        return new FluvioTarget(shared) {
            @Override
            protected Transport openTransport() {
                return new NamespacedTransport(super.openTransport(), prefix);
            }

            @Override
            public String describe() {
                return shared.describe();
            }
        };
    }

    /**
     * {@link #namespaced(String)} with a random prefix of its own: what one test or scenario uses so
     * that it meets nobody else on a shared cluster.
     */
    public FluvioTarget isolated() {
        return namespaced("t" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 20) + "-");
    }

    /** A short description, e.g. {@code fake broker} or {@code cluster 127.0.0.1:9003}. */
    public abstract String describe();

    /** The SC endpoint ({@code host:port}) of a cluster target; empty for a target reached in-process. */
    public Optional<String> endpoint() {
        return around == null ? Optional.empty() : around.endpoint();
    }

    @Override
    public String toString() {
        return describe();
    }

    /** {@code cluster}: the endpoint of the settings, or a provider's endpoint name such as {@value #EMBEDDED_ENDPOINT}. */
    private static final class ClusterProvider implements FluvioTargetProvider {
        @Override
        public String name() {
            return "cluster";
        }

        @Override
        public FluvioTarget open(TargetSettings settings) {
            String endpoint = clusterEndpoint(settings);
            if (EMBEDDED_ENDPOINT.equals(endpoint)) {
                return provider(EMBEDDED_ENDPOINT, settings.sourceOf(ENDPOINT_PROPERTY).orElse("the endpoint")).open(settings);
            }
            return cluster(endpoint);
        }
    }

    private static final class Cluster extends FluvioTarget {
        private final String host;
        private final int port;
        private final ClusterSettings settings;
        private final ClusterRestart restart;
        /** The transports this target opened and that are still open: whose connections a restart waits for. */
        private final Set<WireTransport> transports = ConcurrentHashMap.newKeySet();

        Cluster(String endpoint, ClusterSettings settings, ClusterRestart restart) {
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
            this.restart = restart;
        }

        @Override
        protected Transport openTransport() {
            WireTransport transport = new WireTransport(host, port, settings, transports::remove);
            transports.add(transport);
            return transport;
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
            return restart != null;
        }

        @Override
        public void restart() {
            if (restart == null) {
                super.restart();
            }
            List<WireSocket> connected = new ArrayList<>();
            for (WireTransport transport : transports) {
                connected.addAll(transport.openSockets());
            }
            Set<Integer> restarted = restart.restart();
            WireSocket.awaitClosed(connected.stream()
                            .filter(socket -> restarted.isEmpty() || restarted.contains(socket.port())).toList(),
                    settings.requestTimeout().plus(Duration.ofSeconds(10)));
        }
    }
}
