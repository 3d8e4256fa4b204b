package org.fluviokit.testkit.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.fluviokit.client.FluvioTarget;
import org.fluviokit.client.spi.FluvioTargetProvider;
import org.fluviokit.client.spi.TargetSettings;
import org.fluviokit.testkit.LocalCluster;

/** {@code local}: a real Fluvio cluster started from the user's own {@code fluvio-run} ({@link LocalCluster}). */
public final class LocalTargetProvider implements FluvioTargetProvider {

    @Override
    public String name() {
        return "local";
    }

    @Override
    public Optional<String> unavailable(TargetSettings settings) {
        Map<String, String> properties = properties(settings);
        return LocalCluster.findFluvioRun(properties, settings.environment()).isPresent() ? Optional.empty()
                : Optional.of(LocalCluster.notFound(properties, settings.environment()));
    }

    @Override
    public FluvioTarget open(TargetSettings settings) {
        Map<String, String> properties = properties(settings);
        return LocalCluster.start(LocalCluster.findFluvioRun(properties, settings.environment())
                .orElseThrow(() -> new org.fluviokit.client.FluvioException(org.fluviokit.protocol.ErrorCode.OTHER,
                        LocalCluster.notFound(properties, settings.environment()))));
    }

    /** The one setting the binary search reads, from wherever these settings read theirs. */
    private static Map<String, String> properties(TargetSettings settings) {
        Map<String, String> properties = new HashMap<>();
        settings.get(LocalCluster.FLUVIO_RUN_PROPERTY).ifPresent(value -> properties.put(LocalCluster.FLUVIO_RUN_PROPERTY, value));
        return properties;
    }
}
