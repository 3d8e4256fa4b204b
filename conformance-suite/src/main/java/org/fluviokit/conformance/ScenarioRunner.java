package org.fluviokit.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.qameta.allure.Allure;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.fluviokit.client.ConsumerConfig;
import org.fluviokit.client.ConsumerOffset;
import org.fluviokit.client.ConsumerRecord;
import org.fluviokit.client.ConsumerStream;
import org.fluviokit.client.Durations;
import org.fluviokit.client.FluvioException;
import org.fluviokit.client.Offset;
import org.fluviokit.client.OffsetManagementStrategy;
import org.fluviokit.client.TopicProducer;
import org.fluviokit.client.TopicSpec;
import org.fluviokit.fake.BrokerApi;
import org.fluviokit.fake.FakeBroker;
import org.fluviokit.protocol.ErrorCode;
import org.opentest4j.TestAbortedException;

/**
 * Runs one {@link Scenario} on a {@link ScenarioCluster}: each step in order, each an Allure step.
 * A step that does not do what the scenario says fails the scenario with a {@link ScenarioFailure}
 * naming the file, the line, the step, what was expected and what happened. A scenario needing
 * what the target cannot do is skipped ({@link TestAbortedException}) with the reason.
 */
final class ScenarioRunner {

    /** The step vocabulary (documented in scenarios/README.md). */
    static final Set<String> ACTIONS = Set.of("create-topic", "delete-topic", "produce", "open", "read", "read-all",
            "expect-no-records", "commit", "flush", "close", "consume", "advance-time", "align-to-second", "restart",
            "expect-offsets", "expect-offsets-now", "read-counting-flushes", "delete-consumer-offset", "fail-next",
            "evict");

    private static final String DEFAULT_STREAM = "s";

    private final Scenario scenario;
    private final ScenarioCluster target;
    private final Map<String, ConsumerStream> streams = new HashMap<>();
    /** The System.nanoTime() instant the last align-to-second aimed at. */
    private long alignedAt;

    private ScenarioRunner(Scenario scenario, ScenarioCluster target) {
        this.scenario = scenario;
        this.target = target;
    }

    /** Runs the scenario; returns normally when it holds. */
    static void run(Scenario scenario, ScenarioCluster target) {
        for (String capability : scenario.requires()) {
            target.missing(capability).ifPresent(reason -> {
                throw new TestAbortedException(reason);
            });
        }
        new ScenarioRunner(scenario, target).runSteps();
    }

    private void runSteps() {
        try {
            List<Scenario.Step> steps = scenario.steps();
            long previousEnd = System.nanoTime();
            for (int i = 0; i < steps.size(); i++) {
                Scenario.Step step = steps.get(i);
                int number = i + 1;
                Allure.step(number + ". " + step.describe(), () -> runStep(number, step));
                long end = System.nanoTime();
                // an alignment is timed from the instant it aimed at, any other step from the end of the one before
                boolean aligned = step.action().equals("align-to-second");
                long from = aligned ? alignedAt : previousEnd;
                if (step.within() != null && target.realTime() && end - from > step.within().toNanos()) {
                    throw new AttemptVoided(scenario.source() + ":" + step.line() + ": step " + number + " '"
                            + step.describe() + "' ended " + (end - from) / 1_000_000 + " ms after "
                            + (aligned ? "the instant it aimed at" : "the step before it") + ", more than "
                            + step.within().toMillis() + " ms");
                }
                previousEnd = end;
            }
        } finally {
            // The scenario's topics are the target's to delete when it closes (a shared cluster's namespace).
            for (ConsumerStream stream : streams.values()) {
                stream.close();
            }
        }
    }

    private void runStep(int number, Scenario.Step step) {
        for (String capability : step.requires()) {
            Optional<String> missing = target.missing(capability);
            if (missing.isPresent()) {
                Allure.step("left out: " + step.describe() + " (" + missing.get() + ")");
                return;
            }
        }
        Map<String, Object> expectError = step.expectError();
        try {
            execute(step);
        } catch (FluvioException e) {
            if (expectError == null) {
                throw failure(number, step, "success", describe(e), e);
            }
            checkError(number, step, expectError, e);
            return;
        }
        if (expectError != null) {
            throw failure(number, step, "error " + Yaml.inline(expectError), "success", null);
        }
    }

