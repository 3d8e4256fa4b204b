package org.fluviokit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

/** Java's I/O errors in the words Rust's {@code io::Error} prints for them, as Fluvio's client shows them (Linux). */
class SocketErrorTest {

    @Test
    void osErrorsGetRustsWordsAndErrno() {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux"),
                "the errno numbers asserted are Linux's");
        assertThat(SocketError.rustIoText(new ConnectException("Connection refused")))
                .isEqualTo("Connection refused (os error 111)");
        assertThat(SocketError.rustIoText(new SocketException("Connection reset")))
                .isEqualTo("Connection reset by peer (os error 104)");
        assertThat(SocketError.rustIoText(new SocketException("Broken pipe"))).isEqualTo("Broken pipe (os error 32)");
        assertThat(SocketError.cannotConnect("127.0.0.1:9003", new ConnectException("Connection refused")))
                .hasMessage("Socket io Connection refused (os error 111), can't connect to 127.0.0.1:9003");
    }

    @Test
    void otherErrorsKeepJavasWords() {
        assertThat(SocketError.rustIoText(new IOException("something odd"))).isEqualTo("something odd");
        assertThat(SocketError.rustIoText(new UnknownHostException("nowhere.invalid")))
                .isEqualTo("failed to lookup address information: Name or service not known");
    }

    @Test
    void aTimeoutNamesTheApiAndTheCorrelationId() {
        assertThat(SocketError.timedOut(60, 1003, 7))
                .hasMessage("Socket io Timed out: 60 secs waiting for response. API_KEY=1003, CorrelationId=7");
    }
}
