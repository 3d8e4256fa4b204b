package org.fluviokit.testkit.internal;

import java.util.Optional;

import org.fluviokit.client.FluvioException;
import org.fluviokit.client.FluvioTarget;
import org.fluviokit.client.spi.FluvioTargetProvider;
import org.fluviokit.client.spi.TargetSettings;
import org.fluviokit.junit.FluvioTest;
import org.fluviokit.protocol.CodedError;
import org.fluviokit.testcontainers.FluvioContainer;

/**
 * {@code container}: Fluvio in Docker ({@link FluvioContainer}), image
 * {@value FluvioTest#CONTAINER_IMAGE_PROPERTY} (default {@value FluvioTest#DEFAULT_CONTAINER_IMAGE}). Testcontainers is an optional dependency of the testkit: only
 * this class touches it, and only when the container target is asked for.
 */
public final class ContainerTargetProvider implements FluvioTargetProvider {

    @Override
    public String name() {
        return "container";
    }

    @Override
    public Optional<String> unavailable(TargetSettings settings) {
        try {
            // As Testcontainers' disabledWithoutDocker: visible as skipped, never passed.
            return FluvioContainer.isDockerAvailable() ? Optional.empty()
                    : Optional.of("Docker is not available: the container target runs Fluvio in a Docker container");
        } catch (NoClassDefFoundError missing) {
            return Optional.of("the container target needs Testcontainers: add org.testcontainers:testcontainers"
                    + " to the test classpath");
        }
    }

    @Override
    public FluvioTarget open(TargetSettings settings) {
        String image = settings.get(FluvioTest.CONTAINER_IMAGE_PROPERTY).orElse(FluvioTest.DEFAULT_CONTAINER_IMAGE);
        try {
            return new ContainerCluster(FluvioContainer.start(image));
        } catch (RuntimeException e) {
            // Not Testcontainers' exception types here: without Testcontainers this class must still load.
            throw new FluvioException(CodedError.other(e.getMessage()), e.getMessage(), e);
        }
    }

    private static final class ContainerCluster extends FluvioTarget {
        private final FluvioContainer container;

        ContainerCluster(FluvioContainer container) {
            super(container.target());
            this.container = container;
        }

        @Override
        public String describe() {
            return "container " + container.getDockerImageName() + " at " + container.getEndpoint();
        }

        @Override
        public void close() {
            container.stop();
        }
    }
}