    private void checkError(int number, Scenario.Step step, Map<String, Object> expected, FluvioException actual) {
        String expectedCode = expected.get("code") == null ? null : String.valueOf(expected.get("code"));
        String expectedMessage = expected.get("message") == null ? null : String.valueOf(expected.get("message"));
        boolean codeMatches = expectedCode == null || codeMatches(expectedCode, actual.errorCode());
        boolean messageMatches = expectedMessage == null
                || expectedMessage.equals(actual.getMessage());
        if (!codeMatches || !messageMatches) {
            throw failure(number, step, "error " + Yaml.inline(expected), describe(actual), actual);
        }
    }

    private static boolean codeMatches(String expected, ErrorCode actual) {
        String normalized = expected.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (normalized.matches("-?\\d+")) {
            return actual.tag() == Short.parseShort(normalized);
        }
        return actual.name().equals(normalized);
    }

    private String describe(FluvioException e) {
        return "error {code: " + e.errorCode() + ", message: " + e.getMessage() + "}";
    }

    /**
     * A step on a real-time target overran its {@code within}: real time did not place it where the scenario can
     * tell the behaviours apart, so this attempt says nothing about the target, either way.
     */
    static final class AttemptVoided extends RuntimeException {
        AttemptVoided(String message) {
            super(message);
        }
    }

    private ScenarioFailure failure(int number, Scenario.Step step, String expected, String actual, Throwable cause) {
        Allure.addAttachment("expected", expected);
        Allure.addAttachment("actual", actual);
        return new ScenarioFailure(scenario.source() + ":" + step.line() + ": step " + number + " '" + step.describe()
                + "'\n  expected: " + expected + "\n  actual:   " + actual, cause);
    }

    private ScenarioFailure failure(Scenario.Step step, String expected, String actual) {
        return failure(scenario.steps().indexOf(step) + 1, step, expected, actual, null);
    }

    // ---------------------------------------------------------------- actions

    private void execute(Scenario.Step step) {
        Args args = new Args(step);
        switch (step.action()) {
            case "create-topic" -> {
                String name = args.nameOrScalar();
                target.fluvio().admin().createTopic(name,
                        TopicSpec.partitions(args.intOr("partitions", 1))
                                .withReplicationFactor(args.intOr("replication", 1)));
            }
            case "delete-topic" -> target.fluvio().admin().deleteTopic(args.nameOrScalar());
            case "produce" -> produce(args);
            case "open" -> streams.put(args.stringOr("stream", DEFAULT_STREAM), open(args, false));
            case "read" -> read(step, args);
            case "read-all" -> readAll(step, args);
            case "expect-no-records" -> {
                ConsumerStream stream = stream(args.streamName());
                Optional<ConsumerRecord> record = stream.next(target.quietPeriod());
                if (record.isPresent()) {
                    throw failure(step, "no more records", "a record: " + describe(record.get()));
                }
            }
            case "commit" -> stream(args.streamName()).offsetCommit();
            case "flush" -> stream(args.streamName()).offsetFlush();
            case "close" -> {
                String name = args.streamName();
                stream(name).close();
                streams.remove(name);
            }
            case "consume" -> consume(step, args);
            case "advance-time" -> target.advanceTime(Durations.parse(args.scalar()));
            case "align-to-second" -> alignToSecond(Durations.parse(args.scalar()));
            case "restart" -> target.restart();
            case "expect-offsets" -> expectOffsets(step, args, args.has("settle") && target.realTime()
                    ? Durations.parse(args.string("settle")) : target.offsetSettleTime());
            case "expect-offsets-now" -> expectOffsets(step, args, Duration.ZERO);
            case "read-counting-flushes" -> readCountingFlushes(step, args);
            case "delete-consumer-offset" -> target.fluvio().deleteConsumerOffset(
                    args.string("consumer"), args.string("topic"),
                    args.intOr("partition", 0));
            case "fail-next" -> fakeBroker(step).faults().failNext(
                    BrokerApi.valueOf(args.string("api").toUpperCase(Locale.ROOT).replace('-', '_')),
                    ErrorCode.valueOf(args.string("code").toUpperCase(Locale.ROOT).replace('-', '_')));
            case "evict" -> fakeBroker(step).evictRecords(args.string("topic"),
                    args.intOr("partition", 0), Long.parseLong(args.string("before")));
            default -> throw new IllegalStateException("no action " + step.action());
        }
    }

    private void produce(Args args) {
        String topic = args.string("topic");
        List<String> values = args.strings("values");
        List<String> keys = args.has("keys") ? args.strings("keys") : null;
        if (keys != null && keys.size() != values.size()) {
            throw new IllegalArgumentException("produce: keys and values must have the same length");
        }
        // Each produce step is a new producer, as each `fluvio produce` is a new process:
        // keyless records start again at partition 0 (wire-protocol §5.2).
        TopicProducer producer = args.has("partition")
                ? target.fluvio().topicProducer(topic, args.intOr("partition", 0))
                : target.fluvio().topicProducer(topic);
        for (int i = 0; i < values.size(); i++) {
            String key = keys == null ? args.stringOr("key", null) : keys.get(i);
            producer.send(key, values.get(i)).join();
        }
    }

