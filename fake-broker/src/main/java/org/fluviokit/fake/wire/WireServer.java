package org.fluviokit.fake.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.fluviokit.fake.FakeBroker;
import org.fluviokit.protocol.FrameReader;

/**
 * Serves a {@link FakeBroker} over Fluvio's wire protocol, so that Fluvio's own CLI and client
 * libraries can use it: one SC listener and one SPU listener per SPU of the broker
 * ({@link FakeBroker#spuIds()}), plain TCP on 127.0.0.1 (spec wire-protocol §6).
 *
 * <p>It is the same engine the in-process target uses: records, consumer offsets, restarts,
 * faults and the clock are the broker's. Every SPU listener serves every partition (there is one
 * engine); the SC publishes the broker's topics, their partitions (with the
 * {@value FakeBroker#CONSUMER_OFFSET_TOPIC} system topic) and the SPUs, and pushes topic changes
 * to every open Watch before it answers the Create or Delete that caused them (§6.3).
 *
 * <p>Ports are chosen by the operating system unless given; read them back with
 * {@link #scEndpoint()} and {@link #spuPort(int)}. A client finds the SC through a Fluvio profile
 * ({@link #writeProfile(Path)}) or {@code fluvio -c HOST:PORT}, and the SPUs through the SC's
 * metadata.
 *
 * <pre>{@code
 * try (FakeBroker broker = FakeBroker.builder().clock(Clock.systemUTC()).build();
 *      WireServer server = WireServer.start(broker)) {
 *     server.writeProfile(dir.resolve("config"));   // FLV_PROFILE_PATH=dir/config fluvio topic list
 * }
 * }</pre>
 *
 * <p>A malformed, unknown or oversized request (above {@link Builder#maxFrameSize(int)}) closes
 * the connection it came on, as Fluvio's servers do; the broker and every other connection are
 * untouched. {@link FakeBroker#restart()} closes every connection. Clients that rely on the
 * auto-commit timing should run the broker on a real clock ({@code Clock.systemUTC()}): the
 * wire server stamps offsets with the broker's clock, whatever it is.
 *
 * <p>Faults injected with {@link FakeBroker#faults()} answer wire requests as they answer
 * in-process calls; a List request that fails closes its connection (a List response has no error
 * field). The server reads the broker's topics once when it starts, with
 * {@link FakeBroker#listTopics()}: arm {@code LIST_TOPICS} faults after starting it.
 *
 * <p>Known differences from a real cluster: compressed batches are stored record by record, so
 * Snappy, LZ4 and zstd batches (which the protocol module cannot read) are refused with
 * CompressionError (9000) and gzip batches are sent back uncompressed; SmartModules are refused
 * (SmartModuleNotFound, 6001); a Create may ask for at most {@link Builder#maxPartitions(int)}
 * partitions; every SPU listener serves every partition and the consumer-offset APIs.
 *
 * <p>Closing the server does not close the broker. Thread-safe.
 */
public final class WireServer implements AutoCloseable {

    /** The Fluvio release whose SC this server answers as (ApiVersions' platform_version, §6.6). */
    public static final String PLATFORM_VERSION = "0.18.1";
    /** The most partitions a topic created over the wire may have (a real SC has no such limit). */
    public static final int DEFAULT_MAX_PARTITIONS = 1000;

    private static final System.Logger LOG = WireConnection.LOG;

    private final FakeBroker broker;
    private final String host;
    private final int maxFrameSize;
    private final int maxPartitions;
    private final MetadataPublisher metadata;
    private final ServerSocket scSocket;
    private final Map<Integer, ServerSocket> spuSockets = new LinkedHashMap<>();
    private final Set<WireConnection> connections = ConcurrentHashMap.newKeySet();
    private final ExecutorService pushes;
    private final List<Thread> acceptors = new ArrayList<>();
    private final AtomicInteger unexpectedErrors = new AtomicInteger();
    private volatile boolean closed;

