package org.fluviokit.fake.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.fluviokit.fake.BrokerException;
import org.fluviokit.fake.TopicInfo;
import org.fluviokit.protocol.CodedError;
import org.fluviokit.protocol.ErrorCode;

/**
 * One partition's append-only log. Records are kept column by column (keys, values, timestamps)
 * so that a million 100-byte records cost little more than their bytes, and batch boundaries are
 * kept because a stream fetch hands out whole batches (spec wire-protocol §3.6.3).
 */
final class PartitionLog {

    /** Bytes a batch header takes on the wire, and a record's framing beside its key and value (§4.2, §4.4). */
    static final int BATCH_OVERHEAD = 61;
    static final int RECORD_OVERHEAD = 8;

    private final String topic;
    private final int partition;
    /** Where acknowledged writes are recorded, or null for a broker without a data directory. */
    private Journal journal;
    private final List<StreamSession> sessions = new CopyOnWriteArrayList<>();

    /**
     * Records live in fixed-size chunks that are never copied once allocated: a growing log never
     * moves its records (no large array copies), and batch views handed out stay valid.
     */
    static final int CHUNK_BITS = 14;
    static final int CHUNK_SIZE = 1 << CHUNK_BITS;
    static final int CHUNK_MASK = CHUNK_SIZE - 1;

    private byte[][][] keys = new byte[4][][];
    private byte[][][] values = new byte[4][][];
    private long[][] timestamps = new long[4][];
    private int chunks;
    /** Offset of the record at index 0 of the chunks. */
    private long arrayBase;
    private int size;
    private long[] batchStarts = new long[16];
    /** What each batch's entry takes in the journal: garbage once the batch is evicted or its topic deleted. */
    private long[] batchEntryBytes = new long[16];
    private int batchCount;
    /** What this partition's entries take in the journal. */
    private long journalBytes;
    private long logStart;
    private long bytes;
    private boolean deleted;

    PartitionLog(String topic, int partition, Journal journal) {
        this.topic = topic;
        this.partition = partition;
        this.journal = journal;
    }

    synchronized void attachJournal(Journal journal) {
        this.journal = journal;
    }

    String topic() {
        return topic;
    }

    int partition() {
        return partition;
    }

    /**
     * Appends the records as one batch and returns the offset the first one got. The batch is
     * journaled first: until that write succeeded no reader sees it and the high watermark does not
     * count it, and if it fails the log is as it was.
     *
     * @throws JournalWriteException if the journal could not take the batch
     */
    long append(List<ProducedRecord> records) {
        long base;
        synchronized (this) {
            if (deleted) {
                throw BrokerException.of(ErrorCode.NOT_LEADER_FOR_PARTITION);
            }
            base = arrayBase + size;
            if (records.isEmpty()) {
                return base;
            }
            // Under the partition's lock, so the journal holds each partition's batches in offset order.
            long entryBytes = journal == null ? 0 : journal.append(new JournalEntry.Batch(topic, partition, base, records));
            store(base, records, entryBytes);
        }
        notifySessions();
        return base;
    }

    /** Replays a journaled batch (no journal is attached yet). */
    synchronized void replayBatch(long baseOffset, List<ProducedRecord> records, long entryBytes) {
        long end = arrayBase + size;
        if (baseOffset != end) {
            throw new ImpossibleEntryException("a batch of " + topic + "-" + partition + " logged at offset " + baseOffset
                    + " where the partition ends at " + end);
        }
        if (!records.isEmpty()) {
            store(baseOffset, records, entryBytes);
        }
    }

    /** Replays where a rewritten journal says the emptied log starts. */
    synchronized void replayLogStart(long offset, long entryBytes) {
        if (size > 0 || offset < arrayBase) {
            throw new ImpossibleEntryException("a log start " + offset + " for " + topic + "-" + partition
                    + ", which already holds offsets " + logStart + " to " + (arrayBase + size));
        }
        arrayBase = offset;
        logStart = offset;
        journalBytes += entryBytes;
    }

