package org.fluviokit.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fluviokit.protocol.ApiVersionsResponse.ApiVersionKey;

/**
 * Every API fluviokit speaks, in one table (wire-protocol §3.1): which server serves it, the
 * versions Fluvio's client accepts (fluviokit's client negotiates within them, and sends the
 * highest when the server does not list the API), and what a Fluvio 0.18 server lists in its
 * ApiVersions answer (the fake's wire server answers with exactly that, in this order).
 */
public enum FluvioApi {

    CREATE(Role.SC, ApiKey.Sc.CREATE, 9, ApiKey.Sc.CURRENT_VERSION, 9, 19),
    DELETE(Role.SC, ApiKey.Sc.DELETE, 1, ApiKey.Sc.CURRENT_VERSION, 1, 19),
    LIST(Role.SC, ApiKey.Sc.LIST, 15, ApiKey.Sc.CURRENT_VERSION, 15, 19),
    WATCH(Role.SC, ApiKey.Sc.WATCH, 15, ApiKey.Sc.CURRENT_VERSION, 15, 19),
    /** Remote clusters only; listed, never sent. */
    MIRRORING(Role.SC, ApiKey.Sc.MIRRORING, 14, ApiKey.Sc.CURRENT_VERSION, 14, 19),
    /** Adding partitions or mirrors; listed, never sent. */
    UPDATE(Role.SC, ApiKey.Sc.UPDATE, 1, ApiKey.Sc.CURRENT_VERSION, 1, 19),

    PRODUCE(Role.SPU, ApiKey.Spu.PRODUCE, 0, ApiKey.Spu.CURRENT_VERSION, 0, 25),
    /** Kafka-style fetch; listed, never sent by Fluvio clients (§3.6.9). */
    FETCH(Role.SPU, ApiKey.Spu.FETCH, 0, ApiKey.Spu.CURRENT_VERSION, 0, 25),
    FETCH_OFFSETS(Role.SPU, ApiKey.Spu.FETCH_OFFSETS, 23, ApiKey.Spu.CURRENT_VERSION, 25, 25),
    STREAM_FETCH(Role.SPU, ApiKey.Spu.STREAM_FETCH, 23, ApiKey.Spu.CURRENT_VERSION, 0, 25),
    UPDATE_OFFSETS(Role.SPU, ApiKey.Spu.UPDATE_OFFSETS, 0, 0, 0, 0),
    /** Not listed by the SPU: clients send their highest version. */
    UPDATE_CONSUMER_OFFSET(Role.SPU, ApiKey.Spu.UPDATE_CONSUMER_OFFSET, 23, ApiKey.Spu.CURRENT_VERSION, -1, -1),
    DELETE_CONSUMER_OFFSET(Role.SPU, ApiKey.Spu.DELETE_CONSUMER_OFFSET, 23, ApiKey.Spu.CURRENT_VERSION, -1, -1),
    FETCH_CONSUMER_OFFSETS(Role.SPU, ApiKey.Spu.FETCH_CONSUMER_OFFSETS, 23, ApiKey.Spu.CURRENT_VERSION, -1, -1);

    /** The server an API belongs to: SC and SPU number their APIs independently (§2.1). */
    public enum Role {
        SC, SPU
    }

    /**
     * StreamFetch's highest version for a client that sent no {@code client_version} (Fluvio
     * 0.9.12 and older): what the SPU lists for it instead of {@link #STREAM_FETCH}'s (§3.1).
     */
    public static final short LEGACY_STREAM_FETCH_MAX = 15;

    private final Role role;
    private final int key;
    private final short clientMin;
    private final short clientMax;
    private final short listedMin;
    private final short listedMax;

    FluvioApi(Role role, int key, int clientMin, int clientMax, int listedMin, int listedMax) {
        this.role = role;
        this.key = key;
        this.clientMin = (short) clientMin;
        this.clientMax = (short) clientMax;
        this.listedMin = (short) listedMin;
        this.listedMax = (short) listedMax;
    }

    public Role role() {
        return role;
    }

    /** The {@code api_key} of the request header. */
    public int key() {
        return key;
    }

    /** The lowest version Fluvio's client speaks. */
    public short clientMin() {
        return clientMin;
    }

    /** The highest version Fluvio's client speaks: what it sends when the server lists a higher one, or none. */
    public short clientMax() {
        return clientMax;
    }

    /** What a Fluvio 0.18 server lists for this API in its ApiVersions answer; empty when it lists nothing. */
    public Optional<ApiVersionKey> listed() {
        return listedMax < 0 ? Optional.empty() : Optional.of(ApiVersionKey.of(key, listedMin, listedMax));
    }

    /** The ApiVersions list of a Fluvio 0.18 server of {@code role}, in the server's order. */
    public static List<ApiVersionKey> listedBy(Role role) {
        List<ApiVersionKey> keys = new ArrayList<>();
        for (FluvioApi api : values()) {
            if (api.role == role) {
                api.listed().ifPresent(keys::add);
            }
        }
        return List.copyOf(keys);
    }

    /**
     * The version to send this API at to a server that listed {@code serverKeys}: the highest both
     * speak (§1.7); when the server does not list it, {@link #clientMax()} for an SPU API (as
     * Fluvio's SPU sockets fall back to their default) and empty for an SC API (Fluvio's admin
     * client then fails); empty too when it lists only versions the client does not speak.
     */
    public Optional<Short> negotiate(List<ApiVersionKey> serverKeys) {
        boolean listedByServer = serverKeys.stream().anyMatch(listed -> listed.apiKey() == key);
        if (!listedByServer) {
            return role == Role.SPU ? Optional.of(clientMax) : Optional.empty();
        }
        return ApiVersionsResponse.negotiate(serverKeys, key, clientMin, clientMax);
    }
}
