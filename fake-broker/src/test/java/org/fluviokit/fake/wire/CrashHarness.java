package org.fluviokit.fake.wire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fluviokit.protocol.ApiKey;
import org.fluviokit.protocol.CodedError;
import org.fluviokit.protocol.record.RecordBatch;
import org.fluviokit.protocol.sc.CreateRequest;
import org.fluviokit.protocol.sc.DeleteRequest;
import org.fluviokit.protocol.sc.Status;
import org.fluviokit.protocol.sc.TopicSpec;
import org.fluviokit.protocol.spu.FetchConsumerOffsetsRequest;
import org.fluviokit.protocol.spu.FetchConsumerOffsetsResponse;
import org.fluviokit.protocol.spu.FetchOffsetsRequest;
import org.fluviokit.protocol.spu.FetchOffsetsResponse;
import org.fluviokit.protocol.spu.ProduceRequest;
import org.fluviokit.protocol.spu.ProduceResponse;
import org.fluviokit.protocol.spu.StreamFetchRequest;
import org.fluviokit.protocol.spu.StreamFetchResponse;
import org.fluviokit.protocol.spu.UpdateConsumerOffsetRequest;
import org.fluviokit.protocol.spu.UpdateConsumerOffsetResponse;

/**
 * Kills the standalone jar with {@code kill -9} at random points while clients produce (pipelined,
 * two partitions) and store consumer offsets (two consumers), restarts it on the same data
 * directory, and checks with a fresh client that every acknowledged record is at its offset, in
 * order and once, and that every stored consumer offset is the last acknowledged one (or the one
 * in flight at the kill). Whatever a restarted broker serves is then taken as acknowledged too:
 * nothing served may disappear later. A few crash points kill the broker while it starts
 * (replaying or compacting its journal) instead.
 *
 * <p>The protocol-level client is deliberate: it never retries, so every acknowledgement and every
 * request in flight at the kill is known exactly.
 */
final class CrashHarness {

    private static final short V = 25;
    private static final int PARTITIONS = 2;
    private static final List<String> CONSUMERS = List.of("c0", "c1");
    private static final Pattern VALUE = Pattern.compile("p(\\d+)-(\\d+)");

    /**
     * @param crashPoints  how many times the broker is killed
     * @param seed         the random choices, for a run that can be repeated
     * @param topicRounds  crash points per topic: then it is deleted and the next one created, which
     *                     also gives the journal deleted records to compact away
     * @param jvmOptions   for the broker's JVM (a low compaction threshold, so that kills hit compactions)
     */
    record Settings(int crashPoints, long seed, int topicRounds, Path dataDir, List<String> jvmOptions) {
    }

