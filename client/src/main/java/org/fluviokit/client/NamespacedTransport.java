package org.fluviokit.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.fluviokit.client.spi.FluvioErrors;
import org.fluviokit.client.spi.TimeSource;
import org.fluviokit.client.spi.Transport;
import org.fluviokit.client.spi.TransportException;

/**
 * A view of a shared cluster in which a test's topics and consumer ids carry a prefix of its own:
 * the test names them as it likes, the cluster sees {@code prefix + name}, and everything read back
 * (topic lists, consumer offsets, error texts) shows the test's names again. Topics and consumers
 * of others are invisible, except system topics, which every test shares.
 */
final class NamespacedTransport implements Transport {

    private final Transport cluster;
    private final String prefix;

    NamespacedTransport(Transport cluster, String prefix) {
        this.cluster = cluster;
        this.prefix = prefix;
    }

    private String in(String name) {
        return name == null ? null : prefix + name;
    }

    private String out(String name) {
        return name != null && name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    }

    private FluvioException translated(FluvioException e) {
        String message = e.getMessage() == null ? null : e.getMessage().replace(prefix, "");
        FluvioException copy = e instanceof TransportException ? new TransportException(message, e)
                : new FluvioException(e.error(), message, e);
        return copy;
    }

    @Override
    public TimeSource time() {
        return cluster.time();
    }

    @Override
    public String describe() {
        return cluster.describe() + " (names prefixed with " + prefix + ")";
    }

    @Override
    public void createTopic(String name, TopicSpec spec, boolean dryRun) {
        // A prefix can make an invalid name valid ("-x" becomes "p--x"): judge the test's own name by
        // the SC's rule (L3) first, with the SC's answer.
        if (name.isEmpty() || !org.fluviokit.protocol.TopicNames.isValid(name)) {
            throw FluvioErrors.admin(org.fluviokit.protocol.CodedError.of(org.fluviokit.protocol.ErrorCode.TOPIC_INVALID_NAME),
                    "Invalid topic name: '" + name + "'");
        }
        try {
            cluster.createTopic(in(name), spec, dryRun);
        } catch (FluvioException e) {
            throw translated(e);
        }
    }

    @Override
    public void deleteTopic(String name, boolean force) {
        try {
            cluster.deleteTopic(isSystem(name) ? name : in(name), force);
        } catch (FluvioException e) {
            throw translated(e);
        }
    }

    @Override
    public List<TopicMetadata> listTopics() {
        List<TopicMetadata> mine = new ArrayList<>();
        for (TopicMetadata topic : cluster.listTopics()) {
            if (topic.spec().system()) {
                mine.add(topic);
            } else if (topic.name().startsWith(prefix)) {
                mine.add(new TopicMetadata(out(topic.name()), topic.spec(), topic.status(), topic.reason(),
                        topic.partitions()));
            }
        }
        return mine;
    }

    @Override
    public Optional<TopicMetadata> topic(String name) {
        String physical = isSystem(name) ? name : in(name);
        return cluster.topic(physical).map(topic -> new TopicMetadata(name, topic.spec(), topic.status(),
                topic.reason(), topic.partitions()));
    }

    @Override
    public boolean producesInProcess() {
        return cluster.producesInProcess();
    }

    @Override
    public long produce(String topic, int partition, List<OutgoingRecord> records) {
        try {
            return cluster.produce(in(topic), partition, records);
        } catch (FluvioException e) {
            throw translated(e);
        }
    }

    @Override
    public Offsets fetchOffsets(String topic, int partition) {
        try {
            return cluster.fetchOffsets(in(topic), partition);
        } catch (FluvioException e) {
            throw translated(e);
        }
    }

    @Override
    public StreamHandle streamFetch(String topic, int partition, long fetchOffset, int maxBytes, String consumerId,
                                    Runnable onData) {
        StreamHandle stream;
        try {
            stream = cluster.streamFetch(in(topic), partition, fetchOffset, maxBytes, in(consumerId), onData);
        } catch (FluvioException e) {
            throw translated(e);
        }
        return new StreamHandle() {
            @Override
            public int streamId() {
                return stream.streamId();
            }

            @Override
            public StreamResponse poll() {
                try {
                    return stream.poll();
                } catch (FluvioException e) {
                    throw translated(e);
                }
            }

            @Override
            public void acknowledge(long nextOffset) {
                stream.acknowledge(nextOffset);
            }

            @Override
            public CompletableFuture<org.fluviokit.protocol.CodedError> updateConsumerOffset(long offset) {
                return stream.updateConsumerOffset(offset);
            }

            @Override
            public void close() {
                stream.close();
            }
        };
    }

    @Override
    public List<ConsumerOffset> fetchConsumerOffsets(String topic, Integer partition, String consumerId) {
        List<ConsumerOffset> mine = new ArrayList<>();
        try {
            for (ConsumerOffset offset : cluster.fetchConsumerOffsets(in(topic), partition, in(consumerId))) {
                if (offset.topic().startsWith(prefix) && offset.consumerId().startsWith(prefix)) {
                    mine.add(new ConsumerOffset(out(offset.consumerId()), out(offset.topic()), offset.partition(),
                            offset.offset(), offset.modifiedTime()));
                }
            }
        } catch (FluvioException e) {
            throw translated(e);
        }
        return mine;
    }

    @Override
    public void deleteConsumerOffset(String consumerId, String topic, int partition) {
        try {
            cluster.deleteConsumerOffset(in(consumerId), in(topic), partition);
        } catch (FluvioException e) {
            throw translated(e);
        }
    }

    @Override
    public void close() {
        cluster.close();
    }

    private static boolean isSystem(String name) {
        return "consumer-offset".equals(name);
    }
}
