package org.fluviokit.fake.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;

import org.fluviokit.fake.BrokerApi;
import org.fluviokit.fake.BrokerException;
import org.fluviokit.fake.ConsumerOffsetEntry;
import org.fluviokit.fake.DataDirectoryException;
import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.TopicConfig;
import org.fluviokit.fake.TopicInfo;
import org.fluviokit.fake.VirtualClock;
import org.fluviokit.protocol.CodedError;
import org.fluviokit.protocol.ErrorCode;
import org.fluviokit.protocol.TopicNames;

/**
 * What {@link FakeBroker} is made of: topics, partition logs, stored consumer offsets, connections,
 * faults and the journal. Not an API: the broker's own wire server and fluviokit's in-process
 * transport reach it with {@link #of(FakeBroker)}; tests and applications use {@link FakeBroker}.
 * Thread-safe.
 */
public final class BrokerEngine implements AutoCloseable {

    /** The smallest batch limit that still lets an empty batch through. */
    public static final long MIN_BATCH_BYTES = PartitionLog.BATCH_OVERHEAD;

    private static volatile Function<FakeBroker, BrokerEngine> access;

    private final Clock clock;
    private final int spuCount;
    private final long maxBatchBytes;
    private final FaultPlan faults = new FaultPlan();
    private final Map<String, Topic> topics = new ConcurrentHashMap<>();
    private final ConsumerOffsetStore offsets = new ConsumerOffsetStore();
    private final List<ConsumerOffsetEntry> offsetUpdates = new CopyOnWriteArrayList<>();
    private final Set<BrokerConnection> connections = ConcurrentHashMap.newKeySet();
    private final List<BrokerListener> listeners = new CopyOnWriteArrayList<>();
    /**
     * Every journaled change (a produce, an eviction, a consumer offset stored or deleted) writes its
     * entry and then changes memory under the read lock; what must see no such change half done takes
     * the write lock: topic creation and deletion (so no batch of a topic is journaled after its
     * deletion) and compaction (which snapshots memory as the new journal).
     */
    private final ReentrantReadWriteLock changes = new ReentrantReadWriteLock();
    private final Journal journal;
    private final Consumer<String> notices;
    private final long compactionMinGarbage;
    /** The garbage a compaction waits for: raised after a failed one, so a full disk is not rewritten on every write. */
    private volatile long compactionGarbageThreshold;
    private volatile boolean closed;

    /** A broker's engine that lives in memory only. */
    public BrokerEngine(Clock clock, int spuCount, long maxBatchBytes) {
        this(clock, spuCount, maxBatchBytes, null);
    }

