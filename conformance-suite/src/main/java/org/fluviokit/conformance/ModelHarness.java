package org.fluviokit.conformance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.fluviokit.client.ConsumerConfig;
import org.fluviokit.client.ConsumerOffset;
import org.fluviokit.client.ConsumerRecord;
import org.fluviokit.client.ConsumerStream;
import org.fluviokit.client.Durations;
import org.fluviokit.client.Fluvio;
import org.fluviokit.client.FluvioException;
import org.fluviokit.client.Offset;
import org.fluviokit.client.OffsetManagementStrategy;
import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.VirtualClock;

/**
 * Runs a {@link ModelOp.Sequence} on a target through the Java client and on the
 * {@link ReferenceModel}, comparing what each observed after every operation. A difference fails
 * with the operation, both observations, and the sequence written as a scenario file that replays
 * what the model expects (so a person can run it with the scenario runner).
 *
 * <p>On a fake broker the comparison is exact, store times included. In real time (a cluster) the
 * sequences are ones a cluster answers the same way every run ({@link ModelOp#realTimeSequences}):
 * a read waits for the records the model expects, store times are not compared, and stored offsets
 * may take a moment to show (a deleted topic's, REAL-CLUSTER.md #16).
 */
final class ModelHarness {

    /** Where every sequence's virtual clock starts: a whole second, as the scenarios' clocks do. */
    static final Instant START = Instant.ofEpochSecond(1_700_000_000L);

    private final Supplier<ScenarioCluster> clusters;

    ModelHarness(Supplier<ScenarioCluster> clusters) {
        this.clusters = clusters;
    }

    /** On fake brokers the caller builds (e.g. a deliberately wrong one). */
    static ModelHarness onBrokers(Supplier<FakeBroker> brokers) {
        return new ModelHarness(() -> ScenarioCluster.of(brokers.get()));
    }

    /** A broker as the suite uses them: virtual clock from {@link #START}. */
    static FakeBroker newBroker() {
        return FakeBroker.builder().clock(VirtualClock.startingAt(START)).build();
    }

    /** Runs the sequence; throws {@link AssertionError} describing the first difference. */
    void check(ModelOp.Sequence sequence) {
        ReferenceModel model = new ReferenceModel(sequence.partitions(), START.getEpochSecond());
        try (ScenarioCluster cluster = clusters.get()) {
            Target target = new Target(cluster);
            cluster.fluvio().admin().createTopic("t", sequence.partitions());
            List<ModelOp> done = new ArrayList<>();
            for (ModelOp op : sequence.ops()) {
                ModelOp concrete = concrete(op, model);
                done.add(concrete);
                String expected = model.apply(concrete);
                String actual = target.apply(concrete, expected);
                String expectedOffsets = target.comparable(model.storedOffsets());
                String actualOffsets = expected.equals(actual) ? target.storedOffsets(expectedOffsets) : target.storedOffsets();
                if (!(expected + " " + expectedOffsets).equals(actual + " " + actualOffsets)) {
                    throw new AssertionError("after operation " + done.size() + " " + concrete
                            + "\n  model:  " + expected + " " + expectedOffsets + "\n  target: " + actual + " " + actualOffsets
                            + "\nreplay:\n" + scenario(new ModelOp.Sequence(sequence.partitions(), done)));
                }
            }
        }
    }

    /** Whether the sequence shows a difference between the target and the model. */
    boolean fails(ModelOp.Sequence sequence) {
        try {
            check(sequence);
            return false;
        } catch (AssertionError difference) {
            return true;
        }
    }

