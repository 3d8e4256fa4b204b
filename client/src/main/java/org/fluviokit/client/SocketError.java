package org.fluviokit.client;

import java.io.EOFException;
import java.io.IOException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;

import org.fluviokit.client.spi.FluvioErrors;
import org.fluviokit.client.spi.TransportException;

/**
 * A connection failure in the words of Fluvio's socket layer ({@code fluvio-socket}'s {@code SocketError},
 * whose I/O variant prints Rust's {@code io::Error}), so that an application sees the text Fluvio's client
 * shows for the same failure. {@link #debug()} is the error's Rust {@code Debug} form, which Fluvio's
 * producer puts into the error code of the records it could not send.
 */
final class SocketError extends TransportException {

    /** Rust's text for an OS error, by Java's text for it: the strerror words and the errno on Linux, then macOS. */
    private static final Map<String, OsError> OS_ERRORS = Map.of(
            "Connection refused", new OsError("Connection refused", "ConnectionRefused", 111, 61),
            "Connection reset", new OsError("Connection reset by peer", "ConnectionReset", 104, 54),
            "Connection reset by peer", new OsError("Connection reset by peer", "ConnectionReset", 104, 54),
            "Broken pipe", new OsError("Broken pipe", "BrokenPipe", 32, 32),
            "Connection timed out", new OsError("Connection timed out", "TimedOut", 110, 60),
            "No route to host", new OsError("No route to host", "HostUnreachable", 113, 65),
            "Network is unreachable", new OsError("Network is unreachable", "NetworkUnreachable", 101, 51));

    private final String debug;

    private SocketError(String message, String debug, Throwable cause) {
        super(message, cause);
        this.debug = debug;
    }

    /** The Rust {@code Debug} form of this error, e.g. {@code SocketStale}. */
    String debug() {
        return debug;
    }

    /** The server at {@code address} could not be reached ({@code can't connect to}). */
    static SocketError cannotConnect(String address, IOException cause) {
        String io = rustIoText(cause);
        String message = io + ", can't connect to " + address;
        return new SocketError("Socket io " + message, "Io { source: " + rustIoDebug(cause) + ", msg: \"" + message
                + "\" }", cause);
    }

    /** The server closed the connection before it answered the version handshake. */
    static SocketError closedBeforeHandshake(String address, EOFException cause) {
        return new SocketError("Socket closed", "SocketClosed",
                new IOException(address + " closed the connection before answering ApiVersions", cause));
    }

    /** A request waited for its answer while the connection ended; {@code why} says how it ended. */
    static SocketError closedWhileWaiting(String why) {
        return new SocketError(TransportException.CLOSED_WHILE_WAITING, FluvioErrors.CONNECTION_CLOSED_DEBUG, new IOException(why));
    }

    /** A request on a connection that had already ended; {@code why} says how it ended. */
    static SocketError stale(String why) {
        return new SocketError(TransportException.STALE, "SocketStale", new IOException(why));
    }

    /** Writing a request failed. */
    static SocketError writeFailed(IOException cause) {
        String io = rustIoText(cause);
        return new SocketError("Socket io " + io, "Io { source: " + rustIoDebug(cause) + ", msg: \"" + io + "\" }",
                cause);
    }

    /** No answer came within the request timeout; Fluvio's socket counts the timeout in whole seconds. */
    static SocketError timedOut(long seconds, int apiKey, int correlationId) {
        String text = "Timed out: " + seconds + " secs waiting for response. API_KEY=" + apiKey + ", CorrelationId="
                + correlationId;
        return new SocketError("Socket io " + text,
                "Io { source: Custom { kind: TimedOut, error: \"" + text + "\" }, msg: \"" + text + "\" }", null);
    }

    /**
     * Rust's {@code io::Error} text for {@code e}: for an OS error the strerror words and {@code (os error N)},
     * e.g. {@code Connection refused (os error 111)} where Java says {@code Connection refused}.
     */
    static String rustIoText(IOException e) {
        if (e instanceof UnknownHostException) {
            return "failed to lookup address information: Name or service not known";
        }
        OsError os = osError(e);
        return os == null ? javaText(e) : os.words() + " (os error " + os.code() + ")";
    }

    /** Rust's {@code Debug} form of the {@code io::Error} for {@code e}. */
    private static String rustIoDebug(IOException e) {
        OsError os = osError(e);
        return os == null ? "Custom { kind: Other, error: \"" + rustIoText(e) + "\" }"
                : "Os { code: " + os.code() + ", kind: " + os.kind() + ", message: \"" + os.words() + "\" }";
    }

    private static OsError osError(IOException e) {
        String system = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return system.contains("linux") || system.contains("mac") ? OS_ERRORS.get(javaText(e)) : null;
    }

    private static String javaText(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private record OsError(String words, String kind, int linuxCode, int macCode) {
        int code() {
            return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac") ? macCode : linuxCode;
        }
    }
}