    private void store(long base, List<ProducedRecord> records, long entryBytes) {
        for (ProducedRecord record : records) {
            if ((size & CHUNK_MASK) == 0 && (size >>> CHUNK_BITS) == chunks) {
                addChunk();
            }
            int chunk = size >>> CHUNK_BITS;
            int slot = size & CHUNK_MASK;
            keys[chunk][slot] = record.key();
            values[chunk][slot] = record.value();
            timestamps[chunk][slot] = record.timestamp();
            bytes += RECORD_OVERHEAD + record.value().length + (record.key() == null ? 0 : record.key().length);
            size++;
        }
        bytes += BATCH_OVERHEAD;
        if (batchCount == batchStarts.length) {
            batchStarts = Arrays.copyOf(batchStarts, batchCount * 2);
            batchEntryBytes = Arrays.copyOf(batchEntryBytes, batchCount * 2);
        }
        batchStarts[batchCount] = base;
        batchEntryBytes[batchCount] = entryBytes;
        batchCount++;
        journalBytes += entryBytes;
    }

    /** What this partition's entries take in the journal: garbage when its topic is deleted. */
    synchronized long journalBytes() {
        return journalBytes;
    }

    /** Counts an entry a rewritten journal wrote for this partition beside its batches. */
    synchronized void addJournalBytes(long entryBytes) {
        journalBytes += entryBytes;
    }

    /** The log start and every batch, for a rewrite of the journal (the views stay valid whatever happens next). */
    synchronized Snapshot snapshot() {
        List<StoredBatch> batches = new ArrayList<>(batchCount);
        long end = arrayBase + size;
        for (int batch = 0; batch < batchCount; batch++) {
            long start = batchStarts[batch];
            long next = batch + 1 < batchCount ? batchStarts[batch + 1] : end;
            batches.add(new StoredBatch(start, (int) (next - start), (int) (start - arrayBase), keys, values, timestamps));
        }
        return new Snapshot(logStart, batches);
    }

    record Snapshot(long logStart, List<StoredBatch> batches) {
    }

    synchronized PartitionOffsets offsets() {
        return new PartitionOffsets(logStart, arrayBase + size);
    }

    synchronized long highWatermark() {
        return arrayBase + size;
    }

    synchronized TopicInfo.PartitionInfo info(int leader) {
        return new TopicInfo.PartitionInfo(partition, leader, logStart, arrayBase + size, bytes);
    }

    synchronized boolean isDeleted() {
        return deleted;
    }

    /**
     * Whole batches from the one that contains {@code from} to the log end, stopping once
     * {@code maxBytes} would be exceeded (at least one batch is returned when there is one).
     */
    FetchResult read(long from, int maxBytes) {
        synchronized (this) {
            if (deleted) {
                throw BrokerException.of(ErrorCode.TOPIC_DELETED);
            }
            long end = arrayBase + size;
            if (from < logStart) {
                throw new BrokerException(CodedError.of(ErrorCode.OFFSET_EVICTED, from, logStart));
            }
            List<StoredBatch> batches = new ArrayList<>();
            if (from >= end) {
                return new FetchResult(batches, end, logStart);
            }
            // Starting at the batch that contains the offset, so the first batch may hold records
            // before it (§3.6.3, find_offset_position); clients drop those.
            int batch = Arrays.binarySearch(batchStarts, 0, batchCount, from);
            if (batch < 0) {
                batch = Math.max(0, -batch - 2);
            }
            long budget = maxBytes;
            for (; batch < batchCount; batch++) {
                long start = batchStarts[batch];
                long next = batch + 1 < batchCount ? batchStarts[batch + 1] : end;
                int firstIndex = (int) (start - arrayBase);
                int count = (int) (next - start);
                long batchBytes = BATCH_OVERHEAD + payload(firstIndex, count);
                if (!batches.isEmpty() && batchBytes > budget) {
                    break;
                }
                budget -= batchBytes;
                batches.add(new StoredBatch(start, count, firstIndex, keys, values, timestamps));
            }
            return new FetchResult(batches, end, logStart);
        }
    }

    /**
     * Drops whole batches that end before {@code beforeOffset}, as Fluvio's segment retention
     * drops whole segments; journaled first, like an append. Returns the new log start.
     *
     * @throws JournalWriteException if the journal could not take the eviction
     */
    long evictBefore(long beforeOffset) {
        synchronized (this) {
            if (deleted) {
                throw BrokerException.of(ErrorCode.PARTITION_NOT_LEADER);
            }
            int firstKept = firstBatchKept(beforeOffset);
            long newStart = firstKept < batchCount ? batchStarts[firstKept] : arrayBase + size;
            if (newStart <= logStart) {
                return logStart;
            }
            if (journal != null) {
                long entryBytes = journal.append(new JournalEntry.Evicted(topic, partition, beforeOffset));
                journal.addGarbage(entryBytes + drop(firstKept, newStart));
            } else {
                drop(firstKept, newStart);
            }
        }
        notifySessions();
        return logStart;
    }

