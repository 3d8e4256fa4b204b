package org.fluviokit.fake;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.fluviokit.fake.internal.BrokerEngine;
import org.fluviokit.fake.internal.JournalSettings;

/**
 * An in-memory Fluvio cluster: one SC and its SPUs in one object, with Fluvio 0.18's semantics for
 * topics, partition logs and consumer offsets, a replaceable clock, and fault injection.
 *
 * <p>Topic administration (what the SC serves) and inspection are on this class; clients produce,
 * consume and store consumer offsets through a target ({@code FakeTarget.of(broker)} in
 * fluviokit-testkit) or over Fluvio's wire protocol ({@link org.fluviokit.fake.wire.WireServer}).
 *
 * <p><b>Durability.</b> {@link #restart()} behaves like restarting a Fluvio cluster: every record and
 * every consumer offset the broker acknowledged is kept (K4), while every connection and the streams
 * on it are dropped, so whatever a client had not flushed is lost with them.
 *
 * <p><b>Time.</b> The broker reads time only from its {@link Clock}: by default a {@link VirtualClock}
 * that moves only when {@link #advanceClock(Duration)} is called, so tests of time-based behaviour
 * need no real waiting. Thread-safe.
 */
public final class FakeBroker implements AutoCloseable {

    /** The system topic that holds consumer offsets (K1). */
    public static final String CONSUMER_OFFSET_TOPIC = "consumer-offset";
    /** The id a local Fluvio cluster gives its first SPU. */
    public static final int DEFAULT_SPU_ID = 5001;
    /** The largest batch the broker accepts by default: Fluvio's default segment size, 1 GiB. */
    public static final long DEFAULT_MAX_BATCH_BYTES = 1_073_741_824L;

    static {
        BrokerEngine.grantAccess(broker -> broker.engine);
    }

    private final BrokerEngine engine;
    private final BrokerFaults faults;

    private FakeBroker(Builder builder) {
        JournalSettings journal = builder.dataDirectory == null ? null
                : new JournalSettings(builder.dataDirectory, builder.fsync, builder.repair,
                JournalSettings.defaultCompactionMinGarbage(), builder.journalNotices);
        this.engine = new BrokerEngine(builder.clock != null ? builder.clock : VirtualClock.startingNow(),
                builder.spuCount, builder.maxBatchBytes, journal);
        this.faults = new BrokerFaults(engine.faults());
    }

    /** A broker with one SPU and a {@link VirtualClock} starting now. */
    public static FakeBroker create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- time, restart, faults

    /** The clock the broker stamps offsets with. */
    public Clock clock() {
        return engine.clock();
    }

    /**
     * Moves the broker's virtual clock forward, running every task scheduled on it (such as the
     * periodic offset flushes of clients of this broker) at its due time.
     *
     * @throws IllegalStateException if the broker runs on a clock other than a {@link VirtualClock}
     */
    public void advanceClock(Duration duration) {
        engine.advanceClock(duration);
    }

    /** The broker's clock as a {@link VirtualClock}, if that is what it runs on. */
    public VirtualClock virtualClock() {
        return engine.virtualClock();
    }

    /**
     * Restarts the broker: keeps every record and every acknowledged consumer offset (K4) and drops
     * every connection with its streams, as a cluster restart does. Clients reconnect on their next
     * request (M1).
     */
    public void restart() {
        engine.restart();
    }

    /** Closes every client connection without restarting (a network failure, as seen by clients). */
    public void dropConnections() {
        engine.dropConnections();
    }

    /** Errors to answer instead of serving requests. */
    public BrokerFaults faults() {
        return faults;
    }

    /** How many client connections are open. */
    public int openConnections() {
        return engine.openConnections();
    }

    /** The number of SPUs the broker pretends to have (replicas above it cannot be placed). */
    public int spuCount() {
        return engine.spuCount();
    }

