package org.fluviokit.protocol.sc;

import java.util.Objects;

import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * How one partition takes part in mirroring (spec §3.5.2): tag 0 {@link Remote}, tag 1
 * {@link Home}. The boolean of each variant is on the wire from v18.
 */
public sealed interface PartitionMirrorConfig {

    /**
     * Fluvio's {@code RemotePartitionConfig}: this partition mirrors a home cluster's.
     *
     * @param homeCluster     home cluster name
     * @param homeSpuKey      home SPU key
     * @param homeSpuId       home SPU id
     * @param homeSpuEndpoint home SPU endpoint
     * @param target          v≥18
     */
    record Remote(String homeCluster, String homeSpuKey, int homeSpuId, String homeSpuEndpoint,
                  boolean target) implements PartitionMirrorConfig {
        public Remote {
            Objects.requireNonNull(homeCluster, "homeCluster");
            Objects.requireNonNull(homeSpuKey, "homeSpuKey");
            Objects.requireNonNull(homeSpuEndpoint, "homeSpuEndpoint");
        }
    }

    /**
     * Fluvio's {@code HomePartitionConfig}: this partition is mirrored to a remote cluster.
     *
     * @param remoteCluster remote cluster name
     * @param remoteReplica remote replica key
     * @param source        v≥18
     */
    record Home(String remoteCluster, String remoteReplica, boolean source) implements PartitionMirrorConfig {
        public Home {
            Objects.requireNonNull(remoteCluster, "remoteCluster");
            Objects.requireNonNull(remoteReplica, "remoteReplica");
        }

        void encodeFields(WireWriter out, short version) {
            out.string(remoteCluster).string(remoteReplica);
            if (version >= 18) {
                out.bool(source);
            }
        }

        static Home decodeFields(WireReader in, short version) {
            return new Home(in.string("remote_cluster"), in.string("remote_replica"),
                    version >= 18 && in.bool("source"));
        }
    }

    default void encode(WireWriter out, short version) {
        if (this instanceof Remote r) {
            out.u8(0).string(r.homeCluster()).string(r.homeSpuKey()).i32(r.homeSpuId())
                    .string(r.homeSpuEndpoint());
            if (version >= 18) {
                out.bool(r.target());
            }
        } else if (this instanceof Home h) {
            out.u8(1);
            h.encodeFields(out, version);
        }
    }

    static PartitionMirrorConfig decode(WireReader in, short version) {
        int at = in.position();
        int tag = in.u8("partition mirror config");
        return switch (tag) {
            case 0 -> new Remote(in.string("home_cluster"), in.string("home_spu_key"),
                    in.i32("home_spu_id"), in.string("home_spu_endpoint"),
                    version >= 18 && in.bool("target"));
            case 1 -> Home.decodeFields(in, version);
            default -> throw in.unknownTag("partition mirror config", tag, at);
        };
    }
}
