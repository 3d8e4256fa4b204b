package org.fluviokit.fake.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

import org.fluviokit.fake.TopicConfig;
import org.fluviokit.protocol.ProtocolException;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * An append-only file of everything the broker acknowledged: topics created and deleted, batches
 * appended, consumer offsets stored and deleted, records evicted. Each entry is written to the
 * operating system before the broker answers, so killing the process (even with {@code kill -9})
 * loses nothing acknowledged; a broker started on the same directory replays the file (K4).
 *
 * <p>Entry layout: {@code u32 length, u32 CRC-32C of the body, body}; the body starts with a
 * {@code u8} kind. A torn last entry (the process died mid-write) fails its length or CRC check and
 * is cut off at start-up.
 */
final class Journal implements AutoCloseable {

    static final String FILE_NAME = "fluviokit-journal.log";

    private static final int TOPIC_CREATED = 1;
    private static final int TOPIC_DELETED = 2;
    private static final int BATCH = 3;
    private static final int OFFSET_STORED = 4;
    private static final int OFFSET_DELETED = 5;
    private static final int EVICTED = 6;
    private static final int HEADER = 8;

    private final FileChannel channel;

    private Journal(FileChannel channel) {
        this.channel = channel;
    }

    /** Opens (creating if needed) the journal in {@code directory}, replaying its entries into {@code replay}. */
    static Journal open(Path directory, Replay replay) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(FILE_NAME);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            long valid = replayAll(channel, replay);
            channel.truncate(valid);
            channel.position(valid);
            return new Journal(channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the broker journal in " + directory, e);
        }
    }

    void topicCreated(String name, TopicConfig config) {
        WireWriter body = new WireWriter().u8(TOPIC_CREATED).string(name).i32(config.partitions())
                .i32(config.replicationFactor()).bool(config.ignoreRackAssignment())
                .i64(config.retention().map(Duration::getSeconds).orElse(-1L))
                .i64(config.segmentSize().map(Integer::longValue).orElse(-1L))
                .i64(config.maxPartitionSize().orElse(-1L))
                .string(config.compression()).bool(config.system());
        write(body);
    }

    void topicDeleted(String name) {
        write(new WireWriter().u8(TOPIC_DELETED).string(name));
    }

    void batchAppended(String topic, int partition, long baseOffset, List<ProducedRecord> records) {
        WireWriter body = new WireWriter().u8(BATCH).string(topic).i32(partition).i64(baseOffset).i32(records.size());
        for (ProducedRecord record : records) {
            body.bool(record.key() != null);
            if (record.key() != null) {
                body.bytes(record.key());
            }
            body.bytes(record.value()).i64(record.timestamp());
        }
        write(body);
    }

    void offsetStored(ReplicaKey replica, String consumerId, long offset, long modifiedTime) {
        write(new WireWriter().u8(OFFSET_STORED).string(replica.topic()).i32(replica.partition())
                .bytes(utf8(consumerId)).i64(offset).i64(modifiedTime));
    }

    void offsetDeleted(ReplicaKey replica, String consumerId) {
        write(new WireWriter().u8(OFFSET_DELETED).string(replica.topic()).i32(replica.partition())
                .bytes(utf8(consumerId)));
    }

    void evicted(String topic, int partition, long beforeOffset) {
        write(new WireWriter().u8(EVICTED).string(topic).i32(partition).i64(beforeOffset));
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private synchronized void write(WireWriter body) {
        byte[] bytes = body.toByteArray();
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        ByteBuffer entry = ByteBuffer.allocate(HEADER + bytes.length);
        entry.putInt(bytes.length).putInt((int) crc.getValue()).put(bytes).flip();
        try {
            while (entry.hasRemaining()) {
                channel.write(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the broker journal", e);
        }
    }

    /** Replays every intact entry; returns the length of the intact prefix. */
    private static long replayAll(FileChannel channel, Replay replay) throws IOException {
        long size = channel.size();
        long position = 0;
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        while (position + HEADER <= size) {
            header.clear();
            channel.read(header, position);
            header.flip();
            int length = header.getInt();
            int expectedCrc = header.getInt();
            if (length < 1 || position + HEADER + length > size) {
                break;
            }
            ByteBuffer body = ByteBuffer.allocate(length);
            channel.read(body, position + HEADER);
            CRC32C crc = new CRC32C();
            crc.update(body.array());
            if ((int) crc.getValue() != expectedCrc) {
                break;
            }
            try {
                replayEntry(new WireReader(body.array()), replay);
            } catch (ProtocolException e) {
                break;
            }
            position += HEADER + length;
        }
        return position;
    }

    private static void replayEntry(WireReader in, Replay replay) {
        int kind = in.u8("kind");
        switch (kind) {
            case TOPIC_CREATED -> {
                String name = in.string("name");
                int partitions = in.i32("partitions");
                int replicas = in.i32("replicas");
                boolean ignoreRack = in.bool("ignore_rack");
                long retention = in.i64("retention");
                long segment = in.i64("segment");
                long maxPartition = in.i64("max_partition");
                String compression = in.string("compression");
                boolean system = in.bool("system");
                replay.topicCreated(name, new TopicConfig(partitions, replicas, ignoreRack,
                        retention < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(retention)),
                        segment < 0 ? Optional.empty() : Optional.of((int) segment),
                        maxPartition < 0 ? Optional.empty() : Optional.of(maxPartition), compression, system));
            }
            case TOPIC_DELETED -> replay.topicDeleted(in.string("name"));
            case BATCH -> {
                String topic = in.string("topic");
                int partition = in.i32("partition");
                long base = in.i64("base_offset");
                int count = in.i32("count");
                List<ProducedRecord> records = new ArrayList<>(Math.min(count, in.remaining()));
                for (int i = 0; i < count; i++) {
                    byte[] key = in.bool("has_key") ? in.bytes("key") : null;
                    byte[] value = in.bytes("value");
                    records.add(new ProducedRecord(key, value, in.i64("timestamp")));
                }
                replay.batchAppended(topic, partition, base, records);
            }
            case OFFSET_STORED -> {
                String topic = in.string("topic");
                int partition = in.i32("partition");
                String consumer = new String(in.bytes("consumer"), StandardCharsets.UTF_8);
                replay.offsetStored(new ReplicaKey(topic, partition), consumer, in.i64("offset"), in.i64("modified"));
            }
            case OFFSET_DELETED -> {
                String topic = in.string("topic");
                int partition = in.i32("partition");
                String consumer = new String(in.bytes("consumer"), StandardCharsets.UTF_8);
                replay.offsetDeleted(new ReplicaKey(topic, partition), consumer);
            }
            case EVICTED -> replay.evicted(in.string("topic"), in.i32("partition"), in.i64("before"));
            default -> throw in.unknownTag("journal entry kind", kind, 0);
        }
    }

    /** What replaying the journal does to the broker. */
    interface Replay {
        void topicCreated(String name, TopicConfig config);

        void topicDeleted(String name);

        void batchAppended(String topic, int partition, long baseOffset, List<ProducedRecord> records);

        void offsetStored(ReplicaKey replica, String consumerId, long offset, long modifiedTime);

        void offsetDeleted(ReplicaKey replica, String consumerId);

        void evicted(String topic, int partition, long beforeOffset);
    }
}
