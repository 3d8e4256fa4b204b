package org.fluviokit.client;

import java.util.ArrayList;
import java.util.List;

import org.fluviokit.client.spi.Transport;

/** Topic administration, as Fluvio's {@code FluvioAdmin}: requests to the cluster's SC. */
public final class FluvioAdmin {

    private final Transport transport;

    FluvioAdmin(Transport transport) {
        this.transport = transport;
    }

    /**
     * Creates a topic with {@code partitions} partitions and one replica each.
     *
     * @throws FluvioException {@code Topic already exists}; {@code Invalid topic name: …} for a name
     *                         breaking Fluvio's rule (L3); {@code partition must be greater than 0}
     */
    public void createTopic(String name, int partitions) {
        createTopic(name, TopicSpec.partitions(partitions));
    }

    /** Creates a topic as {@code spec} describes. */
    public void createTopic(String name, TopicSpec spec) {
        transport.createTopic(name, spec, false);
    }

    /** Validates a topic as the SC would, creating nothing ({@code --dry-run}). */
    public void validateTopic(String name, TopicSpec spec) {
        transport.createTopic(name, spec, true);
    }

    /**
     * Deletes a topic with its records and its consumer offsets (J1).
     *
     * @throws FluvioException {@code Topic not found}; for a system topic
     *                         {@code system topic 'NAME' can only be deleted forcibly} (K3)
     */
    public void deleteTopic(String name) {
        transport.deleteTopic(name, false);
    }

    /** Deletes a topic, system topics included ({@code topic delete --system --force}, K3). */
    public void deleteTopicForcibly(String name) {
        transport.deleteTopic(name, true);
    }

    /** The user topics, without the system ones (as {@code fluvio topic list}, K2). */
    public List<TopicMetadata> listTopics() {
        return filter(false);
    }

    /** Only the system topics ({@code fluvio topic list --system}, K2). */
    public List<TopicMetadata> listSystemTopics() {
        return filter(true);
    }

    private List<TopicMetadata> filter(boolean system) {
        List<TopicMetadata> result = new ArrayList<>();
        for (TopicMetadata topic : transport.listTopics()) {
            if (topic.spec().system() == system) {
                result.add(topic);
            }
        }
        return result;
    }
}