    /** Ids of the SPUs: 5001, 5002, … as a local cluster numbers them. */
    public List<Integer> spuIds() {
        return engine.spuIds();
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
     * Creates a topic, validating as the SC does (wire-protocol §3.4.2): the name (L3), then that it
     * does not exist, then the configuration, then that every replica can be placed. With
     * {@code dryRun} it stops after validating.
     *
     * @throws BrokerException TopicInvalidName (2006), TopicAlreadyExists (2002),
     *                         TopicInvalidConfiguration (2004), TopicError (2000) or TopicNotProvisioned (2005),
     *                         with the SC's message
     */
    public TopicInfo createTopic(String name, TopicConfig config, boolean dryRun) {
        return engine.createTopic(name, config, dryRun);
    }

    /** Deletes a user topic (see {@link #deleteTopic(String, boolean)}). */
    public void deleteTopic(String name) {
        deleteTopic(name, false);
    }

    /**
     * Deletes a topic with its partitions, records and consumer offsets (J1). A system topic needs
     * {@code force} (K3). Deleting {@value #CONSUMER_OFFSET_TOPIC} forcibly keeps the stored
     * consumer offsets, as a real 0.18 SPU does (it keeps its in-memory store; the spec expected them
     * gone), and the fake recreates the topic at once (a real SC does at its next check, K2).
     *
     * @throws BrokerException TopicNotFound (2001, message "not found"), or
     *                         SystemSpecDeletionAttempt (12001) for a system topic without force
     */
    public void deleteTopic(String name, boolean force) {
        engine.deleteTopic(name, force);
    }

    /** Every topic, system topics included, ordered by name. */
    public List<TopicInfo> listTopics() {
        return engine.listTopics();
    }

    /** The topic called {@code name}, if it exists. */
    public Optional<TopicInfo> topic(String name) {
        return engine.topic(name);
    }

    /**
     * Drops the records of whole batches that end before {@code beforeOffset}, as segment retention
     * does, moving the partition's log start (A1, B8).
     *
     * @return the new log start
     */
    public long evictRecords(String topic, int partition, long beforeOffset) {
        return engine.evictRecords(topic, partition, beforeOffset);
    }

    // ---------------------------------------------------------------- inspection

    /** Every stored consumer offset, as an unfiltered FetchConsumerOffsets would list them. */
    public List<ConsumerOffsetEntry> consumerOffsets() {
        return engine.consumerOffsets();
    }

    /**
     * Every consumer offset the broker stored through UpdateConsumerOffset, in arrival order, with
     * the time it was stored: the flush messages a client sent, to check when it flushed (C1–C7).
     */
    public List<ConsumerOffsetEntry> consumerOffsetUpdates() {
        return engine.consumerOffsetUpdates();
    }

    /** Closes every connection; the broker accepts no new ones. Its data directory is free for another broker. */
    @Override
    public void close() {
        engine.close();
    }

    /** How a broker is set up. */
    public static final class Builder {
        private Clock clock;
        private int spuCount = 1;
        private long maxBatchBytes = DEFAULT_MAX_BATCH_BYTES;
        private Path dataDirectory;
        private boolean fsync;
        private boolean repair;
        private Consumer<String> journalNotices = Builder::logNotice;

        private Builder() {
        }

        /**
         * Keeps a journal of everything the broker acknowledges in {@code directory}, and replays it
         * when a broker is built on a directory that has one: records and consumer offsets then
         * survive the process itself being killed (K4). Without it the broker lives in memory only.
         *
         * <p>Each entry reaches the operating system before the broker acknowledges it (as Fluvio's
         * SPU writes each batch); with {@link #fsync(boolean)} it reaches the disk too. The directory is
         * locked while the broker runs (until {@link FakeBroker#close()} or the end of the process). A
         * torn last entry, what a crash leaves, is cut with a notice ({@link #journalNotices}); any other
         * damage stops the build, the file untouched, unless {@link #repairDamagedJournal(boolean)}.
         *
         * <p>{@link #build()} then throws {@link DataDirectoryException} for a directory that is a
         * file, cannot be written or is in use by another broker, and {@link JournalDamagedException}
         * for a damaged journal.
         */
        public Builder dataDirectory(Path directory) {
            this.dataDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Forces every journal entry to disk before acknowledging it, so that an operating-system
         * crash or a power loss loses nothing acknowledged either (default off: entries reach the
         * operating system, which survives the process being killed). Costs a disk flush per produce.
         */
        public Builder fsync(boolean everyEntry) {
            this.fsync = everyEntry;
            return this;
        }

        /**
         * When the journal is damaged, keeps a copy of it beside it
         * ({@code fluviokit-journal.log.damaged-<time>}), keeps the entries before the first bad one,
         * drops the rest, and starts; a notice says exactly what was dropped. Off by default: a
         * damaged journal stops the build with {@link JournalDamagedException} and stays as it is.
         */
        public Builder repairDamagedJournal(boolean repair) {
            this.repair = repair;
            return this;
        }

        /**
         * Where the one-line reports of what the start did to the journal go: a torn last entry cut,
         * a repair, a compaction. By default they are logged (System.Logger {@code org.fluviokit.fake}).
         */
        public Builder journalNotices(Consumer<String> notices) {
            this.journalNotices = Objects.requireNonNull(notices, "notices");
            return this;
        }

        private static void logNotice(String notice) {
            System.getLogger("org.fluviokit.fake").log(System.Logger.Level.INFO, notice);
        }

        /**
         * The clock to stamp offsets with. A {@link VirtualClock} (the default, starting now) lets
         * tests advance time; {@code Clock.systemUTC()} makes the broker run in real time.
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How many SPUs the broker pretends to have: the largest replication factor it accepts (default 1). */
        public Builder spuCount(int spus) {
            if (spus < 1) {
                throw new IllegalArgumentException("a cluster needs at least one SPU: " + spus);
            }
            this.spuCount = spus;
            return this;
        }

        /** The largest batch a produce may carry before it is refused with MessageTooLarge (default 1 GiB). */
        public Builder maxBatchBytes(long bytes) {
            if (bytes < BrokerEngine.MIN_BATCH_BYTES) {
                throw new IllegalArgumentException("too small a batch limit: " + bytes);
            }
            this.maxBatchBytes = bytes;
            return this;
        }

        /**
         * @throws DataDirectoryException  if the {@link #dataDirectory data directory} cannot be used
         * @throws JournalDamagedException if its journal is damaged and {@link #repairDamagedJournal repair} is off
         */
        public FakeBroker build() {
            return new FakeBroker(this);
        }
    }
}
