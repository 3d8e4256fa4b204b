package org.fluviokit.protocol.sc;

import java.util.List;
import java.util.Objects;

import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * A mirror topic's configuration, the payload of {@link ReplicaSpec.Mirror} (spec §3.5.1):
 * tag 0 {@link Remote}, tag 1 {@link Home}.
 */
public sealed interface MirrorConfig {

    /**
     * Fluvio's {@code RemoteMirrorConfig}.
     *
     * @param homeCluster home cluster name
     * @param homeSpus    the home cluster's SPUs
     * @param target      v≥18
     */
    record Remote(String homeCluster, List<SpuMirrorConfig> homeSpus, boolean target) implements MirrorConfig {
        public Remote {
            Objects.requireNonNull(homeCluster, "homeCluster");
            homeSpus = List.copyOf(homeSpus);
        }
    }

    /**
     * Fluvio's {@code HomeMirrorConfig}: one partition per remote.
     *
     * @param partitions one per partition
     * @param source     v≥18
     */
    record Home(List<PartitionMirrorConfig.Home> partitions, boolean source) implements MirrorConfig {
        public Home {
            partitions = List.copyOf(partitions);
        }
    }

    /**
     * Fluvio's {@code SpuMirrorConfig}.
     *
     * @param id       SPU id
     * @param key      SPU key
     * @param endpoint SPU endpoint
     */
    record SpuMirrorConfig(int id, String key, String endpoint) {
        public SpuMirrorConfig {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(endpoint, "endpoint");
        }
    }

    /** Number of partitions of a topic with this configuration. */
    default int partitionCount() {
        if (this instanceof Remote r) {
            return r.homeSpus().size();
        }
        return ((Home) this).partitions().size();
    }

    default void encode(WireWriter out, short version) {
        if (this instanceof Remote r) {
            out.u8(0).string(r.homeCluster());
            out.vec(r.homeSpus(), (w, spu) -> w.i32(spu.id()).string(spu.key()).string(spu.endpoint()));
            if (version >= 18) {
                out.bool(r.target());
            }
        } else if (this instanceof Home h) {
            out.u8(1).vec(h.partitions(), (w, p) -> p.encodeFields(w, version));
            if (version >= 18) {
                out.bool(h.source());
            }
        }
    }

    static MirrorConfig decode(WireReader in, short version) {
        int at = in.position();
        int tag = in.u8("mirror config");
        return switch (tag) {
            case 0 -> new Remote(in.string("home_cluster"),
                    in.vec("home_spus", r -> new SpuMirrorConfig(r.i32("spu id"), r.string("spu key"),
                            r.string("spu endpoint"))),
                    version >= 18 && in.bool("target"));
            case 1 -> new Home(in.vec("home partitions", r -> PartitionMirrorConfig.Home.decodeFields(r, version)),
                    version >= 18 && in.bool("source"));
            default -> throw in.unknownTag("mirror config", tag, at);
        };
    }
}
