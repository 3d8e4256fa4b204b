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
     * A new target: a fake broker, or a cluster (for a cluster this JVM starts, a new one each call).
     * The caller owns it and closes it; {@code @FluvioTest} keeps one per JVM in JUnit's root store.
     *
     * @throws org.fluviokit.client.FluvioException when it cannot be opened, with the reason
     */
    FluvioTarget open(TargetSettings settings);
}
