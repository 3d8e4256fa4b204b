package org.fluviokit.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.fluviokit.client.ConsumerConfig;
import org.fluviokit.client.ConsumerRecord;
import org.fluviokit.client.ConsumerStream;
import org.fluviokit.client.Fluvio;
import org.fluviokit.client.Offset;
import org.fluviokit.client.OffsetManagementStrategy;
import org.fluviokit.client.TopicProducer;
import org.fluviokit.fake.FakeBroker;
import org.fluviokit.testkit.FakeTarget;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The fake broker through the {@link Fluvio} client, on one thread (see BENCHMARKS.md for the
 * command and the figures).
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 10, time = 1)
public class FakeBrokerBenchmarks {

    static final byte[] PAYLOAD = new byte[100];

    /** (a) A fresh fake, a topic, one record produced and consumed back: what a short test costs. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public ConsumerRecord roundTripOnAFreshBroker() {
        try (FakeBroker broker = FakeBroker.create(); Fluvio fluvio = Fluvio.connect(FakeTarget.of(broker))) {
            fluvio.admin().createTopic("bench", 1);
            fluvio.topicProducer("bench").send(null, PAYLOAD).join();
            try (ConsumerStream stream = fluvio.consumerWithConfig(ConsumerConfig.builder().topic("bench")
                    .offsetStart(Offset.beginning()).disableContinuous(true).build())) {
                return stream.next(Duration.ofSeconds(1)).orElseThrow();
            }
        }
    }

    /** A broker with an empty topic, renewed every iteration so the heap does not fill up. */
    @State(Scope.Thread)
    public static class EmptyTopic {
        FakeBroker broker;
        Fluvio fluvio;
        TopicProducer producer;

        @Setup(Level.Iteration)
        public void setUp() {
            broker = FakeBroker.create();
            fluvio = Fluvio.connect(FakeTarget.of(broker));
            fluvio.admin().createTopic("bench", 1);
            producer = fluvio.topicProducer("bench");
        }

        @TearDown(Level.Iteration)
        public void tearDown() {
            fluvio.close();
            broker.close();
        }
    }

    /** (b) Produce throughput of 100-byte records, each answered before the next is sent. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Object produce(EmptyTopic state) {
        return state.producer.send(null, PAYLOAD).join();
    }

    /** A topic holding a million 100-byte records. */
    @State(Scope.Benchmark)
    public static class FullTopic {
        static final int RECORDS = 1_000_000;
        FakeBroker broker;
        Fluvio fluvio;
        int run;

        @Setup(Level.Trial)
        public void setUp() {
            broker = FakeBroker.create();
            fluvio = Fluvio.connect(FakeTarget.of(broker));
            fluvio.admin().createTopic("bench", 1);
            TopicProducer producer = fluvio.topicProducer("bench");
            for (int i = 0; i < RECORDS; i++) {
                producer.send(null, PAYLOAD);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            fluvio.close();
            broker.close();
        }
    }

    /**
     * (c) Consume throughput under the AUTO strategy: a new consumer reads the million records from
     * the beginning, committing every one and checking whether to flush.
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(FullTopic.RECORDS)
    public void consumeAuto(FullTopic state, Blackhole sink) {
        ConsumerConfig config = ConsumerConfig.builder().topic("bench").offsetStart(Offset.beginning())
                .offsetConsumer("bench-" + state.run++).offsetStrategy(OffsetManagementStrategy.AUTO)
                .disableContinuous(true).build();
        try (ConsumerStream stream = state.fluvio.consumerWithConfig(config)) {
            for (int i = 0; i < FullTopic.RECORDS; i++) {
                sink.consume(stream.next(Duration.ZERO).orElseThrow());
            }
        }
    }
}