    /** What a run found. */
    record Report(int crashPoints, int killsWhileStarting, List<String> violations, List<Long> restartMillis,
                  long recordsAcknowledged, long offsetsAcknowledged, int tornEntriesCut, int unfinishedCompactions,
                  int startupCompactions, long journalBytes) {

        long restartPercentile(double percentile) {
            List<Long> sorted = restartMillis.stream().sorted().toList();
            if (sorted.isEmpty()) {
                return -1;
            }
            return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(percentile / 100 * sorted.size()) - 1));
        }

        String summary() {
            return "crash points " + crashPoints + " (" + killsWhileStarting + " while starting), violations "
                    + violations.size() + ", records acknowledged " + recordsAcknowledged + ", consumer offsets"
                    + " acknowledged " + offsetsAcknowledged + ", torn last entries cut " + tornEntriesCut
                    + ", unfinished compactions removed " + unfinishedCompactions + ", compactions at start "
                    + startupCompactions + ", restart to ready p50 " + restartPercentile(50) + " ms, p99 "
                    + restartPercentile(99) + " ms (" + restartMillis.size() + " restarts), journal " + journalBytes
                    + " bytes";
        }
    }

    private final Settings settings;
    private final Random random;
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<Long> restartMillis = new ArrayList<>();
    private final ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "crash-harness-killer");
        thread.setDaemon(true);
        return thread;
    });

    /** Per partition: the value at each offset the broker acknowledged or served after a restart. */
    private final List<Map<Long, String>> known = new ArrayList<>();
    /** Per partition: the sequence number the next record gets. */
    private final long[] nextSequence = new long[PARTITIONS];
    /** Consumer offsets acknowledged, and those in flight at the kill, by "consumer@partition". */
    private final Map<String, Long> storedOffsets = new ConcurrentHashMap<>();
    private final Map<String, Long> offsetsInFlight = new ConcurrentHashMap<>();
    /** Topics the churn worker created and deleted, by how far it got with each. */
    private final Map<String, Churn> churned = new ConcurrentHashMap<>();
    private final AtomicInteger churnNumber = new AtomicInteger();
    private String topic;
    private int topicNumber;
    private long recordsAcknowledged;
    private final AtomicInteger offsetsAcknowledged = new AtomicInteger();
    private int killsWhileStarting;
    private int tornEntriesCut;
    private int unfinishedCompactions;
    private int startupCompactions;

    CrashHarness(Settings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
    }

    Report run() throws IOException, InterruptedException {
        try {
            StandaloneProcess.Running broker = start();
            nextTopic(broker, null);
            for (int point = 0; point < settings.crashPoints(); point++) {
                if (point > 0 && point % settings.topicRounds() == 0) {
                    nextTopic(broker, topic);
                }
                if (random.nextInt(10) == 0) {
                    killWhileStarting(broker);
                } else {
                    workUntilKilled(broker);
                }
                broker = start();
                verify(broker);
                if (violations.size() > 20) {
                    break;
                }
            }
            broker.kill();
        } finally {
            killer.shutdownNow();
        }
        return new Report(settings.crashPoints(), killsWhileStarting, List.copyOf(violations), List.copyOf(restartMillis),
                recordsAcknowledged, offsetsAcknowledged.get(), tornEntriesCut, unfinishedCompactions, startupCompactions,
                Files.size(settings.dataDir().resolve("fluviokit-journal.log")));
    }

    // ---------------------------------------------------------------- one crash point

    /** Produces and stores offsets on several connections until the broker is killed after a random number of answers. */
    private void workUntilKilled(StandaloneProcess.Running broker) throws InterruptedException {
        int killAfter = random.nextInt(300);
        AtomicInteger answers = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        Runnable kill = () -> {
            // set first: a worker that sees its connection break after this knows why
            killed.set(true);
            broker.process().destroyForcibly();
        };
        Runnable answered = () -> {
            if (answers.incrementAndGet() == killAfter) {
                kill.run();
            }
        };
        if (killAfter == 0) {
            kill.run();
        }
        List<Thread> workers = new ArrayList<>();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            int p = partition;
            int window = 1 + random.nextInt(8);
            long seed = random.nextLong();
            workers.add(worker("producer-" + p, killed, () -> produce(broker, p, window, new Random(seed), answered)));
        }
        for (String consumer : CONSUMERS) {
            workers.add(worker("committer-" + consumer, killed, () -> storeOffsets(broker, consumer, answered)));
        }
        workers.add(worker("churn", killed, () -> churn(broker, answered)));
        workers.forEach(Thread::start);
        if (!broker.process().waitFor(60, TimeUnit.SECONDS)) {
            violations.add("no kill within 60 s: the workers stopped after " + answers.get() + " answers of " + killAfter);
            kill.run();
        } else if (!killed.get()) {
            violations.add("the broker exited by itself (code " + broker.process().exitValue() + "): "
                    + String.join(" | ", broker.output()));
        }
        broker.kill();
        for (Thread worker : workers) {
            worker.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    /** Kills the broker at a random moment of its start: while it replays, cuts or compacts its journal. */
    private void killWhileStarting(StandaloneProcess.Running running) throws IOException, InterruptedException {
        running.kill();
        killsWhileStarting++;
        Process starting = new ProcessBuilder(StandaloneProcess.java(), "-jar", StandaloneProcess.jar().toString(),
                "--data-dir", settings.dataDir().toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        // the JVM alone takes about 200 ms to get there: some kills land before the journal is opened, most while it is read
        killer.schedule(() -> starting.destroyForcibly(), 150 + random.nextInt(250), TimeUnit.MILLISECONDS);
        starting.waitFor();
    }

    private Thread worker(String name, AtomicBoolean killed, Runnable work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException | AssertionError e) {
                if (!killed.get()) {
                    violations.add(name + " failed before the kill: " + e);
                }
                // else: the kill cut it off, as intended
            }
        }, "crash-harness-" + name);
        thread.setDaemon(true);
        return thread;
    }

    /** Pipelined produce requests of 1–8 records, up to {@code window} in flight, as Fluvio's producer sends them. */
    private void produce(StandaloneProcess.Running broker, int partition, int window, Random choices, Runnable answered) {
        try (WireClient spu = WireClient.connect(broker.host(), broker.spuPort())) {
            spu.apiVersions();
            record Sent(int id, List<String> values) {
            }
            java.util.ArrayDeque<Sent> inFlight = new java.util.ArrayDeque<>();
            while (true) {
                while (inFlight.size() < window) {
                    List<String> values = new ArrayList<>();
                    int count = 1 + choices.nextInt(8);
                    for (int i = 0; i < count; i++) {
                        values.add("p" + partition + "-" + nextSequence(partition));
                    }
                    RecordBatch batch = SpuApiTest.batch(values.toArray(String[]::new));
                    inFlight.add(new Sent(spu.send(ApiKey.Spu.PRODUCE, V, ProduceRequest.of(topic, partition, batch)), values));
                }
                Sent oldest = inFlight.poll();
                ProduceResponse.PartitionProduceResponse answer = spu.read(oldest.id(), V, ProduceResponse::decode)
                        .responses().get(0).partitions().get(0);
                if (!answer.errorCode().equals(CodedError.NONE)) {
                    violations.add("produce to " + topic + "-" + partition + " refused: " + answer.errorCode());
                    return;
                }
                acknowledged(partition, answer.baseOffset(), oldest.values());
                answered.run();
            }
        }
    }

    /** UpdateConsumerOffset, one at a time, with rising offsets, on a stream of each partition. */
    private void storeOffsets(StandaloneProcess.Running broker, String consumer, Runnable answered) {
        try (WireClient spu = WireClient.connect(broker.host(), broker.spuPort())) {
            spu.apiVersions();
            int[] sessions = new int[PARTITIONS];
            for (int partition = 0; partition < PARTITIONS; partition++) {
                // Streams are numbered per connection from 1; a stream's first frame is never read, which is fine.
                spu.send(ApiKey.Spu.STREAM_FETCH, V, StreamFetchRequest.of(topic, partition, 0).withConsumerId(consumer));
                sessions[partition] = partition + 1;
            }
            for (long round = 0; ; round++) {
                int partition = (int) (round % PARTITIONS);
                String key = consumer + "@" + topic + "-" + partition;
                long offset = storedOffsets.getOrDefault(key, -1L) + 1;
                offsetsInFlight.put(key, offset);
                int id = spu.send(ApiKey.Spu.UPDATE_CONSUMER_OFFSET, V, new UpdateConsumerOffsetRequest(offset, sessions[partition]));
                UpdateConsumerOffsetResponse answer = spu.read(id, V, UpdateConsumerOffsetResponse::decode);
                if (!answer.errorCode().equals(CodedError.NONE)) {
                    violations.add("consumer offset " + key + " = " + offset + " refused: " + answer.errorCode());
                    return;
                }
                storedOffsets.put(key, offset);
                offsetsInFlight.remove(key);
                offsetsAcknowledged.incrementAndGet();
                answered.run();
            }
        }
    }

    /**
     * Creates a topic, fills it with 256 KiB and deletes it, again and again: each deletion leaves
     * the journal mostly garbage, so the broker compacts it while the other workers go on, and some
     * kills land in a compaction.
     */
    private void churn(StandaloneProcess.Running broker, Runnable answered) {
        try (WireClient sc = WireClient.connect(broker.host(), broker.scPort());
             WireClient spu = WireClient.connect(broker.host(), broker.spuPort())) {
            sc.apiVersions();
            spu.apiVersions();
            String[] values = new String[16];
            Arrays.fill(values, "x".repeat(16 * 1024));
            RecordBatch batch = SpuApiTest.batch(values);
            while (true) {
                String name = "churn-" + churnNumber.getAndIncrement();
                churned.put(name, Churn.CREATING);
                int create = sc.send(ApiKey.Sc.CREATE, (short) 19, CreateRequest.topic(name, TopicSpec.computed(1, 1)));
                if (!sc.read(create, (short) 19, Status::decode).equals(Status.ok(name))) {
                    violations.add("creating " + name + " refused");
                    return;
                }
                churned.put(name, Churn.CREATED);
                answered.run();
                int produce = spu.send(ApiKey.Spu.PRODUCE, V, ProduceRequest.of(name, 0, batch));
                if (!spu.read(produce, V, ProduceResponse::decode).responses().get(0).partitions().get(0).errorCode()
                        .equals(CodedError.NONE)) {
                    violations.add("producing to " + name + " refused");
                    return;
                }
                churned.put(name, Churn.FILLED);
                answered.run();
                churned.put(name, Churn.DELETING);
                int delete = sc.send(ApiKey.Sc.DELETE, (short) 19, DeleteRequest.topic(name));
                if (!sc.read(delete, (short) 19, Status::decode).equals(Status.ok(name))) {
                    violations.add("deleting " + name + " refused");
                    return;
                }
                churned.put(name, Churn.DELETED);
                answered.run();
            }
        }
    }

    private enum Churn { CREATING, CREATED, FILLED, DELETING, DELETED }

    private synchronized long nextSequence(int partition) {
        return nextSequence[partition]++;
    }

    private synchronized void acknowledged(int partition, long baseOffset, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            String earlier = known.get(partition).put(baseOffset + i, values.get(i));
            if (earlier != null && !earlier.equals(values.get(i))) {
                violations.add(topic + "-" + partition + " acknowledged " + values.get(i) + " at offset " + (baseOffset + i)
                        + ", where " + earlier + " was acknowledged before");
            }
        }
        recordsAcknowledged += values.size();
    }

    // ---------------------------------------------------------------- after each restart

    private StandaloneProcess.Running start() throws IOException, InterruptedException {
        StandaloneProcess.Running broker = StandaloneProcess.start(settings.jvmOptions(),
                "--data-dir", settings.dataDir().toString());
        restartMillis.add(TimeUnit.NANOSECONDS.toMillis(broker.readyNanos()));
        for (String line : broker.linesBeforeReady()) {
            if (line.startsWith("cut a torn last entry")) {
                tornEntriesCut++;
            } else if (line.startsWith("removed ") && line.contains("compaction the broker did not finish")) {
                unfinishedCompactions++;
            } else if (line.startsWith("compacted ")) {
                startupCompactions++;
            } else if (line.startsWith("repaired ") || line.contains("damaged")) {
                violations.add("the start reported damage: " + line);
            }
        }
        return broker;
    }

    /** Every acknowledged record at its offset, once, in order; every acknowledged offset stored. */
    private void verify(StandaloneProcess.Running broker) {
        try (WireClient spu = WireClient.connect(broker.host(), broker.spuPort())) {
            spu.apiVersions();
            for (int partition = 0; partition < PARTITIONS; partition++) {
                verifyRecords(spu, partition);
            }
            verifyOffsets(spu);
            verifyChurnedTopics(broker, spu);
        }
    }

    /** An acknowledged deletion stays deleted, an acknowledged topic and its records stay; then the leftovers go. */
    private void verifyChurnedTopics(StandaloneProcess.Running broker, WireClient spu) {
        List<String> leftovers = new ArrayList<>();
        for (Map.Entry<String, Churn> entry : churned.entrySet()) {
            String name = entry.getKey();
            int id = spu.send(ApiKey.Spu.FETCH_OFFSETS, V, FetchOffsetsRequest.of(name, 0));
            var partition = spu.read(id, V, FetchOffsetsResponse::decode).topics().get(0).partitions().get(0);
            boolean exists = partition.errorCode().equals(CodedError.NONE);
            switch (entry.getValue()) {
                case DELETED -> {
                    if (exists) {
                        violations.add("topic " + name + " is back after its deletion was acknowledged");
                    }
                }
                case CREATED -> {
                    if (!exists) {
                        violations.add("topic " + name + " is gone, its creation was acknowledged");
                    }
                }
                case FILLED -> {
                    if (!exists || partition.lastStableOffset() != 16) {
                        violations.add("topic " + name + " lost its acknowledged records: " + partition);
                    }
                }
                default -> {
                    // in flight at the kill: either way
                }
            }
            if (exists) {
                leftovers.add(name);
            }
        }
        churned.clear();
        try (WireClient sc = WireClient.connect(broker.host(), broker.scPort())) {
            sc.apiVersions();
            for (String name : leftovers) {
                int delete = sc.send(ApiKey.Sc.DELETE, (short) 19, DeleteRequest.topic(name));
                sc.read(delete, (short) 19, Status::decode);
                churned.put(name, Churn.DELETED);
            }
        }
    }

    private void verifyRecords(WireClient spu, int partition) {
        String where = topic + "-" + partition;
        int offsets = spu.send(ApiKey.Spu.FETCH_OFFSETS, V, FetchOffsetsRequest.of(topic, partition));
        long highWatermark = spu.read(offsets, V, FetchOffsetsResponse::decode).topics().get(0).partitions().get(0)
                .lastStableOffset();
        List<String> log = new ArrayList<>();
        if (highWatermark > 0) {
            int stream = spu.send(ApiKey.Spu.STREAM_FETCH, V, StreamFetchRequest.of(topic, partition, 0));
            while (log.size() < highWatermark) {
                StreamFetchResponse frame = spu.readStream(stream, V);
                for (RecordBatch batch : frame.partition().records().batches()) {
                    for (var record : batch.records()) {
                        log.add(new String(record.value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        Map<Long, String> expected = known.get(partition);
        for (Map.Entry<Long, String> entry : expected.entrySet()) {
            long offset = entry.getKey();
            if (offset >= log.size()) {
                violations.add(where + ": acknowledged " + entry.getValue() + " at offset " + offset + " is lost (high"
                        + " watermark " + highWatermark + ")");
            } else if (!log.get((int) offset).equals(entry.getValue())) {
                violations.add(where + ": offset " + offset + " holds " + log.get((int) offset) + ", acknowledged as "
                        + entry.getValue());
            }
        }
        Set<String> seen = new HashSet<>();
        long previous = -1;
        for (int offset = 0; offset < log.size(); offset++) {
            String value = log.get(offset);
            Matcher matcher = VALUE.matcher(value);
            if (!seen.add(value)) {
                violations.add(where + ": " + value + " twice (again at offset " + offset + ")");
            }
            if (!matcher.matches() || Integer.parseInt(matcher.group(1)) != partition
                    || Long.parseLong(matcher.group(2)) >= nextSequence[partition]) {
                violations.add(where + ": offset " + offset + " holds " + value + ", which was never sent there");
                continue;
            }
            long sequence = Long.parseLong(matcher.group(2));
            if (sequence <= previous) {
                violations.add(where + ": " + value + " at offset " + offset + " after p" + partition + "-" + previous);
            }
            previous = sequence;
            // served after a restart: as good as acknowledged from now on
            expected.put((long) offset, value);
        }
    }

    private void verifyOffsets(WireClient spu) {
        int id = spu.send(ApiKey.Spu.FETCH_CONSUMER_OFFSETS, V, FetchConsumerOffsetsRequest.ALL);
        Map<String, Long> stored = new HashMap<>();
        for (FetchConsumerOffsetsResponse.ConsumerOffset entry : spu.read(id, V, FetchConsumerOffsetsResponse::decode).consumers()) {
            stored.put(entry.consumerId() + "@" + entry.replicaId().topic() + "-" + entry.replicaId().partition(), entry.offset());
        }
        Set<String> keys = new HashSet<>(storedOffsets.keySet());
        keys.addAll(offsetsInFlight.keySet());
        keys.addAll(stored.keySet());
        for (String key : keys) {
            Long acknowledged = storedOffsets.get(key);
            Long inFlight = offsetsInFlight.get(key);
            Long now = stored.get(key);
            boolean fine = now == null ? acknowledged == null : now.equals(acknowledged) || now.equals(inFlight);
            if (!fine) {
                violations.add("consumer offset " + key + " is " + now + ", acknowledged " + acknowledged
                        + (inFlight != null ? " (" + inFlight + " in flight at the kill)" : ""));
            }
        }
        storedOffsets.clear();
        storedOffsets.putAll(stored);
        offsetsInFlight.clear();
    }

    /** Deletes the topic in use (its records and offsets with it) and creates the next. */
    private void nextTopic(StandaloneProcess.Running broker, String previous) {
        String next = "crash-" + topicNumber++;
        try (WireClient sc = WireClient.connect(broker.host(), broker.scPort())) {
            sc.apiVersions();
            if (previous != null) {
                int delete = sc.send(ApiKey.Sc.DELETE, (short) 19, DeleteRequest.topic(previous));
                Status status = sc.read(delete, (short) 19, Status::decode);
                if (!status.equals(Status.ok(previous))) {
                    violations.add("deleting " + previous + ": " + status);
                }
            }
            int create = sc.send(ApiKey.Sc.CREATE, (short) 19, CreateRequest.topic(next, TopicSpec.computed(PARTITIONS, 1)));
            Status status = sc.read(create, (short) 19, Status::decode);
            if (!status.equals(Status.ok(next))) {
                violations.add("creating " + next + ": " + status);
            }
        }
        topic = next;
        known.clear();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            known.add(new HashMap<>());
        }
        Arrays.fill(nextSequence, 0);
        // the deleted topic's offsets went with it (J1): none may come back
        storedOffsets.clear();
        offsetsInFlight.clear();
    }
}
