package org.fluviokit.client.spi;

import java.util.Optional;

import org.fluviokit.client.FluvioTarget;

/**
 * A kind of target that {@link FluvioTarget#from(TargetSettings)} can open by name, found with
 * {@link java.util.ServiceLoader}. This artifact provides {@code cluster}; {@code fluviokit-testkit}
 * provides {@code fake}, {@code embedded} (the fake's wire server in this JVM, used as a cluster
 * endpoint), {@code local} and {@code container}.
 */
public interface FluvioTargetProvider {

    /** The name that selects it, in lower case: the value of {@value FluvioTarget#TARGET_PROPERTY}. */
    String name();

    /**
     * Why this target cannot run on this machine (no Docker engine, no {@code fluvio-run}), or empty
     * when it can. Tests and scenarios on an unavailable target are skipped with this reason.
     */
    default Optional<String> unavailable(TargetSettings settings) {
        return Optional.empty();
    }

    /**
     * The target: a new one for a target that is cheap to make (a fake broker), or the one shared by
     * this JVM for a cluster.
     *
     * @throws org.fluviokit.client.FluvioException when it cannot be opened, with the reason
     */
    FluvioTarget open(TargetSettings settings);
}