    /**
     * A broker's engine; with {@code journalSettings} it keeps a journal in that data directory and
     * replays the one there (K4).
     *
     * @throws DataDirectoryException                       if the directory cannot be used
     * @throws org.fluviokit.fake.JournalDamagedException   if its journal is damaged and repair is off
     */
    public BrokerEngine(Clock clock, int spuCount, long maxBatchBytes, JournalSettings journalSettings) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.spuCount = spuCount;
        this.maxBatchBytes = maxBatchBytes;
        createSystemTopic(null);
        if (journalSettings == null) {
            this.journal = null;
            this.notices = notice -> { };
            this.compactionMinGarbage = Long.MAX_VALUE;
            return;
        }
        this.notices = journalSettings.notices();
        this.compactionMinGarbage = journalSettings.compactionMinGarbage();
        this.compactionGarbageThreshold = compactionMinGarbage;
        Replayer replayer = new Replayer();
        JournalRecovery.Opened opened = JournalRecovery.open(journalSettings, clock, replayer);
        this.journal = opened.journal();
        journal.addGarbage(replayer.garbage);
        try {
            startJournal(opened.needsRewrite(), journalSettings);
        } catch (RuntimeException | Error e) {
            // a broker that does not start must not keep the directory locked
            journal.close();
            throw e;
        }
    }

    private void startJournal(boolean needsRewrite, JournalSettings journalSettings) {
        // Replayed logs were built without a journal (replay must not write it); attach it now.
        for (Topic topic : topics.values()) {
            topic.attachJournal(journal);
        }
        if (needsRewrite || compactionDue()) {
            long before = journal.size();
            try {
                compact();
            } catch (JournalWriteException e) {
                if (needsRewrite) {
                    // Entries of the current layout must never be appended to a file of the older one.
                    throw new DataDirectoryException(journalSettings.directory(), false, "cannot rewrite "
                            + journal.file() + " in the current layout: " + e.getMessage(), e);
                }
                notices.accept(e.getMessage());
                return;
            }
            notices.accept((needsRewrite ? "rewrote " + journal.file() + " in the current layout (entries"
                    + " with header checks)" : "compacted " + journal.file()) + ": " + before + " -> " + journal.size()
                    + " bytes");
        }
    }

    /** The engine of {@code broker}. */
    public static BrokerEngine of(FakeBroker broker) {
        // Any FakeBroker instance means its class was initialised, and so granted the access.
        return access.apply(Objects.requireNonNull(broker, "broker"));
    }

    /** Called once, by {@link FakeBroker}'s class initialiser, so that {@link #of} can reach its engine. */
    public static synchronized void grantAccess(Function<FakeBroker, BrokerEngine> engines) {
        if (access != null) {
            throw new IllegalStateException("access to broker engines was already granted");
        }
        access = engines;
    }

    // ---------------------------------------------------------------- time, restart, faults

    /** The clock the broker stamps offsets with. */
    public Clock clock() {
        return clock;
    }

    /**
     * Moves the broker's virtual clock forward, running every task scheduled on it (such as the
     * periodic offset flushes of clients of this broker) at its due time.
     *
     * @throws IllegalStateException if the broker runs on a clock other than a {@link VirtualClock}
     */
    public void advanceClock(Duration duration) {
        virtualClock().advance(duration);
    }

    /** The broker's clock as a {@link VirtualClock}, if that is what it runs on. */
    public VirtualClock virtualClock() {
        if (clock instanceof VirtualClock virtual) {
            return virtual;
        }
        throw new IllegalStateException("this broker runs on a real clock (" + clock + "); time cannot be advanced");
    }

    /**
     * Restarts the broker: keeps every record and every acknowledged consumer offset (K4) and drops
     * every connection with its streams, as a cluster restart does. Clients reconnect on their next
     * request (M1).
     */
    public void restart() {
        dropConnections();
        for (BrokerListener listener : listeners) {
            listener.restarted();
        }
    }

    /** Closes every client connection without restarting (a network failure, as seen by clients). */
    public void dropConnections() {
        for (BrokerConnection connection : List.copyOf(connections)) {
            connection.close();
        }
    }

    /** Errors to answer instead of serving requests. */
    public FaultPlan faults() {
        return faults;
    }

    /** Opens a connection to the broker's SPU side. */
    public BrokerConnection connect() {
        if (closed) {
            throw new ConnectionClosedException("the broker is closed");
        }
        BrokerConnection connection = new BrokerConnection(this);
        connections.add(connection);
        return connection;
    }

    /** How many client connections are open. */
    public int openConnections() {
        return connections.size();
    }

    /** The number of SPUs the broker pretends to have (replicas above it cannot be placed). */
    public int spuCount() {
        return spuCount;
    }

    /** Ids of the SPUs: 5001, 5002, … as a local cluster numbers them. */
    public List<Integer> spuIds() {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < spuCount; i++) {
            ids.add(FakeBroker.DEFAULT_SPU_ID + i);
        }
        return ids;
    }

    // ---------------------------------------------------------------- SC: topics

    /** Creates a topic with {@code partitions} partitions and one replica each. */
    public TopicInfo createTopic(String name, int partitions) {
        return createTopic(name, TopicConfig.partitions(partitions));
    }

    public TopicInfo createTopic(String name, TopicConfig config) {
        return createTopic(name, config, false);
    }

    /**
     * Creates a topic, validating as the SC does (spec wire-protocol §3.4.2): the name (L3), then
     * that it does not exist, then the configuration, then that every replica can be placed.
     * With {@code dryRun} it stops after validating.
     *
     * @throws BrokerException TopicInvalidName (2006), TopicAlreadyExists (2002),
     *                         TopicInvalidConfiguration (2004), TopicError (2000) or TopicNotProvisioned (2005),
     *                         with the SC's message
     */
    public TopicInfo createTopic(String name, TopicConfig config, boolean dryRun) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
        faults.check(BrokerApi.CREATE_TOPIC);
        Topic topic;
        changes.writeLock().lock();
        try {
            validateTopicName(name);
            if (topics.containsKey(name)) {
                throw scError(ErrorCode.TOPIC_ALREADY_EXISTS, "Topic '" + name + "' already exists");
            }
            validateTopicConfig(config);
            if (config.partitions() <= 0) {
                throw scError(ErrorCode.TOPIC_ERROR, "partition must be greater than 0");
            }
            if (config.replicationFactor() <= 0) {
                throw scError(ErrorCode.TOPIC_ERROR, "replication factor must be greater than 0");
            }
            if (config.replicationFactor() > spuCount) {
                // A real SC waits FLV_TOPIC_WAIT (90 s) for replicas that can never be placed and
                // then answers this; the fake answers at once and creates nothing.
                throw scError(ErrorCode.TOPIC_NOT_PROVISIONED,
                        "only 0 out of " + config.partitions() + " provisioned");
            }
            if (dryRun) {
                return new Topic(name, config, null).info(leaderId());
            }
            if (journal != null) {
                try {
                    journal.append(new JournalEntry.TopicCreated(name, config));
                } catch (JournalWriteException e) {
                    // A real SC answers TopicError with the reason when its metadata store refuses the topic.
                    throw scError(ErrorCode.TOPIC_ERROR, e.getMessage());
                }
            }
            topic = new Topic(name, config, journal);
            topics.put(name, topic);
        } finally {
            changes.writeLock().unlock();
        }
        TopicInfo info = topic.info(leaderId());
        for (BrokerListener listener : listeners) {
            listener.topicCreated(info);
        }
        return info;
    }

    /** Deletes a user topic (see {@link #deleteTopic(String, boolean)}). */
    public void deleteTopic(String name) {
        deleteTopic(name, false);
    }

    /**
     * Deletes a topic with its partitions, records and consumer offsets (J1). A system topic needs
     * {@code force} (K3). Deleting {@value FakeBroker#CONSUMER_OFFSET_TOPIC} forcibly keeps the stored
     * consumer offsets, as a real 0.18 SPU does (it keeps its in-memory store; the spec expected them
     * gone), and the fake recreates the topic at once (a real SC does at its next check, K2).
     *
     * @throws BrokerException TopicNotFound (2001, message "not found"), or
     *                         SystemSpecDeletionAttempt (12001) for a system topic without force
     */
    public void deleteTopic(String name, boolean force) {
        faults.check(BrokerApi.DELETE_TOPIC);
        Topic topic;
        Topic recreated = null;
        changes.writeLock().lock();
        try {
            topic = topics.get(name);
            if (topic == null) {
                throw scError(ErrorCode.TOPIC_NOT_FOUND, "not found");
            }
            if (topic.config().system() && !force) {
                throw new BrokerException(CodedError.of(ErrorCode.SYSTEM_SPEC_DELETION_ATTEMPT, "topic", name));
            }
            long entryBytes = 0;
            if (journal != null) {
                try {
                    entryBytes = journal.append(new JournalEntry.TopicDeleted(name));
                } catch (JournalWriteException e) {
                    throw scError(ErrorCode.TOPIC_ERROR, e.getMessage());
                }
            }
            long garbage = removeTopic(topic) + entryBytes;
            if (journal != null) {
                journal.addGarbage(garbage);
            }
            if (FakeBroker.CONSUMER_OFFSET_TOPIC.equals(name)) {
                recreated = systemTopic(journal);
            }
        } finally {
            changes.writeLock().unlock();
        }
        TopicInfo info = topic.info(leaderId());
        for (BrokerListener listener : listeners) {
            listener.topicDeleted(info);
        }
        if (recreated != null) {
            announce(recreated);
        }
        compactIfDue();
    }

    /** Removes the topic and its consumer offsets; returns the journal bytes that made garbage (its deletion's aside). */
    private long removeTopic(Topic topic) {
        topics.remove(topic.name());
        topic.markDeleted();
        long garbage = topic.journalBytes();
        if (!FakeBroker.CONSUMER_OFFSET_TOPIC.equals(topic.name())) {
            garbage += JournalEntry.fileBytes(new JournalEntry.TopicCreated(topic.name(), topic.config()));
            for (ConsumerOffsetStore.Key key : offsets.removeTopic(topic.name())) {
                garbage += offsetEntryBytes(key);
            }
        }
        return garbage;
    }

    /** Every topic, system topics included, ordered by name. */
    public List<TopicInfo> listTopics() {
        faults.check(BrokerApi.LIST_TOPICS);
        List<TopicInfo> result = new ArrayList<>();
        for (Topic topic : topics.values()) {
            result.add(topic.info(leaderId()));
        }
        result.sort(Comparator.comparing(TopicInfo::name));
        return result;
    }

    /** The topic called {@code name}, if it exists. */
    public Optional<TopicInfo> topic(String name) {
        Topic topic = topics.get(name);
        return topic == null ? Optional.empty() : Optional.of(topic.info(leaderId()));
    }

    /**
     * Drops the records of whole batches that end before {@code beforeOffset}, as segment retention
     * does, moving the partition's log start (A1, B8).
     *
     * @return the new log start
     */
    public long evictRecords(String topic, int partition, long beforeOffset) {
        long logStart;
        changes.readLock().lock();
        try {
            logStart = logOrThrow(topic, partition, ErrorCode.PARTITION_NOT_LEADER).evictBefore(beforeOffset);
        } catch (JournalWriteException e) {
            throw storageError(e);
        } finally {
            changes.readLock().unlock();
        }
        compactIfDue();
        return logStart;
    }

    // ---------------------------------------------------------------- inspection

    /** Every stored consumer offset, as an unfiltered FetchConsumerOffsets would list them. */
    public List<ConsumerOffsetEntry> consumerOffsets() {
        return listConsumerOffsets(Optional.empty(), Optional.empty());
    }

    /**
     * Every consumer offset the broker stored through UpdateConsumerOffset, in arrival order, with
     * the time it was stored: the flush messages a client sent, to check when it flushed (C1–C7).
     */
    public List<ConsumerOffsetEntry> consumerOffsetUpdates() {
        return List.copyOf(offsetUpdates);
    }

    /** Follows topic changes and restarts (the wire server pushes them to metadata watchers). */
    public void addListener(BrokerListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(BrokerListener listener) {
        listeners.remove(listener);
    }

    /** Closes every connection; the broker accepts no new ones. A data directory is released for another broker. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        dropConnections();
        if (journal != null) {
            // Takes the write lock so that no change is half way through its journal entry.
            changes.writeLock().lock();
            try {
                journal.close();
            } finally {
                changes.writeLock().unlock();
            }
        }
    }

    /** Rewrites the journal whatever its garbage, for tests of the package. */
    void compactJournalNow() {
        changes.writeLock().lock();
        try {
            compact();
        } finally {
            changes.writeLock().unlock();
        }
    }

    /** The journal, for tests of the package; null without a data directory. */
    Journal journal() {
        return journal;
    }

    // ---------------------------------------------------------------- package-private engine

    PartitionLog logOrThrow(String topic, int partition, ErrorCode whenMissing) {
        Topic found = topics.get(topic);
        if (found == null || partition < 0 || partition >= found.partitionCount()) {
            throw BrokerException.of(whenMissing);
        }
        return found.log(partition);
    }

    void checkBatchSize(List<ProducedRecord> records) {
        long total = PartitionLog.BATCH_OVERHEAD;
        for (ProducedRecord record : records) {
            total += PartitionLog.RECORD_OVERHEAD + record.value().length
                    + (record.key() == null ? 0 : record.key().length);
        }
        if (total > maxBatchBytes) {
            throw BrokerException.of(ErrorCode.MESSAGE_TOO_LARGE);
        }
    }

    /**
     * Produce: appends the records as one batch once its journal entry is written.
     *
     * @throws BrokerException NotLeaderForPartition (6), MessageTooLarge (10), or when the journal write
     *                         fails (nothing is stored then) what an SPU answers a failed append: PartitionFull
     *                         (72) for a full disk, else StorageError (56)
     */
    long produce(String topic, int partition, List<ProducedRecord> records) {
        long base;
        changes.readLock().lock();
        try {
            PartitionLog log = logOrThrow(topic, partition, ErrorCode.NOT_LEADER_FOR_PARTITION);
            checkBatchSize(records);
            base = log.append(records);
        } catch (JournalWriteException e) {
            if (e.diskFull()) {
                BrokerException full = new BrokerException(CodedError.of(ErrorCode.PARTITION_FULL, topic, partition));
                full.initCause(e);
                throw full;
            }
            throw storageError(e);
        } finally {
            changes.readLock().unlock();
        }
        compactIfDue();
        return base;
    }

    /**
     * Stores a consumer offset for the session's partition once its journal entry is written.
     *
     * @throws BrokerException FetchSessionNotFoud (3002) when the session's topic was deleted; Other with
     *                         the reason when the journal write fails (as an SPU answers a failed store; the
     *                         stored offset is unchanged)
     */
    void storeConsumerOffset(StreamSession session, String consumerId, long offset) {
        long modifiedTime = Math.floorDiv(clock.millis(), 1000L);
        ReplicaKey replica = new ReplicaKey(session.topic(), session.partition());
        changes.readLock().lock();
        try {
            if (session.isOnDeletedTopic()) {
                // A deleted topic's streams are gone on a real SPU too; storing would resurrect a
                // deleted topic's offsets if it were created again (J2).
                throw BrokerException.of(ErrorCode.FETCH_SESSION_NOT_FOUND);
            }
            ConsumerOffsetStore.Key key = new ConsumerOffsetStore.Key(replica.topic(), replica.partition(), consumerId);
            synchronized (offsets) {
                if (journal != null) {
                    long entryBytes = journal.append(new JournalEntry.OffsetStored(replica, consumerId, offset, modifiedTime));
                    if (offsets.contains(key)) {
                        // the entry it replaces has the same size
                        journal.addGarbage(entryBytes);
                    }
                }
                offsets.put(key, offset, modifiedTime);
            }
        } catch (JournalWriteException e) {
            throw new BrokerException(CodedError.other(e.getMessage()));
        } finally {
            changes.readLock().unlock();
        }
        offsetUpdates.add(new ConsumerOffsetEntry(consumerId, replica.topic(), replica.partition(), offset, modifiedTime));
        compactIfDue();
    }

    /**
     * Deletes a stored consumer offset once its journal entry is written; an absent one is not an
     * error and writes nothing (G4).
     */
    void deleteConsumerOffset(ReplicaKey replica, String consumerId) {
        ConsumerOffsetStore.Key key = new ConsumerOffsetStore.Key(replica.topic(), replica.partition(), consumerId);
        changes.readLock().lock();
        try {
            synchronized (offsets) {
                if (!offsets.contains(key)) {
                    return;
                }
                if (journal != null) {
                    long entryBytes = journal.append(new JournalEntry.OffsetDeleted(replica, consumerId));
                    journal.addGarbage(entryBytes + offsetEntryBytes(key));
                }
                offsets.remove(key);
            }
        } catch (JournalWriteException e) {
            throw new BrokerException(CodedError.other("unable to delete consumer: " + e.getMessage()));
        } finally {
            changes.readLock().unlock();
        }
        compactIfDue();
    }

    List<ConsumerOffsetEntry> listConsumerOffsets(Optional<ReplicaKey> replica, Optional<String> consumerId) {
        return offsets.list(replica, consumerId, this::partitionExists);
    }

    void forget(BrokerConnection connection) {
        connections.remove(connection);
    }

    /** The id of the SPU that leads the partition; empty when there is no such partition. Cheap enough for every produce. */
    public java.util.OptionalInt leaderOf(String topic, int partition) {
        return partitionExists(new ReplicaKey(topic, partition)) ? java.util.OptionalInt.of(leaderId())
                : java.util.OptionalInt.empty();
    }

    private boolean partitionExists(ReplicaKey replica) {
        Topic topic = topics.get(replica.topic());
        return topic != null && replica.partition() >= 0 && replica.partition() < topic.partitionCount();
    }

    private int leaderId() {
        return FakeBroker.DEFAULT_SPU_ID;
    }

    private void createSystemTopic(Journal journalOrNull) {
        announce(systemTopic(journalOrNull));
    }

    /** Puts a new {@value FakeBroker#CONSUMER_OFFSET_TOPIC} topic in place; it is never journaled, a start creates it. */
    private Topic systemTopic(Journal journalOrNull) {
        // K1: 1 partition, replication 1, system, 7-day segment retention, 512 MB segments, 2 GB partitions.
        TopicConfig config = TopicConfig.partitions(1)
                .withRetention(Duration.ofSeconds(604_800))
                .withStorage(Optional.of(512_000_000), Optional.of(2_048_000_000L))
                .asSystemTopic();
        Topic topic = new Topic(FakeBroker.CONSUMER_OFFSET_TOPIC, config, journalOrNull);
        topics.put(FakeBroker.CONSUMER_OFFSET_TOPIC, topic);
        return topic;
    }

    private void announce(Topic topic) {
        TopicInfo info = topic.info(leaderId());
        for (BrokerListener listener : listeners) {
            listener.topicCreated(info);
        }
    }

    // ---------------------------------------------------------------- compaction

    private boolean compactionDue() {
        long garbage = journal.garbage();
        return garbage >= compactionGarbageThreshold && garbage * 2 >= journal.size();
    }

    /** Rewrites the journal once garbage is at least half of it (and at least the minimum); called with no lock held. */
    private void compactIfDue() {
        if (journal == null || closed || !compactionDue()) {
            return;
        }
        changes.writeLock().lock();
        try {
            if (!closed && compactionDue()) {
                compact();
            }
        } catch (JournalWriteException e) {
            // The journal is unchanged and keeps taking writes; a retry waits for more garbage.
            compactionGarbageThreshold = journal.garbage() + compactionMinGarbage;
            notices.accept(e.getMessage());
        } finally {
            changes.writeLock().unlock();
        }
    }

    /** Writes what is stored as a new journal; the caller holds the write lock (or is the constructor). */
    private void compact() {
        journal.rewrite(sink -> {
            for (Topic topic : topics.values()) {
                if (!FakeBroker.CONSUMER_OFFSET_TOPIC.equals(topic.name())) {
                    sink.accept(new JournalEntry.TopicCreated(topic.name(), topic.config()));
                }
                for (int partition = 0; partition < topic.partitionCount(); partition++) {
                    PartitionLog.Snapshot snapshot = topic.log(partition).snapshot();
                    if (snapshot.logStart() > 0) {
                        sink.accept(new JournalEntry.LogStart(topic.name(), partition, snapshot.logStart()));
                    }
                    for (StoredBatch batch : snapshot.batches()) {
                        sink.accept(new JournalEntry.Batch(topic.name(), partition, batch.baseOffset(), records(batch)));
                    }
                }
            }
            offsets.snapshot().forEach((key, value) -> sink.accept(new JournalEntry.OffsetStored(
                    new ReplicaKey(key.topic(), key.partition()), key.consumerId(), value.offset(), value.modifiedTime())));
        });
        compactionGarbageThreshold = compactionMinGarbage;
    }

    private static List<ProducedRecord> records(StoredBatch batch) {
        List<ProducedRecord> records = new ArrayList<>(batch.recordCount());
        for (int i = 0; i < batch.recordCount(); i++) {
            records.add(new ProducedRecord(batch.key(i), batch.value(i), batch.timestamp(i)));
        }
        return records;
    }

    private static long offsetEntryBytes(ConsumerOffsetStore.Key key) {
        return JournalEntry.fileBytes(new JournalEntry.OffsetStored(new ReplicaKey(key.topic(), key.partition()),
                key.consumerId(), 0, 0));
    }

    private static BrokerException storageError(JournalWriteException cause) {
        BrokerException error = BrokerException.of(ErrorCode.STORAGE_ERROR);
        error.initCause(cause);
        return error;
    }

    private static void validateTopicName(String name) {
        if (name.isEmpty()) {
            // The SC's rule lets an empty name through (the CLI catches it); a fake should not
            // create a topic no Fluvio tool can address.
            throw scError(ErrorCode.TOPIC_INVALID_NAME, "Invalid topic name: ''. Topic name is required");
        }
        if (name.length() > TopicNames.MAX_LENGTH) {
            throw scError(ErrorCode.TOPIC_INVALID_NAME,
                    "Invalid topic name: '" + name + "'. Name exceeds max characters allowed " + TopicNames.MAX_LENGTH);
        }
        if (!TopicNames.isValid(name)) {
            throw scError(ErrorCode.TOPIC_INVALID_NAME,
                    "Invalid topic name: '" + name + "'. Contain only lowercase alphanumeric characters or '-'");
        }
    }

    private static void validateTopicConfig(TopicConfig config) {
        if (config.retention().isPresent() && config.retention().get().getSeconds() < 10) {
            throw scError(ErrorCode.TOPIC_INVALID_CONFIGURATION,
                    "retention_secs " + config.retention().get().getSeconds() + " is less than minimum 10");
        }
        if (config.segmentSize().isPresent() && config.segmentSize().get() < 1024) {
            throw scError(ErrorCode.TOPIC_INVALID_CONFIGURATION,
                    "segment_size " + config.segmentSize().get() + " is less than minimum 1024");
        }
        if (config.maxPartitionSize().isPresent()) {
            long max = config.maxPartitionSize().get();
            if (max < 2048) {
                throw scError(ErrorCode.TOPIC_INVALID_CONFIGURATION,
                        "max_partition_size " + max + " is less than minimum 2048");
            }
            long segment = config.segmentSize().map(Integer::longValue).orElse(FakeBroker.DEFAULT_MAX_BATCH_BYTES);
            if (max < segment) {
                throw scError(ErrorCode.TOPIC_INVALID_CONFIGURATION,
                        "max_partition_size " + max + " is less than segment size " + segment);
            }
        }
    }

    private static BrokerException scError(ErrorCode code, String message) {
        return new BrokerException(CodedError.of(code), message);
    }

    /**
     * Applies journal entries to a broker being started, as they were applied before, refusing any
     * that the broker could not have written in the state the entries before built. Counts the
     * garbage as the live changes do.
     */
    private final class Replayer implements JournalRecovery.Replay {
        private long garbage;

        @Override
        public void apply(JournalEntry entry, long fileBytes, boolean legacy) {
            if (entry instanceof JournalEntry.TopicCreated created) {
                if (topics.containsKey(created.name())) {
                    throw new ImpossibleEntryException("topic " + created.name() + " created while it exists");
                }
                if (created.config().partitions() < 1) {
                    throw new ImpossibleEntryException("topic " + created.name() + " created with "
                            + created.config().partitions() + " partitions");
                }
                topics.put(created.name(), new Topic(created.name(), created.config(), null));
            } else if (entry instanceof JournalEntry.TopicDeleted deleted) {
                Topic topic = topics.get(deleted.name());
                if (topic == null) {
                    throw new ImpossibleEntryException("topic " + deleted.name() + " deleted while it does not exist");
                }
                garbage += fileBytes + removeTopic(topic);
                if (FakeBroker.CONSUMER_OFFSET_TOPIC.equals(deleted.name())) {
                    systemTopic(null);
                }
            } else if (entry instanceof JournalEntry.Batch batch) {
                log(batch.topic(), batch.partition(), "a batch").replayBatch(batch.baseOffset(), batch.records(), fileBytes);
            } else if (entry instanceof JournalEntry.OffsetStored stored) {
                ReplicaKey replica = stored.replica();
                if (!legacy && !partitionExists(replica)) {
                    // Stores are refused once a topic is deleted; journals of the older layout could race that.
                    throw new ImpossibleEntryException(entry.describe() + ", a partition that does not exist");
                }
                ConsumerOffsetStore.Key key = new ConsumerOffsetStore.Key(replica.topic(), replica.partition(),
                        stored.consumerId());
                if (offsets.contains(key)) {
                    garbage += fileBytes;
                }
                offsets.put(key, stored.offset(), stored.modifiedTime());
            } else if (entry instanceof JournalEntry.OffsetDeleted deleted) {
                ConsumerOffsetStore.Key key = new ConsumerOffsetStore.Key(deleted.replica().topic(),
                        deleted.replica().partition(), deleted.consumerId());
                garbage += fileBytes + (offsets.remove(key) ? offsetEntryBytes(key) : 0);
            } else if (entry instanceof JournalEntry.Evicted evicted) {
                garbage += log(evicted.topic(), evicted.partition(), "an eviction")
                        .replayEviction(evicted.beforeOffset(), fileBytes);
            } else if (entry instanceof JournalEntry.LogStart start) {
                log(start.topic(), start.partition(), "a log start").replayLogStart(start.offset(), fileBytes);
            }
        }

        private PartitionLog log(String topic, int partition, String what) {
            Topic found = topics.get(topic);
            if (found == null || partition < 0 || partition >= found.partitionCount()) {
                throw new ImpossibleEntryException(what + " for " + topic + "-" + partition + ", a partition that"
                        + " does not exist");
            }
            return found.log(partition);
        }
    }
}
