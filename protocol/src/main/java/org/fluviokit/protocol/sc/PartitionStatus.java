package org.fluviokit.protocol.sc;

import java.util.List;
import java.util.Objects;

import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * A partition's status (spec §3.5.2). Producers use {@code resolution} (only {@link
 * Resolution#ONLINE} partitions are "available", §5.2). Version gates: size v≥5 (absent:
 * {@link #SIZE_NOT_SUPPORTED}), base_offset v≥16 (absent: 0).
 *
 * @param resolution     u8 state
 * @param leader         the leader's replica status
 * @param lsr            u32 followers in sync (the name is Fluvio's historic typo)
 * @param replicas       the followers' statuses
 * @param size           bytes, {@link #SIZE_ERROR} or {@link #SIZE_NOT_SUPPORTED}; v≥5
 * @param isBeingDeleted bool
 * @param baseOffset     log start offset; v≥16
 */
public record PartitionStatus(Resolution resolution, ReplicaStatus leader, int lsr,
                              List<ReplicaStatus> replicas, long size, boolean isBeingDeleted,
                              long baseOffset) {

    public static final long SIZE_ERROR = -1;
    public static final long SIZE_NOT_SUPPORTED = -2;

    /** Fluvio's {@code PartitionResolution}; constants in tag order. */
    public enum Resolution {
        OFFLINE, ONLINE, LEADER_OFFLINE, ELECTION_LEADER_FOUND, OUT_OF_STORAGE
    }

    /**
     * Fluvio's {@code ReplicaStatus}.
     *
     * @param spu SPU id
     * @param hw  high watermark
     * @param leo log end offset
     */
    public record ReplicaStatus(int spu, long hw, long leo) {
        void encode(WireWriter out) {
            out.i32(spu).i64(hw).i64(leo);
        }

        static ReplicaStatus decode(WireReader in) {
            return new ReplicaStatus(in.i32("replica spu"), in.i64("replica hw"), in.i64("replica leo"));
        }
    }

    public PartitionStatus {
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(leader, "leader");
        replicas = List.copyOf(replicas);
    }

    /**
     * An online partition with replication 1, as a fake publishes it (§6.3).
     *
     * @param leader     leader SPU id
     * @param nextOffset hw and leo: the next offset to be written
     * @param size       bytes stored, or {@link #SIZE_NOT_SUPPORTED}
     * @param baseOffset log start offset
     */
    public static PartitionStatus online(int leader, long nextOffset, long size, long baseOffset) {
        return new PartitionStatus(Resolution.ONLINE, new ReplicaStatus(leader, nextOffset, nextOffset),
                0, List.of(), size, false, baseOffset);
    }

    public void encode(WireWriter out, short version) {
        out.u8(resolution.ordinal());
        leader.encode(out);
        out.u32(Integer.toUnsignedLong(lsr));
        out.vec(replicas, (w, r) -> r.encode(w));
        if (version >= 5) {
            out.i64(size);
        }
        out.bool(isBeingDeleted);
        if (version >= 16) {
            out.i64(baseOffset);
        }
    }

    public static PartitionStatus decode(WireReader in, short version) {
        Resolution resolution = in.u8Enum("partition resolution", Resolution.values());
        ReplicaStatus leader = ReplicaStatus.decode(in);
        int lsr = (int) in.u32("lsr");
        List<ReplicaStatus> replicas = in.vec("replicas", ReplicaStatus::decode);
        long size = version >= 5 ? in.i64("size") : SIZE_NOT_SUPPORTED;
        boolean isBeingDeleted = in.bool("is_being_deleted");
        long baseOffset = version >= 16 ? in.i64("base_offset") : 0;
        return new PartitionStatus(resolution, leader, lsr, replicas, size, isBeingDeleted, baseOffset);
    }
}