    /** Replays a journaled eviction; returns the journal bytes it made garbage (the entry's own included). */
    synchronized long replayEviction(long beforeOffset, long entryBytes) {
        int firstKept = firstBatchKept(beforeOffset);
        long newStart = firstKept < batchCount ? batchStarts[firstKept] : arrayBase + size;
        return newStart <= logStart ? entryBytes : entryBytes + drop(firstKept, newStart);
    }

    private int firstBatchKept(long beforeOffset) {
        int firstKept = 0;
        long end = arrayBase + size;
        while (firstKept < batchCount) {
            long next = firstKept + 1 < batchCount ? batchStarts[firstKept + 1] : end;
            if (next > beforeOffset) {
                break;
            }
            firstKept++;
        }
        return firstKept;
    }

    /** Drops the batches before {@code firstKept}; returns the journal bytes they took. */
    private long drop(int firstKept, long newStart) {
        int dropped = (int) (newStart - arrayBase);
        bytes -= BATCH_OVERHEAD * (long) firstKept + payload(0, dropped);
        long droppedEntryBytes = 0;
        for (int batch = 0; batch < firstKept; batch++) {
            droppedEntryBytes += batchEntryBytes[batch];
        }
        journalBytes -= droppedEntryBytes;
        // New chunks rather than cleared old ones: batch views handed out earlier stay valid.
        byte[][][] oldKeys = keys;
        byte[][][] oldValues = values;
        long[][] oldTimestamps = timestamps;
        int kept = size - dropped;
        keys = new byte[4][][];
        values = new byte[4][][];
        timestamps = new long[4][];
        chunks = 0;
        for (int i = 0; i < kept; i++) {
            if ((i & CHUNK_MASK) == 0) {
                addChunk();
            }
            int from = dropped + i;
            keys[i >>> CHUNK_BITS][i & CHUNK_MASK] = oldKeys[from >>> CHUNK_BITS][from & CHUNK_MASK];
            values[i >>> CHUNK_BITS][i & CHUNK_MASK] = oldValues[from >>> CHUNK_BITS][from & CHUNK_MASK];
            timestamps[i >>> CHUNK_BITS][i & CHUNK_MASK] = oldTimestamps[from >>> CHUNK_BITS][from & CHUNK_MASK];
        }
        int capacity = Math.max(firstKept + 16, batchStarts.length);
        batchStarts = Arrays.copyOfRange(batchStarts, firstKept, capacity);
        batchEntryBytes = Arrays.copyOfRange(batchEntryBytes, firstKept, capacity);
        batchCount -= firstKept;
        size -= dropped;
        arrayBase = newStart;
        logStart = newStart;
        return droppedEntryBytes;
    }

    void markDeleted() {
        synchronized (this) {
            deleted = true;
        }
        notifySessions();
    }

    void register(StreamSession session) {
        sessions.add(session);
    }

    void unregister(StreamSession session) {
        sessions.remove(session);
    }

    private void notifySessions() {
        for (StreamSession session : sessions) {
            session.signal();
        }
    }

    private long payload(int firstIndex, int count) {
        long total = 0;
        for (int i = firstIndex; i < firstIndex + count; i++) {
            byte[] key = keys[i >>> CHUNK_BITS][i & CHUNK_MASK];
            total += RECORD_OVERHEAD + values[i >>> CHUNK_BITS][i & CHUNK_MASK].length + (key == null ? 0 : key.length);
        }
        return total;
    }

    private void addChunk() {
        if (chunks == values.length) {
            keys = Arrays.copyOf(keys, chunks * 2);
            values = Arrays.copyOf(values, chunks * 2);
            timestamps = Arrays.copyOf(timestamps, chunks * 2);
        }
        keys[chunks] = new byte[CHUNK_SIZE][];
        values[chunks] = new byte[CHUNK_SIZE][];
        timestamps[chunks] = new long[CHUNK_SIZE];
        chunks++;
    }
}
