package org.fluviokit.fake.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fluviokit.fake.TopicConfig;
import org.fluviokit.protocol.ProtocolException;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * One entry of the broker's journal: something the broker acknowledged. The body of an entry is
 * a {@code u8} kind followed by the fields below, in Fluvio's wire encoding (strings with a u16
 * length, bytes with a u32 length, big-endian integers).
 */
sealed interface JournalEntry {

    int TOPIC_CREATED = 1;
    int TOPIC_DELETED = 2;
    int BATCH = 3;
    int OFFSET_STORED = 4;
    int OFFSET_DELETED = 5;
    int EVICTED = 6;
    /** Only in rewritten journals: where an emptied partition's log starts, since no batch says so any more. */
    int LOG_START = 7;

    /** The body: kind and fields, without the entry header. */
    byte[] encode();

    /** What the entry is, for a person: "a batch of t-0 at offsets 200–299". */
    String describe();

    record TopicCreated(String name, TopicConfig config) implements JournalEntry {
        @Override
        public byte[] encode() {
            return new WireWriter().u8(TOPIC_CREATED).string(name).i32(config.partitions())
                    .i32(config.replicationFactor()).bool(config.ignoreRackAssignment())
                    .i64(config.retention().map(Duration::getSeconds).orElse(-1L))
                    .i64(config.segmentSize().map(Integer::longValue).orElse(-1L))
                    .i64(config.maxPartitionSize().orElse(-1L))
                    .string(config.compression()).bool(config.system()).toByteArray();
        }

        @Override
        public String describe() {
            return "the creation of topic " + name;
        }
    }

    record TopicDeleted(String name) implements JournalEntry {
        @Override
        public byte[] encode() {
            return new WireWriter().u8(TOPIC_DELETED).string(name).toByteArray();
        }

        @Override
        public String describe() {
            return "the deletion of topic " + name;
        }
    }

    record Batch(String topic, int partition, long baseOffset, List<ProducedRecord> records) implements JournalEntry {
        @Override
        public byte[] encode() {
            WireWriter body = new WireWriter(bodySize(topic, records)).u8(BATCH).string(topic).i32(partition)
                    .i64(baseOffset).i32(records.size());
            for (ProducedRecord record : records) {
                body.bool(record.key() != null);
                if (record.key() != null) {
                    body.bytes(record.key());
                }
                body.bytes(record.value()).i64(record.timestamp());
            }
            return body.toByteArray();
        }

        @Override
        public String describe() {
            return "a batch of " + topic + "-" + partition + " at offsets " + offsets(baseOffset, records.size());
        }

        ReplicaKey replica() {
            return new ReplicaKey(topic, partition);
        }

        /** The body's size without encoding it: the journal counts the bytes each batch keeps. */
        static int bodySize(String topic, List<ProducedRecord> records) {
            long size = 1 + 2 + topic.length() + 4 + 8 + 4;
            for (ProducedRecord record : records) {
                size += 1 + 4 + record.value().length + 8 + (record.key() == null ? 0 : 4 + record.key().length);
            }
            return (int) Math.min(size, Integer.MAX_VALUE);
        }
    }

    record OffsetStored(ReplicaKey replica, String consumerId, long offset, long modifiedTime) implements JournalEntry {
        @Override
        public byte[] encode() {
            return new WireWriter().u8(OFFSET_STORED).string(replica.topic()).i32(replica.partition())
                    .bytes(consumerId.getBytes(StandardCharsets.UTF_8)).i64(offset).i64(modifiedTime).toByteArray();
        }

        @Override
        public String describe() {
            return "consumer offset " + offset + " of " + consumerId + " on " + replica;
        }
    }

    record OffsetDeleted(ReplicaKey replica, String consumerId) implements JournalEntry {
        @Override
        public byte[] encode() {
            return new WireWriter().u8(OFFSET_DELETED).string(replica.topic()).i32(replica.partition())
                    .bytes(consumerId.getBytes(StandardCharsets.UTF_8)).toByteArray();
        }

        @Override
        public String describe() {
            return "the deletion of the consumer offset of " + consumerId + " on " + replica;
        }
    }

    record Evicted(String topic, int partition, long beforeOffset) implements JournalEntry {
        @Override
        public byte[] encode() {
            return new WireWriter().u8(EVICTED).string(topic).i32(partition).i64(beforeOffset).toByteArray();
        }

        @Override
        public String describe() {
            return "the eviction of " + topic + "-" + partition + " before offset " + beforeOffset;
        }
    }

    record LogStart(String topic, int partition, long offset) implements JournalEntry {
        @Override
        public byte[] encode() {
            return new WireWriter().u8(LOG_START).string(topic).i32(partition).i64(offset).toByteArray();
        }