    private ConsumerStream open(Args args, boolean snapshot) {
        ConsumerConfig.Builder builder = ConsumerConfig.builder()
                .topic(args.string("topic"))
                .disableContinuous(snapshot || args.boolOr("disable-continuous", false));
        if (!args.has("start") || args.stringOr("start", null) != null) {
            // 'start: ~' leaves the start unset, to show the configuration error (E5)
            builder.offsetStart(Offset.parse(args.stringOr("start", "beginning")));
        }
        String consumer = args.stringOr("consumer", null);
        if (consumer != null) {
            builder.offsetConsumer(consumer);
        }
        String defaultStrategy = snapshot && consumer != null ? "auto" : "none";
        builder.offsetStrategy(OffsetManagementStrategy.parse(args.stringOr("strategy", defaultStrategy)));
        builder.offsetFlush(Durations.parse(args.stringOr("flush", snapshot ? "2s" : "10s")));
        for (String partition : args.has("partitions") ? args.strings("partitions") : List.<String>of()) {
            builder.partition(Integer.parseInt(partition));
        }
        if (args.has("max-reconnects")) {
            builder.maxReconnectAttempts(args.intOr("max-reconnects", 0));
        }
        return target.fluvio().consumerWithConfig(builder.build());
    }

    private void read(Scenario.Step step, Args args) {
        ConsumerStream stream = stream(args.streamName());
        int count = args.intOr("count", args.has("values") ? args.strings("values").size() : 1);
        List<ConsumerRecord> records = stream.next(count, target.recordTimeout());
        checkRecords(step, args, records, false);
        if (records.size() != count) {
            throw failure(step, count + " records", records.size() + " records: " + describe(records));
        }
    }

    private void readAll(Scenario.Step step, Args args) {
        ConsumerStream stream = stream(args.streamName());
        checkRecords(step, args, readUntilQuiet(stream), true);
    }

    /** Everything the stream has now: until a snapshot stream ends, or nothing comes for a while. */
    private List<ConsumerRecord> readUntilQuiet(ConsumerStream stream) {
        List<ConsumerRecord> records = new ArrayList<>();
        while (true) {
            Optional<ConsumerRecord> record = stream.next(records.isEmpty() ? target.recordTimeout()
                    : target.quietPeriod().plusMillis(50));
            if (record.isEmpty()) {
                return records;
            }
            records.add(record.get());
        }
    }

    /** The CLI's {@code consume -d [-c ID]}: read what exists, then commit and flush when there is an id. */
    private void consume(Scenario.Step step, Args args) {
        try (ConsumerStream stream = open(args, true)) {
            List<ConsumerRecord> records = readUntilQuiet(stream);
            if (args.stringOr("consumer", null) != null
                    && OffsetManagementStrategy.parse(args.stringOr("strategy", "auto")) != OffsetManagementStrategy.NONE) {
                stream.offsetCommit();
                stream.offsetFlush();
            }
            checkRecords(step, args, records, true);
        }
    }

    private void checkRecords(Scenario.Step step, Args args, List<ConsumerRecord> records, boolean exactCount) {
        if (args.has("values")) {
            List<String> expected = args.strings("values");
            List<String> actual = records.stream().map(ConsumerRecord::valueAsString).toList();
            if (!actual.equals(expected)) {
                throw failure(step, "values " + expected, "values " + actual);
            }
        }
        if (args.has("values-in-any-order")) {
            List<String> expected = args.strings("values-in-any-order").stream().sorted().toList();
            List<String> actual = records.stream().map(ConsumerRecord::valueAsString).sorted().toList();
            if (!actual.equals(expected)) {
                throw failure(step, "values in any order " + expected, "values " + actual);
            }
        }
        if (args.has("offsets")) {
            List<Long> expected = args.strings("offsets").stream().map(Long::parseLong).toList();
            List<Long> actual = records.stream().map(ConsumerRecord::offset).toList();
            if (!actual.equals(expected)) {
                throw failure(step, "offsets " + expected, "offsets " + actual);
            }
        }
        if (args.has("in-partitions")) {
            List<Integer> expected = args.strings("in-partitions").stream().map(Integer::parseInt).toList();
            List<Integer> actual = records.stream().map(ConsumerRecord::partition).toList();
            if (!actual.equals(expected)) {
                throw failure(step, "records in partitions " + expected, "records in partitions " + actual);
            }
        }
        if (args.has("keys")) {
            List<String> expected = args.strings("keys");
            List<String> actual = records.stream().map(ConsumerRecord::keyAsString).toList();
            if (!actual.equals(expected)) {
                throw failure(step, "keys " + expected, "keys " + actual);
            }
        }
        if (exactCount && args.has("count") && records.size() != args.intOr("count", 0)) {
            throw failure(step, args.intOr("count", 0) + " records", records.size() + " records");
        }
    }

