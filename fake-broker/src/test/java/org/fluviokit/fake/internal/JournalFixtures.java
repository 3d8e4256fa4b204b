package org.fluviokit.fake.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.TopicConfig;
import org.fluviokit.protocol.WireWriter;

/** Journal bytes for tests that damage, tear or forge a journal, inside and outside this package. */
public final class JournalFixtures {

    public static final String FILE_NAME = JournalFile.NAME;
    public static final int ENTRY_HEADER = JournalFile.ENTRY_HEADER;
    public static final byte[] FIRST_LINE = JournalFile.MAGIC.clone();

    private JournalFixtures() {
    }

    /** A whole entry (header and body) holding a batch of keyless records with the given values. */
    public static byte[] batchEntry(String topic, int partition, long baseOffset, String... values) {
        List<ProducedRecord> records = Arrays.stream(values)
                .map(value -> new ProducedRecord(null, value.getBytes(StandardCharsets.UTF_8), -1)).toList();
        return framed(new JournalEntry.Batch(topic, partition, baseOffset, records).encode());
    }

    public static byte[] topicCreatedEntry(String topic, int partitions) {
        return framed(new JournalEntry.TopicCreated(topic, TopicConfig.partitions(partitions)).encode());
    }

    /** A well-formed entry of a kind no fluviokit writes (yet). */
    public static byte[] entryOfKind(int kind) {
        return framed(new WireWriter().u8(kind).string("t").toByteArray());
    }

    /** The entry as the journal layout before header checks framed it. */
    public static byte[] legacyEntry(byte[] wholeEntry) {
        byte[] body = Arrays.copyOfRange(wholeEntry, ENTRY_HEADER, wholeEntry.length);
        return ByteBuffer.allocate(8 + body.length).putInt(body.length)
                .putInt(JournalFile.crc(body, 0, body.length)).put(body).array();
    }

    /** Where each entry of a journal starts, and (last element) where the file ends. */
    public static List<Long> entryStarts(Path journal) throws IOException {
        byte[] bytes = Files.readAllBytes(journal);
        List<Long> starts = new ArrayList<>();
        long at = JournalFile.MAGIC.length;
        while (at + ENTRY_HEADER <= bytes.length) {
            starts.add(at);
            at += ENTRY_HEADER + ByteBuffer.wrap(bytes, (int) at, 4).getInt();
        }
        starts.add(at);
        return starts;
    }

    /** The next journal write of the broker puts {@code bytesWritten} bytes into the file, then fails like a failing disk. */
    public static void failNextJournalWrite(FakeBroker broker, int bytesWritten, boolean cuttingFailsToo) {
        failNextJournalWrite(broker, bytesWritten, cuttingFailsToo, "Input/output error");
    }

    /** The same failure with the operating system's text, e.g. "No space left on device" for a full disk. */
    public static void failNextJournalWrite(FakeBroker broker, int bytesWritten, boolean cuttingFailsToo, String error) {
        BrokerEngine.of(broker).journal().failNextWrite(bytesWritten, new IOException(error), cuttingFailsToo);
    }

    private static byte[] framed(byte[] body) {
        ByteBuffer entry = JournalFile.frame(body);
        return Arrays.copyOf(entry.array(), entry.limit());
    }
}
