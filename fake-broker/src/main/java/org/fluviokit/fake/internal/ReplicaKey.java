package org.fluviokit.fake.internal;

import java.util.Objects;

/** A topic partition, as Fluvio names it in consumer-offset requests ({@code ReplicaKey}). */
public record ReplicaKey(String topic, int partition) {
    public ReplicaKey {
        Objects.requireNonNull(topic, "topic");
    }

    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}
