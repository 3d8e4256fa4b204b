package org.fluviokit.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.fluviokit.client.ConsumerConfig;
import org.fluviokit.client.ConsumerRecord;
import org.fluviokit.client.ConsumerStream;
import org.fluviokit.client.Fluvio;
import org.fluviokit.client.FluvioTarget;
import org.fluviokit.client.Offset;
import org.fluviokit.client.OffsetManagementStrategy;
import org.fluviokit.client.TopicProducer;
import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.wire.WireServer;
import org.fluviokit.junit.FluvioCluster;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * fluviokit's Java client on the cluster target, through the fake's wire server on loopback: what
 * a test suite run with {@code -Dfluviokit.target=cluster} pays per record compared with the
 * in-process fake ({@link FakeBrokerBenchmarks}). Command and figures: BENCHMARKS.md.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ClusterClientBenchmarks {

    static final byte[] PAYLOAD = new byte[100];
    static final int BATCH = 1_000;
    static final int STORED = 100_000;

    /**
     * A fake broker behind its wire server, on the system clock as a cluster runs, and a client of
     * it; or, with {@code -p cluster=HOST:PORT}, a client of that cluster (to compare with a real SPU).
     */
    @State(Scope.Benchmark)
    public static class Cluster {
        @Param("fake")
        String cluster;
        FakeBroker broker;
        WireServer server;
        /** Closing it deletes the topics of this run's namespace, so a real cluster is left as it was found. */
        FluvioCluster handle;
        Fluvio fluvio;

        @Setup(Level.Trial)
        public void start() {
            String endpoint = cluster;
            if (cluster.equals("fake")) {
                broker = FakeBroker.builder().clock(Clock.systemUTC()).build();
                server = WireServer.start(broker);
                endpoint = server.scEndpoint();
            }
            handle = FluvioCluster.connect(FluvioTarget.cluster(endpoint).isolated());
            fluvio = handle.fluvio();
        }

        @TearDown(Level.Trial)
        public void stop() {
            handle.close();
            if (server != null) {
                server.close();
                broker.close();
            }
        }
    }

    /** A new empty topic every iteration, so the broker's heap does not grow across iterations. */
    @State(Scope.Thread)
    public static class EmptyTopic {
        TopicProducer producer;
        private int iteration;
        private String topic;
        private Cluster cluster;

        @Setup(Level.Iteration)
        public void create(Cluster cluster) {
            this.cluster = cluster;
            topic = "produce-" + iteration++;
            cluster.fluvio.admin().createTopic(topic, 1);
            producer = cluster.fluvio.topicProducer(topic);
        }

        @TearDown(Level.Iteration)
        public void delete() {
            cluster.fluvio.admin().deleteTopic(topic);
        }
    }

    /** Produce throughput: a thousand 100-byte records sent without waiting, then all answers awaited. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public void produce(EmptyTopic topic) {
        java.util.concurrent.CompletableFuture<?> last = null;
        for (int i = 0; i < BATCH; i++) {
            last = topic.producer.send(null, PAYLOAD);
        }
        topic.producer.flush();
        last.join();
    }

    /** A topic holding a hundred thousand 100-byte records. */
    @State(Scope.Benchmark)
    public static class FullTopic {
        int run;

        @Setup(Level.Trial)
        public void fill(Cluster cluster) {
            cluster.fluvio.admin().createTopic("full", 1);
            TopicProducer producer = cluster.fluvio.topicProducer("full");
            for (int i = 0; i < STORED; i++) {
                producer.send(null, PAYLOAD);
            }
            producer.flush();
        }
    }

    /** Consume throughput under the AUTO strategy: a new consumer reads the stored records from the beginning. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(STORED)
    public void consumeAuto(Cluster cluster, FullTopic topic, Blackhole sink) {
        ConsumerConfig config = ConsumerConfig.builder().topic("full").offsetStart(Offset.beginning())
                .offsetConsumer("bench-" + topic.run++).offsetStrategy(OffsetManagementStrategy.AUTO)
                .disableContinuous(true).build();
        try (ConsumerStream stream = cluster.fluvio.consumerWithConfig(config)) {
            for (int i = 0; i < STORED; i++) {
                sink.consume(stream.next(Duration.ofSeconds(10)).orElseThrow());
            }
        }
    }

    /** An open continuous stream on a topic, and a producer of it. */
    @State(Scope.Thread)
    public static class OpenStream {
        TopicProducer producer;
        ConsumerStream stream;

        @Setup(Level.Trial)
        public void open(Cluster cluster) {
            cluster.fluvio.admin().createTopic("ping", 1);
            producer = cluster.fluvio.topicProducer("ping");
            stream = cluster.fluvio.consumerWithConfig(ConsumerConfig.builder().topic("ping")
                    .offsetStart(Offset.end()).build());
        }

        @TearDown(Level.Trial)
        public void close() {
            stream.close();
        }
    }

    /**
     * Round trip: one record produced (its answer awaited) and read back by a stream that was waiting
     * for it. JMH's sample mode reports the percentiles (p50, p99).
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public ConsumerRecord roundTrip(OpenStream open) {
        open.producer.send(null, PAYLOAD).join();
        return open.stream.next(Duration.ofSeconds(10)).orElseThrow();
    }
}
