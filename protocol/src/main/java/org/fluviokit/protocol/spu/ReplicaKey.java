package org.fluviokit.protocol.spu;

import java.util.Objects;

import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * A partition of a topic, Fluvio's {@code ReplicaKey}: {@code {topic string, partition u32}}.
 *
 * @param topic     topic name
 * @param partition partition index (u32)
 */
public record ReplicaKey(String topic, int partition) {

    public ReplicaKey {
        Objects.requireNonNull(topic, "topic");
    }

    void encode(WireWriter out) {
        out.string(topic).u32(Integer.toUnsignedLong(partition));
    }

    static ReplicaKey decode(WireReader in) {
        return new ReplicaKey(in.string("replica topic"), (int) in.u32("replica partition"));
    }
}
