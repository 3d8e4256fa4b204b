package org.fluviokit.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How the client talks to a real cluster: how long it waits to connect, for a response, and for
 * the cluster's metadata. The defaults are Fluvio's: 60 s per request ({@code FLV_SOCKET_WAIT}) and
 * 60 s for the first metadata ({@code FLV_METADATA_TIMEOUT}), which the environment variables change
 * as they change Fluvio's client.
 *
 * @param connectTimeout  how long to wait for a TCP connection
 * @param requestTimeout  how long to wait for one response
 * @param metadataTimeout how long to wait for the cluster's metadata (topics, partitions, SPUs)
 * @param clientId        the client id sent with requests ({@code fluvio} as Fluvio's library sends)
 * @param deleteSettleTime how long after this JVM deleted a topic on the cluster it waits before
 *                        creating one: a 0.18 SC that gets a Create within about a second of a
 *                        Delete often never provisions the new topic and the Create times out after
 *                        a minute (REAL-CLUSTER.md #13); 2 s by default, none for the embedded fake
 */
public record ClusterSettings(Duration connectTimeout, Duration requestTimeout, Duration metadataTimeout,
                              String clientId, Duration deleteSettleTime) {

    public ClusterSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(metadataTimeout, "metadataTimeout");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(deleteSettleTime, "deleteSettleTime");
    }

    /** Fluvio's defaults, adjusted by {@code FLV_SOCKET_WAIT} (seconds) and {@code FLV_METADATA_TIMEOUT} (ms). */
    public static ClusterSettings defaults() {
        return new ClusterSettings(Duration.ofSeconds(10),
                Duration.ofSeconds(number("FLV_SOCKET_WAIT", 60)),
                Duration.ofMillis(number("FLV_METADATA_TIMEOUT", 60_000)),
                "fluvio", Duration.ofSeconds(2));
    }

    public ClusterSettings withRequestTimeout(Duration timeout) {
        return new ClusterSettings(connectTimeout, timeout, metadataTimeout, clientId, deleteSettleTime);
    }

    public ClusterSettings withConnectTimeout(Duration timeout) {
        return new ClusterSettings(timeout, requestTimeout, metadataTimeout, clientId, deleteSettleTime);
    }

    public ClusterSettings withMetadataTimeout(Duration timeout) {
        return new ClusterSettings(connectTimeout, requestTimeout, timeout, clientId, deleteSettleTime);
    }

    public ClusterSettings withClientId(String id) {
        return new ClusterSettings(connectTimeout, requestTimeout, metadataTimeout, id, deleteSettleTime);
    }

    public ClusterSettings withDeleteSettleTime(Duration settle) {
        return new ClusterSettings(connectTimeout, requestTimeout, metadataTimeout, clientId, settle);
    }

    private static long number(String variable, long fallback) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
