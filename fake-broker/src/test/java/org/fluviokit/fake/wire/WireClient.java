package org.fluviokit.fake.wire;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import org.fluviokit.protocol.ApiKey;
import org.fluviokit.protocol.ApiVersionsRequest;
import org.fluviokit.protocol.ApiVersionsResponse;
import org.fluviokit.protocol.Encodable;
import org.fluviokit.protocol.FrameReader;
import org.fluviokit.protocol.Frames;
import org.fluviokit.protocol.RequestHeader;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.record.RecordBatch;
import org.fluviokit.protocol.spu.StreamFetchResponse;
import org.fluviokit.protocol.spu.UpdateOffsetsRequest;
import org.fluviokit.protocol.spu.UpdateOffsetsResponse;

/**
 * A bare-bones client of the wire server for tests: writes request frames, reads response frames
 * one at a time with a timeout. Not thread-safe.
 */
final class WireClient implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final FrameReader frames;
    private final Map<Integer, Deque<byte[]>> pending = new HashMap<>();
    private int correlationId;

    private WireClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        socket.setTcpNoDelay(true);
        this.out = socket.getOutputStream();
        this.in = new BufferedInputStream(socket.getInputStream());
        this.frames = new FrameReader(in);
    }

    /** Connects without sending anything. */
    static WireClient connect(String host, int port) {
        try {
            return new WireClient(new Socket(host, port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connects to the SC and does the ApiVersions exchange a client starts with (§2.2). */
    static WireClient sc(WireServer server) {
        WireClient client = connect(server.host(), server.scPort());
        client.apiVersions();
        return client;
    }

    /** Connects to an SPU and does the ApiVersions exchange (§2.4). */
    static WireClient spu(WireServer server, int spuId) {
        WireClient client = connect(server.host(), server.spuPort(spuId));
        client.apiVersions();
        return client;
    }

    ApiVersionsResponse apiVersions() {
        int id = send(ApiKey.API_VERSIONS, (short) 2, new ApiVersionsRequest("0.50.1", "linux", "x86_64"));
        return read(id, (short) 2, ApiVersionsResponse::decode);
    }

    /** Sends a request with the next correlation id and returns that id. */
    int send(int apiKey, short version, Encodable body) {
        int id = ++correlationId;
        write(Frames.request(new RequestHeader(apiKey, version, id, "fluviokit-test"), body));
        return id;
    }

    void write(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void writeHex(String hex) {
        write(hex(hex));
    }

    /** The next frame, without its length prefix. */
    byte[] readFrame() {
        try {
            Optional<byte[]> frame = frames.readFrame();
            if (frame.isEmpty()) {
                throw new AssertionError("the server closed the connection");
            }
            return frame.get();
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no frame from the server within " + TIMEOUT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next frame with its length prefix, as the server wrote it. */
    byte[] readWholeFrame() {
        return Frames.frame(readFrame());
    }

    /**
     * Reads the next frame for {@code correlationId} and decodes its body. Frames for other ids
     * that arrive first are kept for later reads, as a client's multiplexer routes them (§1.8).
     */
    <T> T read(int correlationId, short version, BiFunction<WireReader, Short, T> decoder) {
        Deque<byte[]> kept = pending.get(correlationId);
        byte[] frame = kept == null || kept.isEmpty() ? null : kept.poll();
        while (frame == null) {
            byte[] next = readFrame();
            int id = new WireReader(next).i32("correlation_id");
            if (id == correlationId) {
                frame = next;
            } else {
                pending.computeIfAbsent(id, k -> new ArrayDeque<>()).add(next);
            }
        }
        WireReader reader = new WireReader(frame);
        reader.i32("correlation_id");
        return decoder.apply(reader, version);
    }

    /**
     * Reads the stream's next frame and, when it carries records, acknowledges them with
     * UpdateOffsets as every Fluvio client does (§3.6.4): the SPU sends a stream's next frame only
     * after that.
     */
    StreamFetchResponse readStream(int correlationId, short version) {
        StreamFetchResponse frame = read(correlationId, version, StreamFetchResponse::decode);
        acknowledge(frame);
        return frame;
    }

    /** Acknowledges a stream frame's records, if it has any, and reads the answer. */
    void acknowledge(StreamFetchResponse frame) {
        var batches = frame.partition().records().batches();
        if (!batches.isEmpty()) {
            RecordBatch last = batches.get(batches.size() - 1);
            int ack = send(ApiKey.Spu.UPDATE_OFFSETS, (short) 0,
                    UpdateOffsetsRequest.of(last.baseOffset() + last.recordCount(), frame.streamId()));
            read(ack, (short) 0, UpdateOffsetsResponse::decode);
        }
    }

    /** Whether the server closes the connection (rather than answer) within the timeout. */
    boolean closedByServer() {
        try {
            while (true) {
                Optional<byte[]> frame = frames.readFrame();
                if (frame.isEmpty()) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Whether nothing arrives within {@code wait} (the connection stays open and silent). */
    boolean silentFor(Duration wait) {
        if (pending.values().stream().anyMatch(frames -> !frames.isEmpty())) {
            return false;
        }
        try {
            socket.setSoTimeout((int) wait.toMillis());
            int read = in.read();
            if (read < 0) {
                throw new AssertionError("the server closed the connection");
            }
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                socket.setSoTimeout((int) TIMEOUT.toMillis());
            } catch (IOException e) {
                // closed
            }
        }
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }

    static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closed anyway
        }
    }
}
