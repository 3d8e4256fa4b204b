package org.fluviokit.testkit.internal;

import java.time.Duration;
import java.util.List;

import org.fluviokit.client.ClusterSettings;
import org.fluviokit.client.ConsumerOffset;
import org.fluviokit.client.Fluvio;
import org.fluviokit.client.FluvioTarget;

/**
 * How the kit tells that a cluster it started or restarted is ready: it lists consumer offsets,
 * which works once the {@code consumer-offset} partition is online (REAL-CLUSTER.md #10). Timeouts
 * are short, so that one try on a cluster without partitions yet does not take Fluvio's 60 s (#9).
 */
public final class ConsumerOffsetProbe {

    private static final ClusterSettings SETTINGS = ClusterSettings.defaults().withConnectTimeout(Duration.ofSeconds(2))
            .withRequestTimeout(Duration.ofSeconds(5)).withMetadataTimeout(Duration.ofSeconds(5));

    private ConsumerOffsetProbe() {
    }

    /**
     * The consumer offsets the cluster at {@code endpoint} lists now.
     *
     * @throws org.fluviokit.client.FluvioException while it cannot answer
     */
    public static List<ConsumerOffset> list(String endpoint) {
        try (Fluvio fluvio = Fluvio.connect(FluvioTarget.cluster(endpoint, SETTINGS))) {
            return fluvio.consumerOffsets();
        }
    }
}
