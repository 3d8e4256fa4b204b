package org.fluviokit.client;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.fluviokit.client.spi.TransportException;
import org.fluviokit.protocol.ApiVersionsRequest;
import org.fluviokit.protocol.ApiVersionsResponse;
import org.fluviokit.protocol.Encodable;
import org.fluviokit.protocol.FluvioApi;
import org.fluviokit.protocol.FrameReader;
import org.fluviokit.protocol.Frames;
import org.fluviokit.protocol.ProtocolException;
import org.fluviokit.protocol.RequestHeader;
import org.fluviokit.protocol.WireReader;

/**
 * One TCP connection to an SC or an SPU, multiplexed as Fluvio's client does (spec wire-protocol
 * §1.8): ApiVersions first, answered by the first frame; then requests written back to back with
 * correlation ids counted from 1 again, their responses routed by correlation id, and streams
 * (Watch, StreamFetch) keeping theirs for as long as they live. A reader thread owns the input.
 */
final class WireSocket implements AutoCloseable {

    /**
     * The client library version sent in ApiVersions. A real SC closes the connection without a word
     * when it is not semver (§2.2); this is the version of the Rust client the protocol here matches.
     */
    static final String CLIENT_VERSION = "0.50.1";

    private static final Logger LOG = Logger.getLogger(WireSocket.class.getName());


