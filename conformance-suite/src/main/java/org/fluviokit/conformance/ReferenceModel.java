package org.fluviokit.conformance;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.fluviokit.client.Durations;

/**
 * A small executable model of Fluvio's consumer-offset semantics (spec groups A–F, G, J, K4, M1),
 * written straight from the specification, independent of the client and the fake broker: partition
 * logs, stored offsets, and consumer streams with their seen / committed / flushed numbers, their
 * whole-second flush periods and 100 ms background checks, their reconnects after a restart.
 *
 * <p>It answers each {@link ModelOp} with an observation (records read, errors, stored offsets) in
 * the same words as {@link ModelHarness} describes what a real target did, so the two can be
 * compared line by line. Time is virtual and starts on a whole second ({@code startSecond}).
 */
final class ReferenceModel {

    private final int partitions;
    private final long startSecond;
    private final List<List<String>> logs = new ArrayList<>();
    /** (consumer, partition) → {offset, stored at second}; insertion order kept for reports only. */
    private final Map<String, long[]> stored = new LinkedHashMap<>();
    private final Map<Integer, Stream> streams = new LinkedHashMap<>();
    private long nowMillis;
    private int generation;
    private long taskSequence;
    private int produced;

    ReferenceModel(int partitions, long startSecond) {
        this.partitions = partitions;
        this.startSecond = startSecond;
        for (int p = 0; p < partitions; p++) {
            logs.add(new ArrayList<>());
        }
    }

    int partitions() {
        return partitions;
    }

    /** The shortest partition's length: where an absolute start is cut down to. */
    long shortestLog() {
        return logs.stream().mapToLong(List::size).min().orElse(0);
    }

