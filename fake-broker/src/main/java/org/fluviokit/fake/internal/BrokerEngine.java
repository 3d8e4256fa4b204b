package org.fluviokit.fake.internal;

import java.nio.file.Path;
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
import java.util.function.Function;

import org.fluviokit.fake.BrokerApi;
import org.fluviokit.fake.BrokerException;
import org.fluviokit.fake.ConsumerOffsetEntry;
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
    private final Object admin = new Object();
    private final Journal journal;
    private volatile boolean closed;

    /** A broker's engine; {@code dataDirectory} null for one that lives in memory only. */
    public BrokerEngine(Clock clock, int spuCount, long maxBatchBytes, Path dataDirectory) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.spuCount = spuCount;
        this.maxBatchBytes = maxBatchBytes;
        createSystemTopic(null);
        this.journal = dataDirectory == null ? null : Journal.open(dataDirectory, new Replayer());
        if (journal != null) {
            // Replayed logs were built without a journal (replay must not write it); attach it now.
            for (Topic topic : topics.values()) {
                topic.attachJournal(journal);
            }
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
        synchronized (admin) {
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
            topic = new Topic(name, config, journal);
            topics.put(name, topic);
            if (journal != null) {
                journal.topicCreated(name, config);
            }
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
        synchronized (admin) {
            topic = topics.get(name);
            if (topic == null) {
                throw scError(ErrorCode.TOPIC_NOT_FOUND, "not found");
            }
            if (topic.config().system() && !force) {
                throw new BrokerException(CodedError.of(ErrorCode.SYSTEM_SPEC_DELETION_ATTEMPT, "topic", name));
            }
            removeTopic(topic);
            if (journal != null) {
                journal.topicDeleted(name);
            }
        }
        TopicInfo info = topic.info(leaderId());
        for (BrokerListener listener : listeners) {
            listener.topicDeleted(info);
        }
        if (FakeBroker.CONSUMER_OFFSET_TOPIC.equals(name)) {
            createSystemTopic(journal);
        }
    }

    private void removeTopic(Topic topic) {
        topics.remove(topic.name());
        topic.markDeleted();
        if (!FakeBroker.CONSUMER_OFFSET_TOPIC.equals(topic.name())) {
            offsets.removeTopic(topic.name());
        }
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
        return logOrThrow(topic, partition, ErrorCode.PARTITION_NOT_LEADER).evictBefore(beforeOffset);
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

    /** Closes every connection; the broker accepts no new ones. */
    @Override
    public void close() {
        closed = true;
        dropConnections();
        if (journal != null) {
            journal.close();
        }
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

    void recordsAppended(PartitionLog log, long baseOffset, List<ProducedRecord> records) {
        // hook for journaling
    }

    void storeConsumerOffset(ReplicaKey replica, String consumerId, long offset) {
        long modifiedTime = Math.floorDiv(clock.millis(), 1000L);
        synchronized (offsets) {
            offsets.put(new ConsumerOffsetStore.Key(replica.topic(), replica.partition(), consumerId), offset,
                    modifiedTime);
            if (journal != null) {
                journal.offsetStored(replica, consumerId, offset, modifiedTime);
            }
        }
        offsetUpdates.add(new ConsumerOffsetEntry(consumerId, replica.topic(), replica.partition(), offset, modifiedTime));
    }

    void deleteConsumerOffset(ReplicaKey replica, String consumerId) {
        synchronized (offsets) {
            offsets.remove(new ConsumerOffsetStore.Key(replica.topic(), replica.partition(), consumerId));
            if (journal != null) {
                journal.offsetDeleted(replica, consumerId);
            }
        }
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
        // K1: 1 partition, replication 1, system, 7-day segment retention, 512 MB segments, 2 GB partitions.
        TopicConfig config = TopicConfig.partitions(1)
                .withRetention(Duration.ofSeconds(604_800))
                .withStorage(Optional.of(512_000_000), Optional.of(2_048_000_000L))
                .asSystemTopic();
        Topic topic = new Topic(FakeBroker.CONSUMER_OFFSET_TOPIC, config, journalOrNull);
        synchronized (admin) {
            topics.put(FakeBroker.CONSUMER_OFFSET_TOPIC, topic);
        }
        TopicInfo info = topic.info(leaderId());
        for (BrokerListener listener : listeners) {
            listener.topicCreated(info);
        }
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

    /** Applies journal entries to a broker being started, as they were applied before. */
    private final class Replayer implements Journal.Replay {
        @Override
        public void topicCreated(String name, TopicConfig config) {
            topics.put(name, new Topic(name, config, null));
        }

        @Override
        public void topicDeleted(String name) {
            Topic topic = topics.get(name);
            if (topic != null) {
                removeTopic(topic);
            }
            if (FakeBroker.CONSUMER_OFFSET_TOPIC.equals(name)) {
                createSystemTopic(null);
            }
        }

        @Override
        public void batchAppended(String topic, int partition, long baseOffset, List<ProducedRecord> records) {
            long appended = logOrThrow(topic, partition, ErrorCode.NOT_LEADER_FOR_PARTITION).append(records);
            if (appended != baseOffset) {
                throw new IllegalStateException("journal out of order: batch of " + topic + "-" + partition
                        + " logged at " + baseOffset + " replayed at " + appended);
            }
        }

        @Override
        public void offsetStored(ReplicaKey replica, String consumerId, long offset, long modifiedTime) {
            offsets.put(new ConsumerOffsetStore.Key(replica.topic(), replica.partition(), consumerId), offset,
                    modifiedTime);
        }

        @Override
        public void offsetDeleted(ReplicaKey replica, String consumerId) {
            offsets.remove(new ConsumerOffsetStore.Key(replica.topic(), replica.partition(), consumerId));
        }

        @Override
        public void evicted(String topic, int partition, long beforeOffset) {
            logOrThrow(topic, partition, ErrorCode.PARTITION_NOT_LEADER).evictBefore(beforeOffset);
        }
    }
}
