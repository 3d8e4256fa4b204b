package org.fluviokit.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

/** Frames (spec §1.1) read from a stream, with a maximum size. */
class FrameReaderTest {

    /** Fails the test if anything beyond the first {@code allowed} bytes is read. */
    private static final class GuardedStream extends InputStream {
        private final byte[] bytes;
        private final int allowed;
        private int pos;

        GuardedStream(byte[] bytes, int allowed) {
            this.bytes = bytes;
            this.allowed = allowed;
        }

        @Override
        public int read() {
            if (pos >= allowed) {
                throw new AssertionError("read past byte " + allowed);
            }
            return pos < bytes.length ? bytes[pos++] & 0xFF : -1;
        }
    }

    @Test
    void readsConsecutiveFramesThenEndsCleanly() throws IOException {
        byte[] stream = Hex.bytes("00 00 00 02 aa bb 00 00 00 00 00 00 00 01 cc");
        FrameReader reader = new FrameReader(new ByteArrayInputStream(stream));
        assertThat(reader.readFrame()).hasValueSatisfying(f -> assertThat(f).containsExactly(0xaa, 0xbb));
        assertThat(reader.readFrame()).hasValueSatisfying(f -> assertThat(f).isEmpty());
        assertThat(reader.readFrame()).hasValueSatisfying(f -> assertThat(f).containsExactly(0xcc));
        assertThat(reader.readFrame()).isEmpty();
    }

    @Test
    void readsTheFrameOfExampleA() throws IOException {
        byte[] frame = Frames.request(new RequestHeader(18, (short) 2, 1, "FLUVIO_CLI"),
                new ApiVersionsRequest("0.50.1", "linux", "x86_64"));
        byte[] message = new FrameReader(new ByteArrayInputStream(frame)).readFrame().orElseThrow();
        assertThat(message).hasSize(43);
        WireReader in = new WireReader(message);
        assertThat(RequestHeader.decode(in).apiKey()).isEqualTo(ApiKey.API_VERSIONS);
    }

    @Test
    void frameAboveTheMaximumIsRefusedBeforeItsBodyIsRead() {
        byte[] stream = Hex.bytes("00 00 01 01 00 00 00");
        FrameReader reader = new FrameReader(new GuardedStream(stream, 4), 256);
        assertThatThrownBy(reader::readFrame)
                .isInstanceOf(FrameTooLargeException.class)
                .hasMessage("frame length 257 exceeds the maximum frame size 256")
                .satisfies(e -> {
                    FrameTooLargeException tooLarge = (FrameTooLargeException) e;
                    assertThat(tooLarge.frameLength()).isEqualTo(257);
                    assertThat(tooLarge.maxFrameSize()).isEqualTo(256);
                });
    }

    @Test
    void frameAtTheMaximumIsAccepted() throws IOException {
        byte[] stream = Hex.bytes("00 00 00 03 01 02 03");
        assertThat(new FrameReader(new ByteArrayInputStream(stream), 3).readFrame()).isPresent();
    }

    @Test
    void hugeOrNegativeLengthIsAProtocolErrorWithTheDefaultMaximum() {
        assertThat(FrameReader.DEFAULT_MAX_FRAME_SIZE).isEqualTo(64 * 1024 * 1024);
        assertThatThrownBy(() -> new FrameReader(new GuardedStream(Hex.bytes("7f ff ff ff"), 4)).readFrame())
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("2147483647");
        assertThatThrownBy(() -> new FrameReader(new GuardedStream(Hex.bytes("ff ff ff fe"), 4)).readFrame())
                .isInstanceOf(FrameTooLargeException.class)
                .hasMessage("negative frame length -2");
    }

    @Test
    void streamEndingInsideAFrameIsAnEofError() {
        assertThatThrownBy(() -> new FrameReader(new ByteArrayInputStream(Hex.bytes("00 00"))).readFrame())
                .isInstanceOf(EOFException.class)
                .hasMessageContaining("length prefix");
        assertThatThrownBy(() -> new FrameReader(new ByteArrayInputStream(Hex.bytes("00 00 00 05 01 02"))).readFrame())
                .isInstanceOf(EOFException.class)
                .hasMessageContaining("expected 5 bytes, got 2");
    }

    @Test
    void announcedLengthWithoutDataDoesNotAllocateItUpFront() {
        // 60 MiB announced (below the maximum) but only 3 bytes sent: memory follows the data.
        byte[] stream = Hex.bytes("03 c0 00 00 01 02 03");
        InputStream socketLike = new GuardedStream(stream, stream.length + 1);
        assertThatThrownBy(() -> new FrameReader(socketLike).readFrame())
                .isInstanceOf(EOFException.class);
        long allocated = Allocation.bytesAllocatedBy(() -> {
            try {
                new FrameReader(new GuardedStream(stream, stream.length + 1)).readFrame();
            } catch (IOException e) {
                // expected: EOF
            }
        });
        assertThat(allocated).isLessThan(1 << 20);
    }
}
