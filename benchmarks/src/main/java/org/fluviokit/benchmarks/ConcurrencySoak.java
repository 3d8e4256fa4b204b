package org.fluviokit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.fluviokit.client.ConsumerConfig;
import org.fluviokit.client.ConsumerRecord;
import org.fluviokit.client.ConsumerStream;
import org.fluviokit.client.Fluvio;
import org.fluviokit.client.FluvioTarget;
import org.fluviokit.client.Offset;
import org.fluviokit.client.OffsetManagementStrategy;
import org.fluviokit.client.RecordMetadata;
import org.fluviokit.client.TopicProducer;
import org.fluviokit.fake.ConsumerOffsetEntry;
import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.internal.BrokerConnection;
import org.fluviokit.fake.internal.BrokerEngine;
import org.fluviokit.fake.internal.FetchResult;
import org.fluviokit.fake.internal.StoredBatch;
import org.fluviokit.fake.wire.WireServer;

/**
 * Many producers and named consumers at once through the wire server, with a restart of the broker
 * on its data directory in the middle: fluviokit's Java client over Fluvio's protocol, the broker on
 * the real clock with a journal.
 *
 * <p>Producers send keyless records (they take turns over the partitions), keep up to 256 unanswered,
 * and send again every record whose send failed (at least once: a record whose answer was lost in
 * the restart may be stored twice, and every such duplicate must be one of those re-sent). Consumer
 * {@code i} reads partition {@code i} under its own consumer id, MANUAL (commit and flush about
 * twenty times per partition) or AUTO (flush every second) in turn; after the restart each starts
 * over, as an application restarted with the broker would, and resumes after its stored offset.
 * Checked: no record lost, every acknowledged record at the offset its answer gave, no duplicate but
 * of a re-sent record, every consumer offset and record the old broker had found on the new one,
 * every consumer resumed after its stored offset and before any gap, every partition delivered whole
 * to its consumer, and every consumer's final stored offset at its partition's end.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.fluviokit.benchmarks.ConcurrencySoak [RECORDS [PRODUCERS [CONSUMERS]]]
 * </pre>
 */
public final class ConcurrencySoak {

    private static final String TOPIC = "soak";
    private static final int WINDOW = 256;

    /** How many records, producers and consumers (one partition per consumer). */
    public record Settings(int records, int producers, int consumers) {
    }

    /** What a run did and found; {@link #violations()} empty when every check held. */
    public record Result(long records, Duration elapsed, Duration restart, long resent, long duplicates,
                         long redelivered, long lost, long offsetsStoredAtRestart, long streamsOpenedAgain,
                         List<String> violations) {

        public String summary() {
            return records + " records produced and consumed in " + elapsed.toMillis() + " ms ("
                    + Math.round(records * 1000.0 / Math.max(1, elapsed.toMillis())) + " records/s each way), restart "
                    + restart.toMillis() + " ms; lost " + lost + ", re-sent after a failed send " + resent
                    + ", duplicates in the log " + duplicates + " (all of them re-sent records), delivered again after"
                    + " the restart " + redelivered + ", consumer offsets stored at the restart " + offsetsStoredAtRestart
                    + " (all kept), streams opened again after a failed attempt " + streamsOpenedAgain + "; violations "
                    + violations.size();
        }
    }

    private final Settings settings;
    private final Path dataDir;
    private final List<String> violations = new CopyOnWriteArrayList<>();
    /** value -> where its (last) acknowledgement said it is */
    private final Map<String, RecordMetadata> acknowledged = new ConcurrentHashMap<>();
    private final Set<String> resentValues = ConcurrentHashMap.newKeySet();
    private final AtomicLong acknowledgedCount = new AtomicLong();
    private final AtomicLong reopened = new AtomicLong();
    private final CountDownLatch halfway = new CountDownLatch(1);
    private final CountDownLatch restarted = new CountDownLatch(1);
    private volatile boolean producersDone;
    private volatile long[] finalHighWatermarks;
    /** The consumer offsets stored when the broker restarted; null until then. */
    private volatile Map<String, Long> storedAtRestart;
    private FakeBroker broker;
    private WireServer server;

