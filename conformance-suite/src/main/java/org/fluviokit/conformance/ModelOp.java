package org.fluviokit.conformance;

import java.util.List;

import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * One operation of a random sequence the model property runs on a target and on the
 * {@link ReferenceModel}: the actions a Fluvio application takes on one topic {@code t}.
 */
sealed interface ModelOp {

    /** {@code count} keyless records to one partition. */
    record Produce(int partition, int count) implements ModelOp {
    }

    /**
     * A consumer stream over every partition. {@code start} uses the connector's words; an
     * {@code absolute} start is cut down to the shortest partition when the sequence runs, so it
     * never points past a log end (A6 is covered by scenarios).
     */
    record Open(int stream, String consumer, String start, String strategy, String flush, boolean snapshot)
            implements ModelOp {
    }

    /** Up to {@code count} records, taking only what is already there. */
    record Read(int stream, int count) implements ModelOp {
    }

    record Commit(int stream) implements ModelOp {
    }

    record Flush(int stream) implements ModelOp {
    }

    record Close(int stream) implements ModelOp {
    }

    record Advance(int millis) implements ModelOp {
    }

    record Restart() implements ModelOp {
    }

    record DeleteOffset(String consumer, int partition) implements ModelOp {
    }

    /** Closes every stream, deletes the topic and creates it again (J1, J2). */
    record RecreateTopic() implements ModelOp {
    }

    /** A sequence: the topic's partition count and the operations. */
    record Sequence(int partitions, List<ModelOp> ops) {
    }

    int STREAMS = 2;
    List<String> CONSUMERS = List.of("c0", "c1");

    static Gen<Sequence> sequences(int maxLength) {
        return Generate.range(1, 2).zip(
                org.quicktheories.generators.SourceDSL.lists().of(ops()).ofSizeBetween(1, maxLength),
                Sequence::new);
    }

    /**
     * Sequences a real cluster answers the same way every run, in real time: one partition (the
     * order across partitions is timing on a cluster, REAL-CLUSTER.md #18), continuous streams (a
     * snapshot's first response can carry a record produced just after it opened, #14), the manual
     * and none strategies (the auto strategy's flushes depend on where a read falls between its
     * 100 ms checks, C4), whole-second waits, and restarts only where the target can restart.
     */
    static Gen<Sequence> realTimeSequences(int maxLength, boolean restarts) {
        return org.quicktheories.generators.SourceDSL.lists().of(realTimeOps(restarts)).ofSizeBetween(1, maxLength)
                .map(ops -> new Sequence(1, ops));
    }

    static Gen<ModelOp> realTimeOps(boolean restarts) {
        Gen<Integer> stream = Generate.range(0, STREAMS - 1);
        Gen<ModelOp> produce = Generate.range(1, 3).map(count -> new Produce(0, count));
        Gen<String> consumer = Generate.pick(java.util.Arrays.asList(null, "c0", "c1"));
        Gen<String> start = Generate.pick(List.of("beginning", "end", "absolute 0", "absolute 2", "from-beginning 1",
                "from-end 1", "from-end 3"));
        Gen<ModelOp> open = stream.zip(consumer, start, Generate.pick(List.of("manual", "none")),
                (s, c, st, str) -> new Open(s, c, st, c == null ? "none" : str, "10s", false));
        Gen<ModelOp> read = stream.zip(Generate.range(1, 3), Read::new);
        List<org.quicktheories.api.Pair<Integer, Gen<ModelOp>>> choices = new java.util.ArrayList<>(List.of(
                org.quicktheories.api.Pair.of(4, produce),
                org.quicktheories.api.Pair.of(4, open),
                org.quicktheories.api.Pair.of(6, read),
                org.quicktheories.api.Pair.of(2, stream.map(Commit::new)),
                org.quicktheories.api.Pair.of(2, stream.map(Flush::new)),
                org.quicktheories.api.Pair.of(2, stream.map(Close::new)),
                org.quicktheories.api.Pair.of(1, Generate.pick(List.of(1000, 2000)).map(Advance::new)),
                org.quicktheories.api.Pair.of(1, Generate.pick(CONSUMERS).map(c -> new DeleteOffset(c, 0))),
                org.quicktheories.api.Pair.of(1, Generate.constant(new RecreateTopic()))));
        if (restarts) {
            choices.add(org.quicktheories.api.Pair.of(1, Generate.constant(new Restart())));
        }
        return Generate.frequency(choices);
    }

    static Gen<ModelOp> ops() {
        Gen<Integer> stream = Generate.range(0, STREAMS - 1);
        Gen<Integer> partition = Generate.range(0, 1);
        Gen<ModelOp> produce = partition.zip(Generate.range(1, 3), Produce::new);
        Gen<String> consumer = Generate.pick(java.util.Arrays.asList(null, "c0", "c1"));
        Gen<String> start = Generate.pick(List.of("beginning", "end", "absolute 0", "absolute 2", "from-beginning 1",
                "from-end 1", "from-end 3"));
        Gen<String> strategy = Generate.pick(List.of("auto", "manual", "none"));
        Gen<String> flush = Generate.pick(List.of("1s", "2s", "0s", "10s"));
        Gen<Open> continuous = stream.zip(consumer, start, strategy, flush,
                // without a consumer id only strategy none is valid (E4)
                (s, c, st, str, f) -> new Open(s, c, st, c == null ? "none" : str, f, false));
        Gen<ModelOp> open = continuous.zip(Generate.booleans(),
                (o, snapshot) -> new Open(o.stream(), o.consumer(), o.start(), o.strategy(), o.flush(), snapshot));
        Gen<ModelOp> read = stream.zip(Generate.range(1, 3), Read::new);
        Gen<ModelOp> commit = stream.map(Commit::new);
        Gen<ModelOp> flushOp = stream.map(Flush::new);
        Gen<ModelOp> close = stream.map(Close::new);
        Gen<ModelOp> advance = Generate.pick(List.of(50, 100, 500, 1000, 2500)).map(Advance::new);
        Gen<ModelOp> restart = Generate.constant(new Restart());
        Gen<ModelOp> delete = Generate.pick(CONSUMERS).zip(partition, DeleteOffset::new);
        Gen<ModelOp> recreate = Generate.constant(new RecreateTopic());
        return Generate.frequency(List.of(
                org.quicktheories.api.Pair.of(4, produce),
                org.quicktheories.api.Pair.of(4, open),
                org.quicktheories.api.Pair.of(6, read),
                org.quicktheories.api.Pair.of(2, commit),
                org.quicktheories.api.Pair.of(2, flushOp),
                org.quicktheories.api.Pair.of(2, close),
                org.quicktheories.api.Pair.of(3, advance),
                org.quicktheories.api.Pair.of(1, restart),
                org.quicktheories.api.Pair.of(1, delete),
                org.quicktheories.api.Pair.of(1, recreate)));
    }
}