    /** The values a produce of {@code count} records will send, without producing them. */
    List<String> nextValues(int count) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add("v" + (produced + i));
        }
        return values;
    }

    boolean isOpen(int stream) {
        return streams.containsKey(stream);
    }

    /** Applies an operation (already made concrete by the harness) and returns what it observed. */
    String apply(ModelOp op) {
        if (op instanceof ModelOp.Produce produce) {
            for (String value : nextValues(produce.count())) {
                logs.get(produce.partition()).add(value);
            }
            produced += produce.count();
            return "produced";
        }
        if (op instanceof ModelOp.Open open) {
            Stream previous = streams.remove(open.stream());
            if (previous != null) {
                previous.close();
            }
            streams.put(open.stream(), new Stream(open));
            return "opened";
        }
        if (op instanceof ModelOp.Read read) {
            Stream stream = streams.get(read.stream());
            if (stream == null) {
                return "no stream";
            }
            List<String> records = new ArrayList<>();
            for (int i = 0; i < read.count(); i++) {
                String record = stream.next();
                if (record == null) {
                    break;
                }
                records.add(record);
            }
            return "read " + records;
        }
        if (op instanceof ModelOp.Commit commit) {
            Stream stream = streams.get(commit.stream());
            return stream == null ? "no stream" : stream.commit();
        }
        if (op instanceof ModelOp.Flush flush) {
            Stream stream = streams.get(flush.stream());
            return stream == null ? "no stream" : stream.flush();
        }
        if (op instanceof ModelOp.Close close) {
            Stream stream = streams.remove(close.stream());
            if (stream != null) {
                stream.close();
            }
            return "closed";
        }
        if (op instanceof ModelOp.Advance advance) {
            advance(advance.millis());
            return "advanced";
        }
        if (op instanceof ModelOp.Restart) {
            generation++;
            return "restarted";
        }
        if (op instanceof ModelOp.DeleteOffset delete) {
            stored.remove(key(delete.consumer(), delete.partition()));
            return "deleted";
        }
        if (op instanceof ModelOp.RecreateTopic) {
            for (Stream stream : new ArrayList<>(streams.values())) {
                stream.close();
            }
            streams.clear();
            stored.clear(); // J1: the topic's offsets go with it (there is only one topic)
            for (List<String> log : logs) {
                log.clear();
            }
            return "recreated";
        }
        throw new IllegalArgumentException(String.valueOf(op));
    }

    /** Stored offsets in the harness's words: {@code consumer t-p at offset (+seconds)}, sorted. */
    String storedOffsets() {
        TreeSet<String> lines = new TreeSet<>();
        stored.forEach((key, value) -> lines.add(key.replace("|", " t-") + " at " + value[0]
                + " (+" + (value[1] - startSecond) + "s)"));
        return lines.toString();
    }

    /** Stored offsets as expect-offsets entries of a scenario, with their ages. */
    List<Map<String, Object>> storedOffsetEntries() {
        List<Map<String, Object>> entries = new ArrayList<>();
        long nowSecond = nowSecond();
        stored.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            String[] parts = entry.getKey().split("\\|");
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("consumer", parts[0]);
            map.put("topic", "t");
            map.put("partition", Integer.parseInt(parts[1]));
            map.put("offset", entry.getValue()[0]);
            map.put("age", (nowSecond - entry.getValue()[1]) + "s");
            entries.add(map);
        });
        return entries;
    }

    private static String key(String consumer, int partition) {
        return consumer + "|" + partition;
    }

    private long nowSecond() {
        return startSecond + Math.floorDiv(nowMillis, 1000L);
    }

    /** Runs every due 100 ms check in time order (ties: the order the checks were scheduled). */
    private void advance(long millis) {
        long target = nowMillis + millis;
        while (true) {
            Management next = null;
            for (Stream stream : streams.values()) {
                for (Part part : stream.parts) {
                    Management m = part.management;
                    if (m.ticking && m.nextTick <= target
                            && (next == null || m.nextTick < next.nextTick
                            || (m.nextTick == next.nextTick && m.tickOrder < next.tickOrder))) {
                        next = m;
                    }
                }
            }
            if (next == null) {
                break;
            }
            nowMillis = next.nextTick;
            next.runAutoFlush();
            next.nextTick += 100;
            next.tickOrder = taskSequence++;
        }
        nowMillis = target;
    }

    /** A consumer stream over every partition, with the retry wrapper's reconnects (M1). */
    private final class Stream {
        final ModelOp.Open config;
        final Settings settings;
        List<Part> parts;
        int turn;
        Long nextOffsetToRead;
        boolean terminated;

        Stream(ModelOp.Open config) {
            this.config = config;
            this.settings = new Settings(config.strategy(), config.consumer(),
                    Durations.parse(config.flush()).toNanos(), config.snapshot());
            this.parts = open(config.start());
        }

        List<Part> open(String start) {
            List<Part> opened = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                Long resume = null;
                if (config.consumer() != null && stored.containsKey(key(config.consumer(), p))) {
                    resume = stored.get(key(config.consumer(), p))[0] + 1; // B2
                }
                long end = logs.get(p).size();
                long from = resolve(start, 0, end, resume);
                opened.add(new Part(p, from, end - from, new Management(p, settings)));
            }
            for (Part part : opened) {
                part.fetch(); // the SPU's first response arrives at once (A7)
            }
            return opened;
        }

        /** A3–A5, B3–B8: relative starts count from the resume point when there is one; all but absolute are clamped. */
        long resolve(String start, long logStart, long lastStable, Long resume) {
            String[] words = start.split(" ");
            long n = words.length > 1 ? Long.parseLong(words[1]) : 0;
            long resolved = switch (words[0]) {
                case "absolute" -> n;
                case "beginning", "from-beginning" -> clamp((resume != null ? resume : logStart) + n, logStart, lastStable);
                case "end", "from-end" -> clamp((resume != null ? resume : lastStable) - n, logStart, lastStable);
                default -> throw new IllegalArgumentException(start);
            };
            return Math.max(0, resolved);
        }

        long clamp(long value, long min, long max) {
            return Math.min(Math.max(value, min), max);
        }

        String next() {
            boolean reconnected = false;
            while (!terminated) {
                try {
                    String record = nextFromParts();
                    if (record != null) {
                        return record;
                    }
                    if (!parts.stream().allMatch(p -> p.ended)) {
                        return null;
                    }
                } catch (ConnectionLost lost) {
                    // the stream failed: reconnect below
                }
                if (config.snapshot()) {
                    terminated = true; // M2
                    return null;
                }
                if (reconnected) {
                    return null;
                }
                // M1: one absolute offset for the whole stream, the original start if nothing was read.
                List<Part> reopened = open(nextOffsetToRead == null ? config.start() : "absolute " + nextOffsetToRead);
                for (Part part : parts) {
                    part.close();
                }
                parts = reopened;
                reconnected = true;
            }
            return null;
        }

        String nextFromParts() {
            for (int i = 0; i < parts.size(); i++) {
                int index = (turn + i) % parts.size();
                Part part = parts.get(index);
                if (part.ended) {
                    continue;
                }
                Long offset = part.next();
                if (offset != null) {
                    // a partition hands out what it already received before the next one's turn
                    turn = part.buffered.isEmpty() ? index + 1 : index;
                    nextOffsetToRead = offset + 1;
                    return part.partition + "@" + offset + " " + logs.get(part.partition).get(offset.intValue());
                }
            }
            return null;
        }

        String commit() {
            for (Part part : parts) {
                String error = part.management.commit();
                if (error != null) {
                    return error;
                }
            }
            return "committed";
        }

        String flush() {
            String first = null;
            for (Part part : parts) {
                String error = part.management.flush();
                if (error != null && first == null) {
                    first = error;
                }
            }
            return first == null ? "flushed" : first;
        }

        void close() {
            for (Part part : parts) {
                part.close();
            }
        }
    }

    /** One partition's stream: what was fetched and not yet handed out, and the snapshot's budget (A7). */
    private final class Part {
        final int partition;
        final long start;
        final int connection;
        final Management management;
        final Deque<Long> buffered = new ArrayDeque<>();
        long remaining;
        long position;
        boolean ended;

        Part(int partition, long start, long recordsAtStart, Management management) {
            this.partition = partition;
            this.start = start;
            this.position = start;
            this.remaining = recordsAtStart;
            this.connection = generation;
            this.management = management;
            management.part = this;
        }

        Long next() {
            if (ended) {
                return null;
            }
            while (true) {
                Long offset = buffered.poll();
                if (offset != null) {
                    management.update(offset);
                    return offset;
                }
                if (snapshot() && remaining <= 0) {
                    end();
                    return null;
                }
                if (!fetch()) {
                    return null;
                }
            }
        }

        boolean snapshot() {
            return management.settings.snapshot();
        }

        boolean fetch() {
            if (snapshot() && remaining <= 0) {
                return false;
            }
            if (connection != generation) {
                end();
                throw new ConnectionLost();
            }
            long end = logs.get(partition).size();
            if (position >= end) {
                return false;
            }
            for (long offset = position; offset < end; offset++) {
                buffered.add(offset);
            }
            if (snapshot()) {
                remaining = Math.max(0, remaining - (end - position));
            }
            position = end;
            return true;
        }

        void end() {
            if (!ended) {
                ended = true;
                management.runAutoFlush(); // C3
            }
        }

        void close() {
            management.close();
        }
    }

    /** Seen / committed / flushed and the auto strategy's timing (C1–C10, D1–D4, E2). */
    private final class Management {
        final int partition;
        final Settings settings;
        final String strategy;
        final String consumer;
        final long periodNanos;
        Part part;
        long seen = -1;
        long committed = -1;
        long flushed = -1;
        long lastFlushSecond;
        boolean broken;
        boolean closed;
        boolean ticking;
        long nextTick;
        long tickOrder;

        Management(int partition, Settings settings) {
            this.partition = partition;
            this.settings = settings;
            this.strategy = settings.strategy();
            this.consumer = settings.consumer();
            this.periodNanos = settings.periodNanos();
            if (strategy.equals("auto")) {
                ticking = true;
                nextTick = nowMillis + 100;
                tickOrder = taskSequence++;
            }
        }

        void update(long offset) {
            switch (strategy) {
                case "manual" -> seen = Math.max(seen, offset);
                case "auto" -> {
                    seen = Math.max(seen, offset);
                    committed = seen;
                    runAutoFlush();
                }
                default -> {
                }
            }
        }

        void runAutoFlush() {
            if (!strategy.equals("auto")) {
                return;
            }
            long second = nowSecond();
            if (Math.max(0, second - lastFlushSecond) * 1_000_000_000L >= periodNanos) { // C2
                tryFlush();
                lastFlushSecond = second;
            }
        }

        String commit() {
            if (strategy.equals("none")) {
                return "error OFFSET_MANAGEMENT_DISABLED";
            }
            committed = seen;
            return null;
        }

        String flush() {
            if (strategy.equals("none")) {
                return "error OFFSET_MANAGEMENT_DISABLED";
            }
            if (flushed >= committed) {
                return null;
            }
            String failure;
            if (broken) {
                failure = "OTHER";
            } else if (part.connection != generation) {
                broken = true; // C10
                failure = "OFFSET_FLUSH_REQUEST_ERROR";
            } else {
                store(committed);
                flushed = committed;
                if (strategy.equals("auto")) {
                    lastFlushSecond = nowSecond(); // C9
                }
                return null;
            }
            return "error " + (strategy.equals("auto") ? "OTHER" : failure); // C9 wraps in Other
        }

        /** C6, C8: sent without waiting; counted as flushed once handed over, even to a dead connection. */
        void tryFlush() {
            if (flushed >= committed || broken) {
                return;
            }
            if (part.connection == generation) {
                store(committed);
            } else {
                broken = true;
            }
            flushed = committed;
        }

        void store(long offset) {
            stored.put(key(consumer, partition), new long[] {offset, nowSecond()}); // G2: last write wins
        }

        void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (strategy.equals("auto")) {
                ticking = false;
                runAutoFlush();
                committed = seen;
                tryFlush();
            }
        }
    }

    /** A stream's settings, shared by its partitions. */
    private record Settings(String strategy, String consumer, long periodNanos, boolean snapshot) {
    }

    private static final class ConnectionLost extends RuntimeException {
        ConnectionLost() {
            super(null, null, false, false);
        }
    }
}