    private ConcurrencySoak(Settings settings, Path dataDir) {
        this.settings = settings;
        this.dataDir = dataDir;
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int producers = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int consumers = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        Result result = run(new Settings(records, producers, consumers));
        System.out.println("soak: " + settings(records, producers, consumers) + ": " + result.summary());
        result.violations().forEach(violation -> System.out.println("VIOLATION " + violation));
        System.exit(result.violations().isEmpty() ? 0 : 1);
    }

    private static String settings(int records, int producers, int consumers) {
        return producers + " producers, " + consumers + " consumers (MANUAL and AUTO in turn), " + records + " records";
    }

    /** Runs a soak in a temporary data directory, deleted afterwards. */
    public static Result run(Settings settings) throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("fluviokit-soak-");
        try {
            return new ConcurrencySoak(settings, dataDir).run();
        } finally {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    private Result run() throws InterruptedException {
        broker = openBroker();
        server = WireServer.start(broker);
        broker.createTopic(TOPIC, settings.consumers());
        String endpoint = server.scEndpoint();
        long started = System.nanoTime();

        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < settings.producers(); p++) {
            int producer = p;
            int share = settings.records() / settings.producers() + (p < settings.records() % settings.producers() ? 1 : 0);
            producers.add(thread("producer-" + p, () -> produce(endpoint, producer, share)));
        }
        List<Consumed> consumed = new ArrayList<>();
        List<Thread> consumers = new ArrayList<>();
        for (int c = 0; c < settings.consumers(); c++) {
            Consumed delivered = new Consumed(c, c % 2 == 0 ? OffsetManagementStrategy.MANUAL : OffsetManagementStrategy.AUTO);
            consumed.add(delivered);
            consumers.add(thread("consumer-" + c, () -> consume(endpoint, delivered)));
        }
        producers.forEach(Thread::start);
        consumers.forEach(Thread::start);

        if (!halfway.await(10, TimeUnit.MINUTES)) {
            violations.add("half the records were not acknowledged within 10 minutes");
        }
        long restartStarted = System.nanoTime();
        Map<String, Long> storedBefore = restart();
        Duration restart = Duration.ofNanos(System.nanoTime() - restartStarted);
        storedAtRestart = storedBefore;
        restarted.countDown();

        for (Thread producer : producers) {
            producer.join();
        }
        long[] highWatermarks = new long[settings.consumers()];
        for (int partition = 0; partition < highWatermarks.length; partition++) {
            highWatermarks[partition] = broker.topic(TOPIC).orElseThrow().partitions().get(partition).highWatermark();
        }
        finalHighWatermarks = highWatermarks;
        producersDone = true;
        for (Thread consumer : consumers) {
            consumer.join();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        Map<String, List<Long>> log = readLog(highWatermarks);
        long lost = checkLog(log);
        long duplicates = log.values().stream().filter(offsets -> offsets.size() > 1).mapToLong(offsets -> offsets.size() - 1).sum();
        long redelivered = checkDeliveries(consumed, highWatermarks);
        checkFinalOffsets(highWatermarks);
        server.close();
        broker.close();
        return new Result(acknowledgedCount.get(), elapsed, restart, resentValues.size(), duplicates, redelivered, lost,
                storedBefore.size(), reopened.get(), List.copyOf(violations));
    }

    private FakeBroker openBroker() {
        return FakeBroker.builder().dataDirectory(dataDir).clock(Clock.systemUTC()).journalNotices(notice -> { }).build();
    }

    /**
     * Closes the server and the broker as a stopping process would, opens a new broker on the same
     * directory and serves it on the same ports; returns the consumer offsets the old broker had
     * stored, after checking that the new one has every one of them (and every record).
     */
    private Map<String, Long> restart() {
        int scPort = server.scPort();
        int spuPort = server.spuPort(FakeBroker.DEFAULT_SPU_ID);
        server.close();
        // Once closed, no change is half done: what the old broker holds in memory is what it journaled.
        broker.close();
        Map<String, Long> storedBefore = offsets(broker);
        List<Long> highWatermarksBefore = highWatermarks(broker);
        broker = openBroker();
        server = WireServer.builder(broker).scPort(scPort).spuPort(spuPort).start();
        Map<String, Long> storedAfter = offsets(broker);
        if (!storedAfter.equals(storedBefore)) {
            violations.add("consumer offsets stored before the restart " + storedBefore + ", after " + storedAfter);
        }
        if (!highWatermarks(broker).equals(highWatermarksBefore)) {
            violations.add("high watermarks before the restart " + highWatermarksBefore + ", after " + highWatermarks(broker));
        }
        return storedBefore;
    }

    private static Map<String, Long> offsets(FakeBroker broker) {
        Map<String, Long> offsets = new HashMap<>();
        for (ConsumerOffsetEntry entry : broker.consumerOffsets()) {
            offsets.put(entry.consumerId() + "@" + entry.partition(), entry.offset());
        }
        return offsets;
    }

    private static List<Long> highWatermarks(FakeBroker broker) {
        return broker.topic(TOPIC).orElseThrow().partitions().stream().map(p -> p.highWatermark()).toList();
    }

    // ---------------------------------------------------------------- producers

    private void produce(String endpoint, int producer, int count) {
        try (Fluvio fluvio = Fluvio.connect(FluvioTarget.cluster(endpoint)); TopicProducer topic = fluvio.topicProducer(TOPIC)) {
            record Sent(String value, CompletableFuture<RecordMetadata> answer) {
            }
            ArrayDeque<Sent> unanswered = new ArrayDeque<>();
            ArrayDeque<String> toSend = new ArrayDeque<>();
            int failuresAfterRestart = 0;
            for (int sequence = 0; sequence < count; sequence++) {
                toSend.add("p" + producer + "-" + sequence);
            }
            while (!toSend.isEmpty() || !unanswered.isEmpty()) {
                while (!toSend.isEmpty() && unanswered.size() < WINDOW) {
                    String value = toSend.poll();
                    unanswered.add(new Sent(value, topic.send(null, value)));
                }
                Sent oldest = unanswered.poll();
                try {
                    RecordMetadata where = oldest.answer().get(2, TimeUnit.MINUTES);
                    acknowledged.put(oldest.value(), where);
                    if (acknowledgedCount.incrementAndGet() * 2 >= settings.records()) {
                        halfway.countDown();
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    // At least once: the broker may have stored it before the connection broke. Sends
                    // fail only while the broker restarts, so the next one waits until it is back.
                    if (!resentValues.add(oldest.value()) && restarted.getCount() == 0 && ++failuresAfterRestart > 1_000) {
                        violations.add("producer " + producer + ": sends still fail long after the restart: " + e.getCause());
                        return;
                    }
                    restarted.await();
                    toSend.addFirst(oldest.value());
                } catch (java.util.concurrent.TimeoutException e) {
                    violations.add("producer " + producer + ": no answer for " + oldest.value() + " within 2 minutes");
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- consumers

    /** What one consumer was handed: offset -> how many times. */
    private static final class Consumed {
        final int partition;
        final OffsetManagementStrategy strategy;
        final Map<Long, Integer> deliveries = new HashMap<>();

        Consumed(int partition, OffsetManagementStrategy strategy) {
            this.partition = partition;
            this.strategy = strategy;
        }

        String consumerId() {
            return "soak-" + strategy.name().toLowerCase() + "-" + partition;
        }
    }

    /**
     * Reads the consumer's partition to its end. Once the broker has restarted, the consumer starts
     * over too, as an application on the same machine would: a new stream resumes after the offset
     * the broker stored, so it may be handed again what it had not flushed, but never misses one.
     */
    private void consume(String endpoint, Consumed consumed) {
        ConsumerConfig config = ConsumerConfig.builder().topic(TOPIC).partition(consumed.partition)
                .offsetStart(Offset.beginning()).offsetConsumer(consumed.consumerId()).offsetStrategy(consumed.strategy)
                .offsetFlush(Duration.ofSeconds(1)).build();
        try (Fluvio fluvio = Fluvio.connect(FluvioTarget.cluster(endpoint))) {
            ConsumerStream stream = open(fluvio, config);
            boolean startedOver = false;
            boolean flushDue = false;
            long last = -1;
            long storedThen = -1;
            long lastBeforeRestart = -1;
            boolean checkResume = false;
            int sinceFlush = 0;
            try {
                // Every consumer starts over once, even one that had read everything: what it flushed
                // through the broken connection may never have arrived (C8), and the new stream reads
                // it again from the stored offset.
                while (!producersDone || !startedOver || last < finalHighWatermarks[consumed.partition] - 1) {
                    if (storedAtRestart != null && !startedOver) {
                        // Dropped without a flush, as a crash drops it.
                        stream.close();
                        stream = open(fluvio, config);
                        startedOver = true;
                        storedThen = storedAtRestart.getOrDefault(consumed.consumerId() + "@" + consumed.partition, -1L);
                        lastBeforeRestart = last;
                        checkResume = true;
                        // the new stream goes on after the stored offset (B2)
                        last = storedThen;
                        continue;
                    }
                    Optional<ConsumerRecord> record = next(stream, consumed);
                    if (record.isEmpty()) {
                        continue;
                    }
                    if (checkResume) {
                        checkResume = false;
                        long resumed = record.get().offset();
                        // after what the broker had stored at the restart (flushes since may have moved it on), never after a gap
                        if (resumed < storedThen + 1 || resumed > lastBeforeRestart + 1) {
                            violations.add(consumed.consumerId() + " resumed at " + resumed + " after the restart; its"
                                    + " stored offset was " + storedThen + " and it had been handed up to " + lastBeforeRestart);
                        }
                    }
                    last = record.get().offset();
                    if (consumed.strategy == OffsetManagementStrategy.MANUAL && (++sinceFlush >= manualFlushEvery() || flushDue)) {
                        sinceFlush = 0;
                        flushDue = !flushed(stream, consumed);
                    }
                }
                // the close's own flush is sent without waiting (C6): an explicit one waits for the answer
                for (int attempt = 1; !flushed(stream, consumed); attempt++) {
                    if (attempt == 50) {
                        violations.add(consumed.consumerId() + ": the last offset flush failed 50 times");
                        break;
                    }
                    // a failed flush means a broken connection: reading reconnects the stream
                    next(stream, consumed);
                }
            } finally {
                stream.close();
            }
        } catch (RuntimeException e) {
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(trace));
            violations.add(consumed.consumerId() + " failed: " + trace);
        }
    }

    /**
     * Opens the stream, again when the broker's restart broke the attempt (the broker is away, or
     * the first request on a connection it just closed fails: the client learns of the close from
     * it, as Fluvio's does), as an application opens its consumer again.
     */
    private ConsumerStream open(Fluvio fluvio, ConsumerConfig config) {
        for (int attempt = 1; ; attempt++) {
            try {
                return fluvio.consumerWithConfig(config);
            } catch (RuntimeException e) {
                if (attempt == 20) {
                    throw e;
                }
                reopened.incrementAndGet();
                try {
                    // the broker is away until the restart is over
                    restarted.await();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** About twenty flushes per partition, at least 50 records apart. */
    private int manualFlushEvery() {
        return Math.max(50, settings.records() / settings.consumers() / 20);
    }

    private static Optional<ConsumerRecord> next(ConsumerStream stream, Consumed consumed) {
        Optional<ConsumerRecord> record = stream.next(Duration.ofMillis(100));
        record.ifPresent(r -> consumed.deliveries.merge(r.offset(), 1, Integer::sum));
        return record;
    }

    /** Commits (under MANUAL) and flushes; false when the flush failed, as it does while the broker restarts. */
    private static boolean flushed(ConsumerStream stream, Consumed consumed) {
        try {
            if (consumed.strategy == OffsetManagementStrategy.MANUAL) {
                stream.offsetCommit();
            }
            stream.offsetFlush();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- checks

    /** Every record, by value, with the offsets it is stored at. */
    private Map<String, List<Long>> readLog(long[] highWatermarks) {
        Map<String, List<Long>> log = new HashMap<>();
        try (BrokerConnection connection = BrokerEngine.of(broker).connect()) {
            for (int partition = 0; partition < highWatermarks.length; partition++) {
                FetchResult read = connection.openStream(TOPIC, partition, 0, Integer.MAX_VALUE, null).poll();
                long count = 0;
                for (StoredBatch batch : read.batches()) {
                    for (int i = 0; i < batch.recordCount(); i++) {
                        log.computeIfAbsent(new String(batch.value(i), java.nio.charset.StandardCharsets.UTF_8),
                                value -> new ArrayList<>()).add(partition * (1L << 40) + batch.offset(i));
                        count++;
                    }
                }
                if (count != highWatermarks[partition]) {
                    violations.add("partition " + partition + ": read " + count + " records below high watermark "
                            + highWatermarks[partition]);
                }
            }
        }
        return log;
    }

    /** Returns how many records were lost; adds a violation for each inconsistency. */
    private long checkLog(Map<String, List<Long>> log) {
        long lost = 0;
        for (int p = 0; p < settings.producers(); p++) {
            int share = settings.records() / settings.producers() + (p < settings.records() % settings.producers() ? 1 : 0);
            for (int sequence = 0; sequence < share; sequence++) {
                String value = "p" + p + "-" + sequence;
                List<Long> stored = log.get(value);
                RecordMetadata where = acknowledged.get(value);
                if (stored == null) {
                    lost++;
                    violations.add(value + " is lost" + (where != null ? " (acknowledged at " + where + ")" : ""));
                    continue;
                }
                if (where == null) {
                    violations.add(value + " was never acknowledged");
                } else if (!stored.contains(where.partition() * (1L << 40) + where.offset())) {
                    violations.add(value + " is not where its acknowledgement said: " + where);
                }
                if (stored.size() > 1 && !resentValues.contains(value)) {
                    violations.add(value + " is stored " + stored.size() + " times but was sent once");
                }
            }
        }
        return lost;
    }

    /** Returns how many deliveries were repeats; adds a violation for a partition not delivered whole. */
    private long checkDeliveries(List<Consumed> consumed, long[] highWatermarks) {
        long redelivered = 0;
        for (Consumed consumer : consumed) {
            for (long offset = 0; offset < highWatermarks[consumer.partition]; offset++) {
                int times = consumer.deliveries.getOrDefault(offset, 0);
                if (times == 0) {
                    violations.add(consumer.consumerId() + " never got offset " + offset);
                    break;
                }
                redelivered += times - 1;
            }
        }
        return redelivered;
    }

    private void checkFinalOffsets(long[] highWatermarks) {
        Map<String, Long> stored = new HashMap<>();
        for (ConsumerOffsetEntry entry : broker.consumerOffsets()) {
            stored.put(entry.consumerId(), entry.offset());
        }
        Set<String> expected = new HashSet<>();
        for (int partition = 0; partition < highWatermarks.length; partition++) {
            String id = "soak-" + (partition % 2 == 0 ? "manual" : "auto") + "-" + partition;
            expected.add(id);
            Long offset = stored.get(id);
            if (offset == null || offset != highWatermarks[partition] - 1) {
                violations.add(id + " stored " + offset + " at the end, its partition ends at " + (highWatermarks[partition] - 1)
                       );
            }
        }
        if (!stored.keySet().equals(expected)) {
            violations.add("stored consumer offsets of " + stored.keySet() + ", expected " + expected);
        }
    }

    private Thread thread(String name, Runnable work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException | Error e) {
                violations.add(name + " failed: " + e);
            }
        }, "soak-" + name);
        thread.setDaemon(true);
        return thread;
    }
}