    private final String address;
    private final Socket socket;
    private final OutputStream out;
    private final String clientId;
    private final Duration requestTimeout;
    private final List<ApiVersionsResponse.ApiVersionKey> versions;
    private final String platformVersion;
    private final AtomicInteger correlationIds = new AtomicInteger(1);
    private final Map<Integer, CompletableFuture<WireReader>> pending = new ConcurrentHashMap<>();
    private final Map<Integer, StreamHandler> streams = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private volatile String closeReason = "closed";
    /** Open until {@link #close(String)} has failed the waiting requests and told the streams. */
    private final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);

    private WireSocket(String address, Socket socket, String clientId, Duration requestTimeout,
                       ApiVersionsResponse apiVersions) throws IOException {
        this.address = address;
        this.socket = socket;
        this.out = new BufferedOutputStream(socket.getOutputStream());
        this.clientId = clientId;
        this.requestTimeout = requestTimeout;
        this.versions = apiVersions.apiKeys();
        this.platformVersion = apiVersions.platformVersion();
    }

    /**
     * Connects and exchanges ApiVersions.
     *
     * @throws TransportException when the server cannot be reached or does not answer as Fluvio does
     */
    static WireSocket connect(String host, int port, String clientId, ClusterSettings settings) {
        String address = host + ":" + port;
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) settings.connectTimeout().toMillis());
            socket.setSoTimeout((int) settings.requestTimeout().toMillis());
            OutputStream raw = socket.getOutputStream();
            RequestHeader header = new RequestHeader(ApiVersionsRequest.API_KEY, ApiVersionsRequest.DEFAULT_API_VERSION,
                    1, clientId);
            raw.write(Frames.request(header, new ApiVersionsRequest(CLIENT_VERSION, os(), arch())));
            raw.flush();
            FrameReader reader = new FrameReader(socket.getInputStream());
            byte[] frame = reader.readFrame().orElseThrow(() -> new EOFException("closed before answering ApiVersions"));
            WireReader response = new WireReader(frame);
            response.i32("correlation_id"); // the first frame answers ApiVersions, whatever its id says (§1.8)
            ApiVersionsResponse versions = ApiVersionsResponse.decode(response, ApiVersionsRequest.DEFAULT_API_VERSION);
            socket.setSoTimeout(0);
            WireSocket connection = new WireSocket(address, socket, clientId, settings.requestTimeout(), versions);
            connection.startReader(reader);
            return connection;
        } catch (EOFException e) {
            closeQuietly(socket);
            throw SocketError.closedBeforeHandshake(address, e);
        } catch (IOException e) {
            closeQuietly(socket);
            throw SocketError.cannotConnect(address, e);
        } catch (ProtocolException e) {
            closeQuietly(socket);
            throw new TransportException("cannot connect to " + address + ": " + e.getMessage(), e);
        }
    }

    String address() {
        return address;
    }

    /** The server's port. */
    int port() {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    /**
     * Waits until each of {@code sockets} has seen its end and acted on it (waiting requests failed,
     * streams told), as every client of a cluster that went down does before it can come back.
     *
     * @throws TransportException if one of them has not within {@code timeout}
     */
    static void awaitClosed(List<WireSocket> sockets, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (WireSocket socket : sockets) {
            try {
                if (!socket.ended.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    throw new TransportException("the connection to " + socket.address + " did not close within "
                            + timeout.toMillis() + " ms");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException("interrupted while waiting for " + socket.address + " to close", e);
            }
        }
    }

    String platformVersion() {
        return platformVersion;
    }

    boolean isClosed() {
        return closed;
    }

    /** The version to encode {@code api} with for this server (§1.7), if there is one. */
    Optional<Short> negotiate(FluvioApi api) {
        return api.negotiate(versions);
    }

    /** Sends a request and waits for its response body (positioned after the correlation id). */
    WireReader request(int apiKey, short version, Encodable body) {
        InFlight inFlight = start(apiKey, version, body, clientId);
        CompletableFuture<WireReader> response = inFlight.response();
        try {
            return response.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted waiting for " + address, e);
        } catch (TimeoutException e) {
            // §1.8: the socket is stale once a request timed out
            close("timed out after " + requestTimeout.toSeconds() + " s waiting for a response to api key " + apiKey);
            throw SocketError.timedOut(requestTimeout.toSeconds(), apiKey, inFlight.correlationId());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof TransportException transport ? transport
                    : new TransportException(e.getCause().getMessage(), e.getCause());
        }
    }

    /** Sends a request; the future completes with the response body. */
    CompletableFuture<WireReader> send(int apiKey, short version, Encodable body, String requestClientId) {
        return start(apiKey, version, body, requestClientId).response();
    }

    private InFlight start(int apiKey, short version, Encodable body, String requestClientId) {
        CompletableFuture<WireReader> response = new CompletableFuture<>();
        if (closed) {
            response.completeExceptionally(SocketError.stale("connection to " + address + " " + closeReason));
            return new InFlight(0, response);
        }
        int correlationId = correlationIds.getAndIncrement();
        pending.put(correlationId, response);
        try {
            write(Frames.request(new RequestHeader(apiKey, version, correlationId, requestClientId), body));
        } catch (TransportException e) {
            pending.remove(correlationId);
            response.completeExceptionally(e);
        }
        return new InFlight(correlationId, response);
    }

    private record InFlight(int correlationId, CompletableFuture<WireReader> response) {
    }

    /**
     * Opens a stream: every frame answering it goes to {@code onFrame}, on the reader thread, until
     * the connection closes, when {@code onClose} runs once.
     */
    int stream(int apiKey, short version, Encodable body, String requestClientId, Consumer<WireReader> onFrame,
               Consumer<String> onClose) {
        int correlationId = correlationIds.getAndIncrement();
        streams.put(correlationId, new StreamHandler(onFrame, onClose));
        if (closed) {
            streams.remove(correlationId);
            onClose.accept(closeReason);
            return correlationId;
        }
        write(Frames.request(new RequestHeader(apiKey, version, correlationId, requestClientId), body));
        return correlationId;
    }

    /** Forgets a stream: frames that still come for it are dropped, as Fluvio's client drops them. */
    void forgetStream(int correlationId) {
        streams.remove(correlationId);
    }

    private synchronized void write(byte[] frame) {
        try {
            out.write(frame);
            out.flush();
        } catch (IOException e) {
            close("lost: " + e.getMessage());
            throw SocketError.writeFailed(e);
        }
    }

    private void startReader(FrameReader reader) {
        Thread thread = new Thread(() -> readLoop(reader), "fluviokit-wire-" + address);
        thread.setDaemon(true);
        thread.start();
    }

    private void readLoop(FrameReader reader) {
        try {
            while (true) {
                Optional<byte[]> frame = reader.readFrame();
                if (frame.isEmpty()) {
                    close("closed by " + address);
                    return;
                }
                WireReader in = new WireReader(frame.get());
                int correlationId = in.i32("correlation_id");
                CompletableFuture<WireReader> response = pending.remove(correlationId);
                if (response != null) {
                    response.complete(in);
                    continue;
                }
                StreamHandler stream = streams.get(correlationId);
                if (stream != null) {
                    try {
                        stream.onFrame.accept(in);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "a stream frame from " + address + " could not be handled", e);
                    }
                }
                // §1.8: frames for an unknown or abandoned correlation id are dropped
            }
        } catch (IOException | ProtocolException e) {
            close(closed ? closeReason : "lost: " + e.getMessage());
        }
    }

    /** Closes the connection: waiting requests fail, streams are told. */
    void close(String reason) {
        if (closed) {
            return;
        }
        closeReason = reason;
        closed = true;
        closeQuietly(socket);
        try {
            pending.values().forEach(response -> response.completeExceptionally(
                    SocketError.closedWhileWaiting("connection to " + address + " " + reason)));
            pending.clear();
            for (StreamHandler stream : streams.values()) {
                stream.onClose.accept(reason);
            }
            streams.clear();
        } finally {
            ended.countDown();
        }
    }

    @Override
    public void close() {
        close("closed");
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing more to do with it
        }
    }

    private static String os() {
        String name = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        return name.contains("mac") ? "macos" : name.contains("win") ? "windows" : "linux";
    }

    private static String arch() {
        String arch = System.getProperty("os.arch", "");
        return arch.equals("amd64") ? "x86_64" : arch;
    }

    private record StreamHandler(Consumer<WireReader> onFrame, Consumer<String> onClose) {
    }
}
