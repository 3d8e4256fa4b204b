package org.fluviokit.client;

import java.io.EOFException;
import java.io.IOException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;

import org.fluviokit.client.spi.TransportException;

/**
 * A connection failure in the words of Fluvio's socket layer ({@code fluvio-socket}'s {@code SocketError},
 * whose I/O variant prints Rust's {@code io::Error}), so that an application sees the text Fluvio's client
 * shows for the same failure.
 */
final class SocketError extends TransportException {

    /** Rust's words for an OS error, by Java's words for it, with the errno on Linux and on macOS. */
    private static final Map<String, OsError> OS_ERRORS = Map.of(
            "Connection refused", new OsError("Connection refused", 111, 61),
            "Connection reset", new OsError("Connection reset by peer", 104, 54),
            "Connection reset by peer", new OsError("Connection reset by peer", 104, 54),
            "Broken pipe", new OsError("Broken pipe", 32, 32),
            "Connection timed out", new OsError("Connection timed out", 110, 60),
            "No route to host", new OsError("No route to host", 113, 65),
            "Network is unreachable", new OsError("Network is unreachable", 101, 51));

    private SocketError(String message, Throwable cause) {
        super(message, cause);
    }

    /** The server at {@code address} could not be reached ({@code can't connect to}). */
    static SocketError cannotConnect(String address, IOException cause) {
        return new SocketError("Socket io " + rustIoText(cause) + ", can't connect to " + address, cause);
    }

    /** The server closed the connection before it answered the version handshake. */
    static SocketError closedBeforeHandshake(String address, EOFException cause) {
        return new SocketError("Socket closed",
                new IOException(address + " closed the connection before answering ApiVersions", cause));
    }

    /** A request waited for its answer while the connection ended; {@code why} says how it ended. */
    static SocketError closedWhileWaiting(String why) {
        return new SocketError(TransportException.CLOSED_WHILE_WAITING, new IOException(why));
    }

    /** A request on a connection that had already ended; {@code why} says how it ended. */
    static SocketError stale(String why) {
        return new SocketError(TransportException.STALE, new IOException(why));
    }

    /** Writing a request failed. */
    static SocketError writeFailed(IOException cause) {
        return new SocketError("Socket io " + rustIoText(cause), cause);
    }

    /** No answer came within the request timeout; Fluvio's socket counts the timeout in whole seconds. */
    static SocketError timedOut(long seconds, int apiKey, int correlationId) {
        return new SocketError("Socket io Timed out: " + seconds + " secs waiting for response. API_KEY=" + apiKey
                + ", CorrelationId=" + correlationId, null);
    }

    /**
     * Rust's {@code io::Error} text for {@code e}: for an OS error the strerror words and {@code (os error N)},
     * e.g. {@code Connection refused (os error 111)} where Java says {@code Connection refused}.
     */
    static String rustIoText(IOException e) {
        if (e instanceof UnknownHostException) {
            return "failed to lookup address information: Name or service not known";
        }
        String javaText = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String system = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        OsError os = system.contains("linux") || system.contains("mac") ? OS_ERRORS.get(javaText) : null;
        if (os == null) {
            return javaText;
        }
        return os.words() + " (os error " + (system.contains("mac") ? os.macCode() : os.linuxCode()) + ")";
    }

    private record OsError(String words, int linuxCode, int macCode) {
    }
}
