package org.fluviokit.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.TimeUnit;

import org.fluviokit.client.Fluvio;
import org.fluviokit.client.TopicProducer;
import org.fluviokit.fake.FakeBroker;
import org.fluviokit.testkit.FakeTarget;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * (d) The heap a fake broker holding a million 100-byte records takes, against their payload: one
 * shot (one fork: JMH adds up event counters across forks) that fills a topic and reads the used heap after full collections before and after.
 * The figures are the secondary results {@code heapToPayload} and {@code heapBytesPerRecord}; the
 * primary one is how long filling took.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseParallelGC"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class HeapFootprint {

    @Param("1000000")
    int records;

    @Param("100")
    int size;

    /** What one shot measured; JMH reports the fields as secondary results. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Heap {
        public double heapToPayload;
        public double heapBytesPerRecord;
    }

    @Benchmark
    public long fillATopic(Heap heap) {
        long before = usedAfterGc();
        try (FakeBroker broker = FakeBroker.create(); Fluvio fluvio = Fluvio.connect(FakeTarget.of(broker))) {
            fluvio.admin().createTopic("heap", 1);
            TopicProducer producer = fluvio.topicProducer("heap");
            for (int i = 0; i < records; i++) {
                producer.send(null, new byte[size]);
            }
            long used = usedAfterGc() - before;
            heap.heapToPayload = (double) used / ((long) records * size);
            heap.heapBytesPerRecord = (double) used / records;
            long stored = broker.topic("heap").orElseThrow().partitions().get(0).highWatermark();
            if (stored != records) {
                throw new IllegalStateException("records were lost: " + stored + " of " + records);
            }
            return stored;
        }
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 5; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