    private WireServer(Builder builder) throws IOException {
        this.broker = builder.broker;
        this.host = builder.host;
        this.maxFrameSize = builder.maxFrameSize;
        this.maxPartitions = builder.maxPartitions;
        this.metadata = new MetadataPublisher(this, broker);
        AtomicInteger threads = new AtomicInteger();
        this.pushes = Executors.newCachedThreadPool(task -> daemon(task, "fluviokit-stream-" + threads.incrementAndGet()));
        InetAddress address = InetAddress.getByName(host);
        List<ServerSocket> opened = new ArrayList<>();
        try {
            scSocket = bind(address, builder.scPort);
            opened.add(scSocket);
            List<Integer> ids = broker.spuIds();
            for (int i = 0; i < ids.size(); i++) {
                // A local cluster numbers SPU public ports 9010, 9020, …: the same steps from a given port.
                int port = builder.spuPort == 0 ? 0 : builder.spuPort + 10 * i;
                ServerSocket socket = bind(address, port);
                opened.add(socket);
                spuSockets.put(ids.get(i), socket);
            }
        } catch (IOException | RuntimeException e) {
            for (ServerSocket socket : opened) {
                socket.close();
            }
            pushes.shutdownNow();
            throw e;
        }
        metadata.attach();
        acceptors.add(acceptor(scSocket, "SC", socket -> new ScConnection(this, socket)));
        for (Map.Entry<Integer, ServerSocket> spu : spuSockets.entrySet()) {
            acceptors.add(acceptor(spu.getValue(), "SPU " + spu.getKey(), socket -> new SpuConnection(this, spu.getKey(), socket)));
        }
        acceptors.forEach(Thread::start);
    }

    /**
     * Serves {@code broker} on ports chosen by the operating system.
     *
     * @throws UncheckedIOException if a listener cannot be opened
     */
    public static WireServer start(FakeBroker broker) {
        return builder(broker).start();
    }

    public static Builder builder(FakeBroker broker) {
        return new Builder(broker);
    }

    /** The broker this server serves. */
    public FakeBroker broker() {
        return broker;
    }

    /** {@code host:port} of the SC, e.g. {@code "127.0.0.1:40123"}: a profile's endpoint or {@code fluvio -c}. */
    public String scEndpoint() {
        return host + ":" + scPort();
    }

    public int scPort() {
        return scSocket.getLocalPort();
    }

    /**
     * The public port of SPU {@code spuId}, as the SC publishes it.
     *
     * @throws IllegalArgumentException if the broker has no such SPU
     */
    public int spuPort(int spuId) {
        ServerSocket socket = spuSockets.get(spuId);
        if (socket == null) {
            throw new IllegalArgumentException("no SPU " + spuId + "; the broker's SPUs are " + spuSockets.keySet());
        }
        return socket.getLocalPort();
    }

    /** Every port this server listens on: the SC's and each SPU's. */
    public java.util.Set<Integer> ports() {
        java.util.Set<Integer> ports = new java.util.TreeSet<>();
        ports.add(scPort());
        spuSockets.values().forEach(socket -> ports.add(socket.getLocalPort()));
        return ports;
    }

    /** The host the listeners are bound to and the SC publishes for the SPUs. */
    public String host() {
        return host;
    }

    /**
     * Writes a Fluvio profile file (the {@code ~/.fluvio/config} format, spec §6.8) whose current
     * profile {@code fluviokit} points at this server, replacing the file if it exists. Use it with
     * {@code FLV_PROFILE_PATH=<file>}; the CLI and the client libraries then connect here.
     *
     * @return {@code file}
     */
    public Path writeProfile(Path file) {
        return writeProfile(file, "fluviokit");
    }