    /**
     * Waits until the clock is {@code into} past a whole second (the next time it is), so that the steps after it
     * fall at known places between whole seconds, where the auto strategy's period is counted (C2).
     */
    private void alignToSecond(Duration into) {
        long millisOfSecond = into.toMillis();
        if (millisOfSecond < 0 || millisOfSecond >= 1000) {
            throw new IllegalArgumentException("align-to-second: give a time under one second, not " + into);
        }
        long now = target.fluvio().currentTimeMillis();
        long wait = Math.floorMod(millisOfSecond - Math.floorMod(now, 1000L), 1000L);
        wait = wait == 0 ? 1000 : wait;
        alignedAt = System.nanoTime() + wait * 1_000_000L;
        target.advanceTime(Duration.ofMillis(wait));
    }

    /**
     * Reads {@code count} records one at a time, {@code every} apart, and looks at the consumer's stored offset
     * after each: distinct offsets stored in one whole second of the broker's clock mean more than one flush
     * that second. Unlike a check at one instant, the count holds whatever the machine's delays: flushes the
     * look missed only lower it.
     */
    private void readCountingFlushes(Scenario.Step step, Args args) {
        ConsumerStream stream = stream(args.streamName());
        int count = args.intOr("count", 1);
        Duration every = Durations.parse(args.string("every"));
        String consumer = args.string("consumer");
        String topic = args.string("topic");
        int partition = args.intOr("partition", 0);
        int mostPerSecond = args.intOr("most-per-second", Integer.MAX_VALUE);
        int least = args.intOr("least", 0);
        Map<Long, Set<Long>> offsetsBySecond = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            if (stream.next(target.recordTimeout()).isEmpty()) {
                throw failure(step, count + " records", i + " records");
            }
            target.advanceTime(every);
            for (ConsumerOffset offset : target.fluvio().consumerOffsets()) {
                if (offset.consumerId().equals(consumer) && offset.topic().equals(topic)
                        && offset.partition() == partition) {
                    offsetsBySecond.computeIfAbsent(offset.modifiedTime(), k -> new TreeSet<>()).add(offset.offset());
                }
            }
        }
        long flushes = offsetsBySecond.values().stream().mapToLong(Set::size).sum();
        boolean tooMany = offsetsBySecond.values().stream().anyMatch(offsets -> offsets.size() > mostPerSecond);
        if (tooMany || flushes < least) {
            throw failure(step, "at least " + least + " flushes, at most " + mostPerSecond + " in any second",
                    "offsets stored, by second: " + offsetsBySecond);
        }
    }

    /**
     * The scenario's stored offsets are exactly these (order does not matter, G3). On a real cluster
     * automatic flushes arrive asynchronously, so the check is repeated for up to {@code settle} (C6).
     */
    private void expectOffsets(Scenario.Step step, Args args, Duration settle) {
        Set<String> expected = new TreeSet<>();
        Map<String, Duration> ages = new HashMap<>();
        for (Map<String, Object> entry : args.entries()) {
            String key = entry.get("consumer") + " " + entry.get("topic") + "-" + entry.getOrDefault("partition", "0");
            expected.add(key + " at " + entry.get("offset"));
            if (entry.get("age") != null) {
                ages.put(key, Durations.parse(String.valueOf(entry.get("age"))));
            }
        }
        if (settle.isZero()) {
            Set<String> actual = storedOffsets();
            if (!actual.equals(expected)) {
                throw failure(step, "stored offsets " + expected, "stored offsets " + actual);
            }
        } else {
            try {
                Awaitility.await().atMost(settle).pollInterval(Duration.ofMillis(100))
                        .until(() -> storedOffsets().equals(expected));
            } catch (ConditionTimeoutException e) {
                throw failure(step, "stored offsets " + expected, "stored offsets " + storedOffsets());
            }
        }
        if (!ages.isEmpty()) {
            checkAges(step, ages);
        }
    }

    /**
     * How long ago each offset was stored, as {@code consumer list}'s LAST SEEN shows it (H3):
     * exact on a virtual clock; within a second either way in real time.
     */
    private void checkAges(Scenario.Step step, Map<String, Duration> expected) {
        long nowSecond = Math.floorDiv(target.fluvio().currentTimeMillis(), 1000L);
        long tolerance = target.cluster().hasVirtualClock() ? 0 : 1;
        for (ConsumerOffset offset : target.fluvio().consumerOffsets()) {
            String key = offset.consumerId() + " " + offset.topic() + "-"
                    + offset.partition();
            Duration age = expected.get(key);
            if (age != null && Math.abs(nowSecond - offset.modifiedTime() - age.getSeconds()) > tolerance) {
                throw failure(step, key + " stored " + age.getSeconds() + "s ago",
                        key + " stored " + (nowSecond - offset.modifiedTime()) + "s ago");
            }
        }
    }

    private Set<String> storedOffsets() {
        Set<String> actual = new TreeSet<>();
        List<ConsumerOffset> offsets = new ArrayList<>(target.fluvio().consumerOffsets());
        offsets.sort(Comparator.naturalOrder());
        for (ConsumerOffset offset : offsets) {
            actual.add(offset.consumerId() + " " + offset.topic() + "-" + offset.partition() + " at " + offset.offset());
        }
        return actual;
    }

    private FakeBroker fakeBroker(Scenario.Step step) {
        return target.fakeBroker().orElseThrow(() -> new TestAbortedException(
                "step '" + step.action() + "' needs the fake broker; declare 'requires: [fake]'"));
    }

    private ConsumerStream stream(String name) {
        ConsumerStream stream = streams.get(name);
        if (stream == null) {
            throw new IllegalArgumentException("no open stream '" + name + "' (open it with '- open: {stream: "
                    + name + ", …}')");
        }
        return stream;
    }

    private static String describe(ConsumerRecord record) {
        return record.partition() + "@" + record.offset() + " " + record.valueAsString();
    }

    private static String describe(List<ConsumerRecord> records) {
        return records.stream().map(ScenarioRunner::describe).toList().toString();
    }

    /** A step's arguments, whatever shape the scenario gave them. */
    private static final class Args {
        private final Scenario.Step step;
        private final Object argument;

        Args(Scenario.Step step) {
            this.step = step;
            this.argument = step.argument();
        }

        boolean has(String key) {
            return argument instanceof Map<?, ?> map && map.containsKey(key);
        }

        String scalar() {
            if (argument == null || argument instanceof Map || argument instanceof List) {
                throw new IllegalArgumentException(step.action() + " takes a single value");
            }
            return String.valueOf(argument);
        }

        String nameOrScalar() {
            return argument instanceof Map ? string("name") : scalar();
        }

        String streamName() {
            if (argument == null) {
                return DEFAULT_STREAM;
            }
            return argument instanceof Map ? stringOr("stream", DEFAULT_STREAM) : scalar();
        }

        String string(String key) {
            String value = stringOr(key, null);
            if (value == null) {
                throw new IllegalArgumentException(step.action() + " needs '" + key + "'");
            }
            return value;
        }

        String stringOr(String key, String fallback) {
            if (!(argument instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return fallback;
            }
            Object value = map.get(key);
            return value == null ? null : String.valueOf(value);
        }

        int intOr(String key, int fallback) {
            String value = stringOr(key, null);
            return value == null ? fallback : Integer.parseInt(value);
        }

        boolean boolOr(String key, boolean fallback) {
            String value = stringOr(key, null);
            return value == null ? fallback : Boolean.parseBoolean(value);
        }

        List<String> strings(String key) {
            Object value = argument instanceof Map<?, ?> map ? map.get(key) : null;
            if (!(value instanceof List<?> list)) {
                throw new IllegalArgumentException(step.action() + ": '" + key + "' is a list");
            }
            List<String> result = new ArrayList<>();
            for (Object item : list) {
                result.add(item == null ? null : String.valueOf(item));
            }
            return result;
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries() {
            Object offsets = argument instanceof Map<?, ?> map ? map.get("offsets") : argument;
            if (offsets == null) {
                return List.of();
            }
            if (!(offsets instanceof List<?> list)) {
                throw new IllegalArgumentException(step.action() + " takes a list of {consumer, topic, partition, offset},"
                        + " or {offsets: [...], settle: DURATION}");
            }
            List<Map<String, Object>> result = new ArrayList<>();
            for (Object item : list) {
                result.add((Map<String, Object>) Objects.requireNonNull(item, "entry"));
            }
            return result;
        }
    }

    /** A scenario did not hold: which step, what was expected, what happened. */
    static final class ScenarioFailure extends AssertionError {
        ScenarioFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
