package org.fluviokit.protocol;

/**
 * Fluvio's API keys (the u16 {@code api_key} of {@link RequestHeader}) and current versions
 * (spec §3.1).
 *
 * <p>The SC and SPU number their APIs independently and the numbers <b>overlap</b>: 1002 is Delete
 * on the SC but FetchOffsets on an SPU, 1003 List vs StreamFetch, 1005 Mirroring vs UpdateOffsets,
 * 1006 Update vs UpdateConsumerOffset (§2.1). A server must therefore know which role a connection
 * plays before it can interpret a key, which is why the constants live in {@link Sc} and
 * {@link Spu}.
 */
public final class ApiKey {

    /** ApiVersions, the first request on every connection to either server (§1.8, §3.2). */
    public static final int API_VERSIONS = 18;

    private ApiKey() {
    }

    /** Streaming controller public APIs ({@code AdminPublicApiKey}). */
    public static final class Sc {
        /** The SC's {@code COMMON_VERSION}: the version current clients send (§3.1). */
        public static final short CURRENT_VERSION = 19;

        public static final int API_VERSIONS = ApiKey.API_VERSIONS;
        public static final int CREATE = 1001;
        public static final int DELETE = 1002;
        public static final int LIST = 1003;
        public static final int WATCH = 1004;
        public static final int MIRRORING = 1005;
        public static final int UPDATE = 1006;

        private Sc() {
        }
    }

    /** SPU public APIs ({@code SpuServerApiKey}). */
    public static final class Spu {
        /** The SPU's {@code COMMON_VERSION}: the version current clients send (§3.1). */
        public static final short CURRENT_VERSION = 25;

        public static final int API_VERSIONS = ApiKey.API_VERSIONS;
        public static final int PRODUCE = 0;
        /** Kafka-style multi-partition fetch; not used by Fluvio clients (§3.6.9). */
        public static final int FETCH = 1;
        public static final int FETCH_OFFSETS = 1002;
        public static final int STREAM_FETCH = 1003;
        public static final int UPDATE_OFFSETS = 1005;
        public static final int UPDATE_CONSUMER_OFFSET = 1006;
        public static final int DELETE_CONSUMER_OFFSET = 1007;
        public static final int FETCH_CONSUMER_OFFSETS = 1008;

        private Spu() {
        }
    }
}