    /**
     * A smaller sequence that still fails: QuickTheories shrinks the random draws behind a
     * sequence, which rarely removes whole operations; this removes them one by one (and tries a
     * single partition) while the difference stays.
     */
    ModelOp.Sequence minimize(ModelOp.Sequence sequence) {
        if (!fails(sequence)) {
            return sequence;
        }
        ModelOp.Sequence smallest = sequence;
        if (smallest.partitions() > 1 && fails(new ModelOp.Sequence(1, smallest.ops()))) {
            smallest = new ModelOp.Sequence(1, smallest.ops());
        }
        boolean shrunk = true;
        while (shrunk) {
            shrunk = false;
            for (int i = smallest.ops().size() - 1; i >= 0; i--) {
                List<ModelOp> fewer = new ArrayList<>(smallest.ops());
                fewer.remove(i);
                ModelOp.Sequence candidate = new ModelOp.Sequence(smallest.partitions(), fewer);
                if (!fewer.isEmpty() && fails(candidate)) {
                    smallest = candidate;
                    shrunk = true;
                }
            }
        }
        return smallest;
    }

    /** Makes an operation concrete for the current state: partitions that exist, absolute starts within the logs. */
    static ModelOp concrete(ModelOp op, ReferenceModel model) {
        if (op instanceof ModelOp.Produce produce) {
            return new ModelOp.Produce(produce.partition() % model.partitions(), produce.count());
        }
        if (op instanceof ModelOp.DeleteOffset delete) {
            return new ModelOp.DeleteOffset(delete.consumer(), delete.partition() % model.partitions());
        }
        if (op instanceof ModelOp.Open open && open.start().startsWith("absolute ")) {
            long wanted = Long.parseLong(open.start().substring("absolute ".length()));
            return new ModelOp.Open(open.stream(), open.consumer(), "absolute " + Math.min(wanted, model.shortestLog()),
                    open.strategy(), open.flush(), open.snapshot());
        }
        return op;
    }

    /**
     * The sequence as a scenario file (see scenarios/README.md), with the model's expectations, so
     * that replaying it on a target that differs from the model fails at the same place.
     */
    static String scenario(ModelOp.Sequence sequence) {
        ReferenceModel model = new ReferenceModel(sequence.partitions(), START.getEpochSecond());
        List<Map<String, Object>> steps = new ArrayList<>();
        steps.add(step("create-topic", map("name", "t", "partitions", sequence.partitions())));
        String offsets = model.storedOffsets();
        for (ModelOp raw : sequence.ops()) {
            ModelOp op = concrete(raw, model);
            List<Map<String, Object>> rendered = render(op, model);
            String observed = model.apply(op);
            if (op instanceof ModelOp.Read read && !observed.equals("no stream")) {
                List<String> records = parseRecords(observed);
                Map<String, Object> readStep = map("stream", "s" + read.stream(), "count", records.size(),
                        "values", records.stream().map(r -> r.substring(r.indexOf(' ') + 1)).toList(),
                        "in-partitions", records.stream().map(r -> Integer.parseInt(r.substring(0, r.indexOf('@')))).toList());
                rendered = new ArrayList<>(List.of(step("read", readStep)));
                if (records.size() < read.count()) {
                    rendered.add(step("expect-no-records", "s" + read.stream()));
                }
            } else if (observed.startsWith("error ") && !rendered.isEmpty()) {
                rendered.get(rendered.size() - 1).put("expect-error", map("code", observed.substring("error ".length())));
            }
            steps.addAll(rendered);
            if (!model.storedOffsets().equals(offsets)) {
                offsets = model.storedOffsets();
                steps.add(step("expect-offsets", model.storedOffsetEntries()));
            }
        }
        steps.add(step("expect-offsets", model.storedOffsetEntries()));
        return Yaml.document("model sequence of " + sequence.ops().size() + " operations", "properties",
                List.of("model"), steps);
    }