        @Override
        public String describe() {
            return "the log start " + offset + " of " + topic + "-" + partition;
        }
    }

    /** The journal header's size plus the body's: what an entry takes in the file. */
    static long fileBytes(JournalEntry entry) {
        return JournalFile.ENTRY_HEADER + entry.encode().length;
    }

    static String offsets(long first, long count) {
        return count == 1 ? String.valueOf(first) : first + "–" + (first + count - 1);
    }

    /**
     * Decodes a body.
     *
     * @throws ProtocolException for a body that is not an entry: unknown kind, fields cut short, bytes left over
     */
    static JournalEntry decode(byte[] body) {
        WireReader in = new WireReader(body);
        int kind = in.u8("kind");
        JournalEntry entry = switch (kind) {
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
                yield new TopicCreated(name, new TopicConfig(partitions, replicas, ignoreRack,
                        retention < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(retention)),
                        segment < 0 ? Optional.empty() : Optional.of((int) segment),
                        maxPartition < 0 ? Optional.empty() : Optional.of(maxPartition), compression, system));
            }
            case TOPIC_DELETED -> new TopicDeleted(in.string("name"));
            case BATCH -> {
                String topic = in.string("topic");
                int partition = in.i32("partition");
                long base = in.i64("base_offset");
                int count = in.i32("count");
                if (count < 0 || count > in.remaining()) {
                    throw new ProtocolException("record count " + count + " with " + in.remaining() + " bytes left",
                            in.position(), null);
                }
                List<ProducedRecord> records = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    byte[] key = in.bool("has_key") ? in.bytes("key") : null;
                    byte[] value = in.bytes("value");
                    records.add(new ProducedRecord(key, value, in.i64("timestamp")));
                }
                yield new Batch(topic, partition, base, records);
            }
            case OFFSET_STORED -> {
                String topic = in.string("topic");
                int partition = in.i32("partition");
                String consumer = new String(in.bytes("consumer"), StandardCharsets.UTF_8);
                yield new OffsetStored(new ReplicaKey(topic, partition), consumer, in.i64("offset"), in.i64("modified"));
            }
            case OFFSET_DELETED -> {
                String topic = in.string("topic");
                int partition = in.i32("partition");
                yield new OffsetDeleted(new ReplicaKey(topic, partition),
                        new String(in.bytes("consumer"), StandardCharsets.UTF_8));
            }
            case EVICTED -> new Evicted(in.string("topic"), in.i32("partition"), in.i64("before"));
            case LOG_START -> new LogStart(in.string("topic"), in.i32("partition"), in.i64("offset"));
            default -> throw in.unknownTag("journal entry kind", kind, 0);
        };
        if (in.hasRemaining()) {
            throw new ProtocolException(in.remaining() + " bytes left after " + entry.describe(), in.position(), null);
        }
        return entry;
    }

    /**
     * What the first bytes of a body that cannot be decoded whole say it was, for a torn or damaged
     * entry: "a batch of t-0", or empty when not even that can be read.
     */
    static Optional<String> guess(byte[] partialBody) {
        if (partialBody.length == 0) {
            return Optional.empty();
        }
        WireReader in = new WireReader(partialBody);
        int kind = in.u8("kind");
        String what = switch (kind) {
            case TOPIC_CREATED -> "the creation of a topic";
            case TOPIC_DELETED -> "the deletion of a topic";
            case BATCH -> "a batch";
            case OFFSET_STORED -> "a consumer offset";
            case OFFSET_DELETED -> "the deletion of a consumer offset";
            case EVICTED -> "an eviction";
            case LOG_START -> "a log start";
            default -> null;
        };
        if (what == null) {
            return Optional.empty();
        }
        // Each field read may run past the bytes there are; what was read by then is the answer.
        try {
            String topic = in.string("topic");
            if (kind == TOPIC_CREATED || kind == TOPIC_DELETED) {
                return Optional.of(what + " " + topic);
            }
            int partition = in.i32("partition");
            what += " of " + topic + "-" + partition;
            if (kind == BATCH) {
                long base = in.i64("base_offset");
                int count = in.i32("count");
                if (count > 0) {
                    what += " at offsets " + offsets(base, count);
                }
            } else if (kind == OFFSET_STORED || kind == OFFSET_DELETED) {
                what += " for " + new String(in.bytes("consumer"), StandardCharsets.UTF_8);
            }
        } catch (ProtocolException | IllegalArgumentException e) {
            // cut short: keep what was read
        }
        return Optional.of(what);
    }
}
