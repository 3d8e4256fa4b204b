package org.fluviokit.fake.wire;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.Socket;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.fluviokit.fake.internal.ConnectionClosedException;
import org.fluviokit.protocol.Encodable;
import org.fluviokit.protocol.FrameReader;
import org.fluviokit.protocol.FrameTooLargeException;
import org.fluviokit.protocol.Frames;
import org.fluviokit.protocol.ProtocolException;
import org.fluviokit.protocol.RequestHeader;
import org.fluviokit.protocol.WireReader;

/**
 * One accepted TCP connection: a thread reads frames and serves them in order (spec §6.1); any
 * thread may send frames, one whole frame at a time, so stream frames and responses never
 * interleave.
 *
 * <p>A frame that cannot be read or decoded, an unknown API key or an unexpected failure closes
 * this connection and nothing else, as the real SC and SPU do: the broker and every other
 * connection are untouched.
 */
abstract class WireConnection implements AutoCloseable {

    static final System.Logger LOG = System.getLogger("org.fluviokit.fake.wire");

    /** Thrown by handlers to close the connection without answering (logged with its reason). */
    static final class CloseConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CloseConnection(String reason) {
            super(reason, null, false, false);
        }
    }

    final WireServer server;
    private final Socket socket;
    private final OutputStream out;
    private final Object writeLock = new Object();
    private final String name;
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile boolean closed;

    WireConnection(WireServer server, Socket socket, String role) throws IOException {
        this.server = server;
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        this.name = role + " connection from " + socket.getRemoteSocketAddress();
    }

    /** Serves requests until the peer closes the connection or sends something unacceptable. */
    final void serve() {
        try {
            FrameReader frames = new FrameReader(new BufferedInputStream(socket.getInputStream(), 64 * 1024),
                    server.maxFrameSize());
            while (!closed) {
                Optional<byte[]> frame = frames.readFrame();
                if (frame.isEmpty()) {
                    break;
                }
                WireReader in = new WireReader(frame.get());
                RequestHeader header = RequestHeader.decode(in);
                LOG.log(Level.TRACE, () -> name + ": request " + header);
                handle(header, in);
            }
        } catch (FrameTooLargeException e) {
            LOG.log(Level.WARNING, "closing {0}: {1}", name, e.getMessage());
        } catch (ProtocolException e) {
            LOG.log(Level.WARNING, "closing {0}: malformed request: {1}", name, e.getMessage());
        } catch (CloseConnection e) {
            LOG.log(Level.WARNING, "closing {0}: {1}", name, e.getMessage());
        } catch (ConnectionClosedException e) {
            LOG.log(Level.DEBUG, "closing {0}: {1}", name, e.getMessage());
        } catch (EOFException e) {
            LOG.log(Level.DEBUG, "closing {0}: {1}", name, e.getMessage());
        } catch (IOException e) {
            if (!closed) {
                LOG.log(Level.DEBUG, "closing {0}: {1}", name, e.toString());
            }
        } catch (RuntimeException | Error e) {
            server.unexpected(this, e);
        } finally {
            close();
        }
    }

    /** Serves one request; {@code in} is positioned after the header. */
    abstract void handle(RequestHeader header, WireReader in);

    /** Releases what the connection holds in the broker (streams, watches). */
    abstract void released();

    /** Sends one response (or stream) frame; a connection that cannot be written to is closed. */
    final void send(int correlationId, short version, Encodable body) {
        send(Frames.response(correlationId, version, body));
    }

    final void send(byte[] frame) {
        synchronized (writeLock) {
            if (closed) {
                return;
            }
            try {
                out.write(frame);
                out.flush();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "closing {0}: write failed: {1}", name, e.toString());
                close();
            }
        }
    }

    boolean isClosed() {
        return closed;
    }

    String name() {
        return name;
    }

    @Override
    public final void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        closed = true;
        try {
            // Unblocks a writer stuck on a peer that does not read, and the reader thread.
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        try {
            released();
        } finally {
            server.forget(this);
        }
    }
}