    private static List<Map<String, Object>> render(ModelOp op, ReferenceModel model) {
        List<Map<String, Object>> steps = new ArrayList<>();
        if (op instanceof ModelOp.Produce produce) {
            steps.add(step("produce", map("topic", "t", "partition", produce.partition(),
                    "values", model.nextValues(produce.count()))));
        } else if (op instanceof ModelOp.Open open) {
            if (model.isOpen(open.stream())) {
                steps.add(step("close", "s" + open.stream()));
            }
            Map<String, Object> args = map("stream", "s" + open.stream(), "topic", "t");
            if (open.consumer() != null) {
                args.put("consumer", open.consumer());
            }
            args.putAll(map("start", open.start(), "strategy", open.strategy(), "flush", open.flush(),
                    "disable-continuous", open.snapshot()));
            steps.add(step("open", args));
        } else if (op instanceof ModelOp.Read read) {
            if (model.isOpen(read.stream())) {
                steps.add(step("read", map("stream", "s" + read.stream())));
            }
        } else if (op instanceof ModelOp.Commit commit) {
            if (model.isOpen(commit.stream())) {
                steps.add(step("commit", "s" + commit.stream()));
            }
        } else if (op instanceof ModelOp.Flush flush) {
            if (model.isOpen(flush.stream())) {
                steps.add(step("flush", "s" + flush.stream()));
            }
        } else if (op instanceof ModelOp.Close close) {
            if (model.isOpen(close.stream())) {
                steps.add(step("close", "s" + close.stream()));
            }
        } else if (op instanceof ModelOp.Advance advance) {
            steps.add(step("advance-time", advance.millis() + "ms"));
        } else if (op instanceof ModelOp.Restart) {
            steps.add(step("restart", "cluster"));
        } else if (op instanceof ModelOp.DeleteOffset delete) {
            steps.add(step("delete-consumer-offset", map("consumer", delete.consumer(), "topic", "t",
                    "partition", delete.partition())));
        } else if (op instanceof ModelOp.RecreateTopic) {
            for (int stream = 0; stream < ModelOp.STREAMS; stream++) {
                if (model.isOpen(stream)) {
                    steps.add(step("close", "s" + stream));
                }
            }
            steps.add(step("delete-topic", "t"));
            steps.add(step("create-topic", map("name", "t", "partitions", model.partitions())));
        }
        return steps;
    }

    private static List<String> parseRecords(String observed) {
        String list = observed.substring("read [".length(), observed.length() - 1);
        List<String> records = new ArrayList<>();
        if (!list.isEmpty()) {
            for (String record : list.split(", ")) {
                records.add(record);
            }
        }
        return records;
    }

    private static Map<String, Object> step(String action, Object argument) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put(action, argument);
        return step;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** How long a real-time read watches for a record beyond those the model expects. */
    private static final Duration EXTRA_RECORD_WAIT = Duration.ofMillis(300);

    /** The real side: the operations through the Java client on the target. */
    private static final class Target {
        private final ScenarioCluster cluster;
        private final Fluvio fluvio;
        private final boolean realTime;
        private final Map<Integer, ConsumerStream> streams = new LinkedHashMap<>();
        private int produced;

        Target(ScenarioCluster cluster) {
            this.cluster = cluster;
            this.fluvio = cluster.fluvio();
            this.realTime = !cluster.cluster().hasVirtualClock();
        }

