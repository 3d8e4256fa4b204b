package org.fluviokit.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.fluviokit.client.spi.FluvioErrors;
import org.fluviokit.client.spi.Transport;

/**
 * A client of one Fluvio cluster, as Fluvio's {@code Fluvio} handle: producers, consumer streams,
 * consumer offsets and topic administration.
 *
 * <pre>{@code
 * try (Fluvio fluvio = Fluvio.connect(FluvioTarget.cluster("127.0.0.1:9003"))) {
 *     fluvio.admin().createTopic("hello-topic", 1);
 *     fluvio.topicProducer("hello-topic").send(null, "One").join();
 * }
 * }</pre>
 *
 * <p>Closing the client flushes and closes the producers and streams it opened (auto streams send their
 * last flush first); then every method of the client, its producers and streams throws
 * {@link IllegalStateException}. (Fluvio's Rust API cannot reach a dropped handle at all.)
 * Thread-safe.
 */
public final class Fluvio implements AutoCloseable {

    private final Transport transport;
    private final FluvioAdmin admin;
    private final Set<ConsumerStream> openStreams = ConcurrentHashMap.newKeySet();
    /** Held weakly: a producer nobody references has nothing left to flush. */
    private final Set<TopicProducer> producers = java.util.Collections.synchronizedSet(
            java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>()));
    private volatile boolean closed;

    private Fluvio(Transport transport) {
        this.transport = transport;
        this.admin = new FluvioAdmin(transport);
    }

    /** Connects to {@code target}. */
    public static Fluvio connect(FluvioTarget target) {
        return new Fluvio(Objects.requireNonNull(target, "target").openTransport());
    }

    public FluvioAdmin admin() {
        ensureOpen();
        return admin;
    }

    /**
     * A producer for {@code topic}.
     *
     * @throws FluvioException {@code Topic not found: TOPIC}
     */
    public TopicProducer topicProducer(String topic) {
        return track(new DefaultTopicProducer(transport, topic, partitionCount(topic), null));
    }

    /**
     * A producer that sends every record to one partition (Fluvio's specific partitioner, the CLI's
     * {@code produce -p N}).
     *
     * @throws FluvioException {@code Topic not found: TOPIC}
     */
    public TopicProducer topicProducer(String topic, int partition) {
        if (partition < 0) {
            throw new IllegalArgumentException("a partition is never negative: " + partition);
        }
        return track(new DefaultTopicProducer(transport, topic, partitionCount(topic), partition));
    }

    /**
     * Opens a consumer stream (Fluvio's {@code consumer_with_config}).
     *
     * @throws FluvioException {@code Topic not found: TOPIC}, {@code Partition not found: TOPIC-P},
     *                         or the cluster's answer to the offset look-ups
     */
    public ConsumerStream consumerWithConfig(ConsumerConfig config) {
        ensureOpen();
        Objects.requireNonNull(config, "config");
        ConsumerStream[] self = new ConsumerStream[1];
        DefaultConsumerStream stream = new DefaultConsumerStream(transport, config, () -> openStreams.remove(self[0]));
        self[0] = stream;
        openStreams.add(stream);
        return stream;
    }

    /**
     * Every consumer offset stored in the cluster, in the cluster's order (unspecified, G3).
     *
     * @throws FluvioException {@code fetch consumer offsets failed with: …}
     */
    public List<ConsumerOffset> consumerOffsets() {
        ensureOpen();
        return new ArrayList<>(transport.fetchConsumerOffsets(null, null, null));
    }

    /**
     * Deletes the offset of {@code consumerId} on one partition. Deleting one that does not exist
     * is not an error (G4).
     *
     * @throws FluvioException {@code delete consumer offsets failed with: …}
     */
    public void deleteConsumerOffset(String consumerId, String topic, int partition) {
        ensureOpen();
        transport.deleteConsumerOffset(Objects.requireNonNull(consumerId, "consumerId"),
                Objects.requireNonNull(topic, "topic"), partition);
    }

    /** What this client is connected to. */
    public String target() {
        return transport.describe();
    }

    /** The current time on the client's clock, in milliseconds since the epoch (virtual on a fake). */
    public long currentTimeMillis() {
        return transport.time().currentTimeMillis();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<TopicProducer> toFlush;
        synchronized (producers) {
            toFlush = List.copyOf(producers);
        }
        for (TopicProducer producer : toFlush) {
            producer.close();
        }
        for (ConsumerStream stream : List.copyOf(openStreams)) {
            stream.close();
        }
        transport.close();
    }

    private TopicProducer track(TopicProducer producer) {
        producers.add(producer);
        return producer;
    }

    private int partitionCount(String topic) {
        ensureOpen();
        Objects.requireNonNull(topic, "topic");
        return transport.topic(topic).orElseThrow(() -> FluvioErrors.topicNotFound(topic)).partitions().size();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this Fluvio client is closed");
        }
    }
}
