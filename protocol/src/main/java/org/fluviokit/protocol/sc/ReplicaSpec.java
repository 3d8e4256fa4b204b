package org.fluviokit.protocol.sc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * How a topic's partitions are laid out (spec §3.5.1), a u8-tagged enum: tag 0 {@link Assigned},
 * tag 1 {@link Computed}, tag 2 {@link Mirror}. As for every Fluvio enum, the variants are not
 * version-gated (§1.5).
 */
public sealed interface ReplicaSpec {

    /**
     * Tag 0: explicit replica assignment, one map per partition.
     *
     * @param maps one per partition
     */
    record Assigned(List<PartitionMap> maps) implements ReplicaSpec {
        public Assigned {
            maps = List.copyOf(maps);
        }
    }

    /**
     * Tag 1: the SC chooses the assignment ({@code fluvio topic create -p N -r R}).
     *
     * @param partitions            u32 partition count
     * @param replicationFactor     u32
     * @param ignoreRackAssignment  bool
     */
    record Computed(int partitions, int replicationFactor, boolean ignoreRackAssignment) implements ReplicaSpec {
    }

    /**
     * Tag 2: a mirror topic.
     *
     * @param config home or remote side
     */
    record Mirror(MirrorConfig config) implements ReplicaSpec {
        public Mirror {
            Objects.requireNonNull(config, "config");
        }
    }

    /**
     * Fluvio's {@code PartitionMap}.
     *
     * @param id       u32 partition
     * @param replicas SPU ids, leader first
     * @param mirror   v≥14
     */
    record PartitionMap(int id, List<Integer> replicas, Optional<PartitionMirrorConfig> mirror) {
        public PartitionMap {
            replicas = List.copyOf(replicas);
            Objects.requireNonNull(mirror, "mirror");
        }
    }

    /** The topic's partition count: {@code partitions} when Computed, else the number of entries (§3.5.1). */
    default int partitionCount() {
        if (this instanceof Computed c) {
            return c.partitions();
        }
        if (this instanceof Assigned a) {
            return a.maps().size();
        }
        return ((Mirror) this).config().partitionCount();
    }

    default void encode(WireWriter out, short version) {
        if (this instanceof Assigned a) {
            out.u8(0).vec(a.maps(), (w, map) -> {
                w.u32(Integer.toUnsignedLong(map.id()));
                w.vec(map.replicas(), WireWriter::i32);
                if (version >= 14) {
                    w.option(map.mirror(), (mw, m) -> m.encode(mw, version));
                }
            });
        } else if (this instanceof Computed c) {
            out.u8(1).u32(Integer.toUnsignedLong(c.partitions()))
                    .u32(Integer.toUnsignedLong(c.replicationFactor())).bool(c.ignoreRackAssignment());
        } else if (this instanceof Mirror m) {
            out.u8(2);
            m.config().encode(out, version);
        }
    }

    static ReplicaSpec decode(WireReader in, short version) {
        int at = in.position();
        int tag = in.u8("replicas");
        return switch (tag) {
            case 0 -> new Assigned(in.vec("partition maps", r -> new PartitionMap(
                    (int) r.u32("partition id"),
                    r.vec("replicas", rr -> rr.i32("replica")),
                    version >= 14
                            ? r.option("partition mirror", mr -> PartitionMirrorConfig.decode(mr, version))
                            : Optional.empty())));
            case 1 -> new Computed((int) in.u32("partitions"), (int) in.u32("replication_factor"),
                    in.bool("ignore_rack_assignment"));
            case 2 -> new Mirror(MirrorConfig.decode(in, version));
            default -> throw in.unknownTag("replicas", tag, at);
        };
    }
}