        /** Applies {@code op}; {@code expected} is what the model observed (a read waits for that many records in real time). */
        String apply(ModelOp op, String expected) {
            if (op instanceof ModelOp.Produce produce) {
                for (int i = 0; i < produce.count(); i++) {
                    fluvio.topicProducer("t", produce.partition()).send(null, "v" + produced++).join();
                }
                return "produced";
            }
            if (op instanceof ModelOp.Open open) {
                ConsumerStream previous = streams.remove(open.stream());
                if (previous != null) {
                    previous.close();
                }
                ConsumerConfig.Builder config = ConsumerConfig.builder().topic("t")
                        .offsetStart(Offset.parse(open.start()))
                        .offsetStrategy(OffsetManagementStrategy.parse(open.strategy()))
                        .offsetFlush(Durations.parse(open.flush()))
                        .disableContinuous(open.snapshot());
                if (open.consumer() != null) {
                    config.offsetConsumer(open.consumer());
                }
                streams.put(open.stream(), fluvio.consumerWithConfig(config.build()));
                return "opened";
            }
            if (op instanceof ModelOp.Read read) {
                ConsumerStream stream = streams.get(read.stream());
                if (stream == null) {
                    return "no stream";
                }
                // On a fake what is there is there; over a network the records the model expects may still travel.
                int wanted = realTime ? Math.min(read.count(), recordsIn(expected)) : read.count();
                Duration wait = realTime ? cluster.recordTimeout() : Duration.ZERO;
                List<ConsumerRecord> delivered = new ArrayList<>(stream.next(wanted, wait));
                if (realTime && wanted < read.count()) {
                    // the model expects no more: a record that comes within a moment is one too many
                    stream.next(EXTRA_RECORD_WAIT).ifPresent(delivered::add);
                }
                List<String> records = new ArrayList<>();
                for (ConsumerRecord record : delivered) {
                    records.add(record.partition() + "@" + record.offset() + " " + record.valueAsString());
                }
                return "read " + records;
            }
            if (op instanceof ModelOp.Commit commit) {
                ConsumerStream stream = streams.get(commit.stream());
                return stream == null ? "no stream" : outcome(stream::offsetCommit, "committed");
            }
            if (op instanceof ModelOp.Flush flush) {
                ConsumerStream stream = streams.get(flush.stream());
                return stream == null ? "no stream" : outcome(stream::offsetFlush, "flushed");
            }
            if (op instanceof ModelOp.Close close) {
                ConsumerStream stream = streams.remove(close.stream());
                if (stream != null) {
                    stream.close();
                }
                return "closed";
            }
            if (op instanceof ModelOp.Advance advance) {
                cluster.advanceTime(Duration.ofMillis(advance.millis()));
                return "advanced";
            }
            if (op instanceof ModelOp.Restart) {
                cluster.restart();
                return "restarted";
            }
            if (op instanceof ModelOp.DeleteOffset delete) {
                fluvio.deleteConsumerOffset(delete.consumer(), "t", delete.partition());
                return "deleted";
            }
            if (op instanceof ModelOp.RecreateTopic) {
                for (ConsumerStream stream : streams.values()) {
                    stream.close();
                }
                streams.clear();
                int partitions = fluvio.admin().listTopics().stream().filter(topic -> topic.name().equals("t"))
                        .findFirst().orElseThrow().partitions().size();
                fluvio.admin().deleteTopic("t");
                fluvio.admin().createTopic("t", partitions);
                return "recreated";
            }
            throw new IllegalArgumentException(String.valueOf(op));
        }

        private static int recordsIn(String observed) {
            return observed.startsWith("read [") ? parseRecords(observed).size() : 0;
        }

        private static String outcome(Runnable action, String success) {
            try {
                action.run();
                return success;
            } catch (FluvioException e) {
                return "error " + e.errorCode();
            }
        }

        /** Stored offsets as they can be compared here: without store times in real time. */
        String comparable(String offsets) {
            return realTime ? offsets.replaceAll(" \\(\\+-?\\d+s\\)", "") : offsets;
        }

        String storedOffsets() {
            TreeSet<String> lines = new TreeSet<>();
            for (ConsumerOffset offset : fluvio.consumerOffsets()) {
                lines.add(offset.consumerId() + " " + offset.topic() + "-" + offset.partition() + " at " + offset.offset()
                        + " (+" + (offset.modifiedTime() - START.getEpochSecond()) + "s)");
            }
            return comparable(lines.toString());
        }

        /** The stored offsets, given a moment to become {@code expected} on a cluster (deletions reach the SPU late). */
        String storedOffsets(String expected) {
            String actual = storedOffsets();
            long deadline = System.nanoTime() + cluster.offsetSettleTime().toNanos();
            while (!actual.equals(expected) && System.nanoTime() - deadline < 0) {
                cluster.advanceTime(Duration.ofMillis(100));
                actual = storedOffsets();
            }
            return actual;
        }
    }
}
