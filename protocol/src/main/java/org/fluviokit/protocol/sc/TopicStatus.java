package org.fluviokit.protocol.sc;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * A topic's status (spec §3.5.1). Clients only display it. mirror_map is on the wire from v14.
 *
 * @param resolution u8 state
 * @param replicaMap partition → SPU ids (a BTreeMap with a u16 count)
 * @param mirrorMap  partition → mirror config, v≥14
 * @param reason     why the topic is in this state; {@code ""} when provisioned
 */
public record TopicStatus(Resolution resolution, SortedMap<Integer, List<Integer>> replicaMap,
                          SortedMap<Integer, PartitionMirrorConfig> mirrorMap, String reason) {

    /** Fluvio's {@code TopicResolution}; constants in tag order. */
    public enum Resolution {
        INIT, PENDING, INSUFFICIENT_RESOURCES, INVALID_CONFIG, PROVISIONED, DELETING
    }

    public TopicStatus {
        Objects.requireNonNull(resolution, "resolution");
        replicaMap = unsignedKeys(replicaMap);
        replicaMap.replaceAll((k, v) -> List.copyOf(v));
        replicaMap = Collections.unmodifiableSortedMap(replicaMap);
        mirrorMap = Collections.unmodifiableSortedMap(unsignedKeys(mirrorMap));
        Objects.requireNonNull(reason, "reason");
    }

    /** A provisioned topic whose partitions are on these SPUs, as the SC publishes it (§6.3). */
    public static TopicStatus provisioned(SortedMap<Integer, List<Integer>> replicaMap) {
        return new TopicStatus(Resolution.PROVISIONED, replicaMap, new TreeMap<>(), "");
    }

    /** Provisioned, with all {@code partitions} partitions led by one SPU. */
    public static TopicStatus provisioned(int partitions, int spuId) {
        SortedMap<Integer, List<Integer>> map = new TreeMap<>();
        for (int p = 0; p < partitions; p++) {
            map.put(p, List.of(spuId));
        }
        return provisioned(map);
    }

    public void encode(WireWriter out, short version) {
        out.u8(resolution.ordinal());
        out.btreeMap(replicaMap, (w, k) -> w.u32(Integer.toUnsignedLong(k)), (w, v) -> w.vec(v, WireWriter::i32));
        if (version >= 14) {
            out.btreeMap(mirrorMap, (w, k) -> w.u32(Integer.toUnsignedLong(k)), (w, v) -> v.encode(w, version));
        }
        out.string(reason);
    }

    public static TopicStatus decode(WireReader in, short version) {
        Resolution resolution = in.u8Enum("topic resolution", Resolution.values());
        SortedMap<Integer, List<Integer>> replicaMap = in.btreeMap("replica_map", Integer::compareUnsigned,
                r -> (int) r.u32("partition"), r -> r.vec("replicas", rr -> rr.i32("replica")));
        SortedMap<Integer, PartitionMirrorConfig> mirrorMap = version >= 14
                ? in.btreeMap("mirror_map", Integer::compareUnsigned, r -> (int) r.u32("partition"),
                        r -> PartitionMirrorConfig.decode(r, version))
                : new TreeMap<>();
        return new TopicStatus(resolution, replicaMap, mirrorMap, in.string("reason"));
    }

    /** Partition ids are u32: order them as Fluvio's BTreeMap does. */
    private static <V> SortedMap<Integer, V> unsignedKeys(SortedMap<Integer, V> map) {
        SortedMap<Integer, V> copy = new TreeMap<>(Integer::compareUnsigned);
        copy.putAll(map);
        return copy;
    }
}
