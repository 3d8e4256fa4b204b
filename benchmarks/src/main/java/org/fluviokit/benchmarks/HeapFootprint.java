package org.fluviokit.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

import org.fluviokit.client.Fluvio;
import org.fluviokit.client.FluvioTarget;
import org.fluviokit.client.TopicProducer;
import org.fluviokit.fake.FakeBroker;

/**
 * (d) The heap a fake broker holding a million 100-byte records takes, against their payload.
 * Run: {@code java -cp benchmarks/target/benchmarks.jar org.fluviokit.benchmarks.HeapFootprint}.
 */
public final class HeapFootprint {

    private HeapFootprint() {
    }

    public static void main(String[] args) {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        long before = usedAfterGc();
        FakeBroker broker = FakeBroker.create();
        Fluvio fluvio = Fluvio.connect(FluvioTarget.fake(broker));
        fluvio.admin().createTopic("heap", 1);
        TopicProducer producer = fluvio.topicProducer("heap");
        for (int i = 0; i < records; i++) {
            producer.send(null, new byte[size]);
        }
        long after = usedAfterGc();
        long payload = (long) records * size;
        long used = after - before;
        System.out.printf("records=%d payload=%d bytes heap=%d bytes ratio=%.2f bytes/record=%.1f%n",
                records, payload, used, (double) used / payload, (double) used / records);
        // keep the broker reachable until measured
        if (broker.topic("heap").orElseThrow().partitions().get(0).highWatermark() != records) {
            throw new IllegalStateException("records were lost");
        }
        fluvio.close();
        broker.close();
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 5; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