    /** {@link #writeProfile(Path)} with another profile (and cluster) name. */
    public Path writeProfile(Path file, String profileName) {
        Objects.requireNonNull(file, "file");
        if (!profileName.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("profile name must be letters, digits, '-' or '_': " + profileName);
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (Files.isSymbolicLink(file)) {
                // written through, so the link stays a link
                Files.writeString(file, profile(profileName), StandardCharsets.UTF_8);
                return file;
            }
            // Written aside and renamed: a process killed while writing (the standalone jar under kill -9)
            // must not leave a cut profile, which the next start would take for someone else's file.
            Path temp = file.resolveSibling("." + file.getFileName() + ".fluviokit-tmp");
            Files.writeString(temp, profile(profileName), StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Fluvio profile " + file, e);
        }
    }

    /** The profile file's text (spec §6.8). */
    String profile(String name) {
        return PROFILE_MARKER + "\n"
                + "version = \"2.0\"\n"
                + "current_profile = \"" + name + "\"\n\n"
                + "[profile." + name + "]\n"
                + "cluster = \"" + name + "\"\n\n"
                + "[cluster." + name + "]\n"
                + "endpoint = \"" + scEndpoint() + "\"\n"
                + "use_spu_local_address = false\n\n"
                + "[cluster." + name + ".tls]\n"
                + "tls_policy = \"disabled\"\n";
    }

    /** First line of every profile this class writes. */
    static final String PROFILE_MARKER = "# Fluvio profile written by fluviokit's fake broker";

    /** How many connections are open (SC and SPU). */
    public int openConnections() {
        return connections.size();
    }

    /** Stops listening and closes every connection; the broker stays open. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        metadata.detach();
        try {
            scSocket.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (ServerSocket socket : spuSockets.values()) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        closeConnections();
        pushes.shutdownNow();
        for (Thread acceptor : acceptors) {
            try {
                acceptor.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("WireServer[SC ").append(scEndpoint());
        spuSockets.forEach((id, socket) -> text.append(", SPU ").append(id).append(' ').append(host).append(':')
                .append(socket.getLocalPort()));
        return text.append(']').toString();
    }

    // ---------------------------------------------------------------- package-private

    MetadataPublisher metadata() {
        return metadata;
    }

    String platformVersion() {
        return PLATFORM_VERSION;
    }

    String advertisedHost() {
        return host;
    }

    int maxFrameSize() {
        return maxFrameSize;
    }

    int maxPartitions() {
        return maxPartitions;
    }

    /** Failures that are bugs rather than bad input: counted so that tests (the fuzz test) can assert none. */
    int unexpectedErrors() {
        return unexpectedErrors.get();
    }

    void unexpected(WireConnection connection, Throwable e) {
        unexpectedErrors.incrementAndGet();
        LOG.log(Level.ERROR, "closing " + connection.name() + " after an unexpected failure", e);
    }

    void closeConnections() {
        for (WireConnection connection : List.copyOf(connections)) {
            connection.close();
        }
    }

    void forget(WireConnection connection) {
        connections.remove(connection);
    }

    void execute(Runnable task) {
        try {
            pushes.execute(task);
        } catch (RejectedExecutionException e) {
            // the server is closing
        }
    }

    private interface ConnectionFactory {
        WireConnection open(Socket socket) throws IOException;
    }

    private Thread acceptor(ServerSocket listener, String role, ConnectionFactory factory) {
        return daemon(() -> {
            while (!closed) {
                Socket socket;
                try {
                    socket = listener.accept();
                } catch (IOException e) {
                    if (!closed) {
                        LOG.log(Level.ERROR, role + " listener failed", e);
                    }
                    return;
                }
                try {
                    WireConnection connection = factory.open(socket);
                    connections.add(connection);
                    if (closed) {
                        connection.close();
                        return;
                    }
                    daemon(connection::serve, "fluviokit-" + connection.name()).start();
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "refusing a " + role + " connection: " + e);
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // refused anyway
                    }
                }
            }
        }, "fluviokit-" + role + "-listener-" + listener.getLocalPort());
    }

    private static ServerSocket bind(InetAddress address, int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            // Port 0: the operating system picks a free port, read back with getLocalPort().
            socket.bind(new InetSocketAddress(address, port), 128);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw new IOException("cannot listen on " + address.getHostAddress() + ":" + port + ": " + e.getMessage(), e);
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** How a server is set up; {@link #start()} opens the listeners. */
    public static final class Builder {
        private final FakeBroker broker;
        private int scPort;
        private int spuPort;
        private String host = "127.0.0.1";
        private int maxFrameSize = FrameReader.DEFAULT_MAX_FRAME_SIZE;
        private int maxPartitions = DEFAULT_MAX_PARTITIONS;

        private Builder(FakeBroker broker) {
            this.broker = Objects.requireNonNull(broker, "broker");
        }

        /** The SC's port; 0 (the default) lets the operating system choose. */
        public Builder scPort(int port) {
            this.scPort = checkPort(port);
            return this;
        }

        /**
         * The first SPU's public port; SPU {@code i} (counting from 0) gets {@code port + 10 i}, as
         * in a local Fluvio cluster. 0 (the default) lets the operating system choose every port.
         */
        public Builder spuPort(int port) {
            this.spuPort = checkPort(port);
            return this;
        }

        /** Where to listen, and the address the SC publishes for the SPUs (default {@code 127.0.0.1}). */
        public Builder host(String listenHost) {
            this.host = Objects.requireNonNull(listenHost, "host");
            return this;
        }

        /** The largest request frame accepted; a larger one closes its connection (default 64 MiB). */
        public Builder maxFrameSize(int bytes) {
            if (bytes < 64) {
                throw new IllegalArgumentException("too small a frame limit: " + bytes);
            }
            this.maxFrameSize = bytes;
            return this;
        }

        /** The most partitions a Create may ask for (default {@value #DEFAULT_MAX_PARTITIONS}). */
        public Builder maxPartitions(int partitions) {
            if (partitions < 1) {
                throw new IllegalArgumentException("maxPartitions must be positive: " + partitions);
            }
            this.maxPartitions = partitions;
            return this;
        }

        /**
         * Opens the listeners and starts serving.
         *
         * @throws UncheckedIOException if a port cannot be bound
         */
        public WireServer start() {
            try {
                return new WireServer(this);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static int checkPort(int port) {
            if (port < 0 || port > 0xFFFF) {
                throw new IllegalArgumentException("not a port: " + port);
            }
            return port;
        }
    }
}
