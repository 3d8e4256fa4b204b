package org.fluviokit.fake.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The layout of {@value #NAME}: the line {@code fluviokit journal v1} (21 bytes with its newline),
 * then entries of {@code u32 body length, u32 CRC-32C of the body, u32 CRC-32C of the 8 bytes
 * before it, body} (big-endian). The header's own check tells a torn last entry (a valid header
 * whose body runs past the end of the file) from damage (a header that fails its check), which the
 * body's check alone cannot.
 *
 * <p>Journals written before the header existed ("legacy": no first line, entries of {@code u32
 * length, u32 CRC-32C, body}) are read too and rewritten in this layout at start-up.
 */
final class JournalFile {

    static final String NAME = "fluviokit-journal.log";
    static final byte[] MAGIC = "fluviokit journal v1\n".getBytes(StandardCharsets.US_ASCII);
    /** What every version's first line starts with, to tell a newer journal from a foreign file. */
    static final byte[] MAGIC_PREFIX = "fluviokit journal v".getBytes(StandardCharsets.US_ASCII);
    static final int ENTRY_HEADER = 12;
    static final int LEGACY_ENTRY_HEADER = 8;

    private JournalFile() {
    }

    /** The entry as it goes into the file: header and body. */
    static ByteBuffer frame(byte[] body) {
        int bodyCrc = crc(body, 0, body.length);
        ByteBuffer entry = ByteBuffer.allocate(ENTRY_HEADER + body.length);
        entry.putInt(body.length).putInt(bodyCrc).putInt(headerCheck(body.length, bodyCrc)).put(body).flip();
        return entry;
    }

    static int headerCheck(int length, int bodyCrc) {
        byte[] first = ByteBuffer.allocate(8).putInt(length).putInt(bodyCrc).array();
        return crc(first, 0, first.length);
    }

    static int crc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    /**
     * Reads a file at any position through a 1 MiB window, so replaying a journal of small entries
     * costs one system call per megabyte rather than two per entry.
     */
    static final class Reader {
        private static final int WINDOW = 1 << 20;

        private final FileChannel channel;
        private final long size;
        private final byte[] window = new byte[WINDOW];
        private long windowStart;
        private int windowLength;

        Reader(FileChannel channel) throws IOException {
            this.channel = channel;
            this.size = channel.size();
        }

        long size() {
            return size;
        }

        /** {@code length} bytes at {@code position}; the caller made sure they are in the file. */
        byte[] read(long position, int length) throws IOException {
            byte[] out = new byte[length];
            if (length > WINDOW) {
                readDirect(position, out);
                return out;
            }
            if (position < windowStart || position + length > windowStart + windowLength) {
                windowStart = position;
                windowLength = (int) Math.min(WINDOW, size - position);
                readDirect(position, ByteBuffer.wrap(window, 0, windowLength));
            }
            System.arraycopy(window, (int) (position - windowStart), out, 0, length);
            return out;
        }

        int readInt(long position) throws IOException {
            return ByteBuffer.wrap(read(position, 4)).getInt();
        }

        /** Whether every byte from {@code position} to the end is zero: a tail the file system extended but never wrote. */
        boolean zeroesToEnd(long position) throws IOException {
            for (long at = position; at < size; at += WINDOW) {
                byte[] chunk = read(at, (int) Math.min(WINDOW, size - at));
                for (byte b : chunk) {
                    if (b != 0) {
                        return false;
                    }
                }
            }
            return true;
        }

        private void readDirect(long position, byte[] out) throws IOException {
            readDirect(position, ByteBuffer.wrap(out));
        }

        private void readDirect(long position, ByteBuffer out) throws IOException {
            long at = position;
            while (out.hasRemaining()) {
                int read = channel.read(out, at);
                if (read < 0) {
                    throw new EOFException("the journal ended at byte " + at + " while reading it");
                }
                at += read;
            }
        }
    }
}
