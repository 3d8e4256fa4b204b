package org.fluviokit.testcontainers;

import java.time.Duration;

import com.github.dockerjava.api.command.InspectContainerResponse;
import org.fluviokit.client.FluvioTarget;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * A one-SC, one-SPU Fluvio cluster in a Docker container, from Fluvio's own image (which holds
 * only {@code fluvio-run}).
 *
 * <p>A client reaches an SPU at the address the SC publishes for it, so the SPU must be registered
 * with the address and port Docker mapped on the host, which are only known once the container
 * runs. As Testcontainers' Kafka module does, the container waits for a starter script that is
 * copied in when the ports are known: it writes the SPU's registration into the SC's local
 * metadata, starts the SC, then the SPU, and reports when both listen.
 *
 * <pre>{@code
 * try (FluvioContainer fluvio = new FluvioContainer()) {
 *     fluvio.start();
 *     Fluvio client = Fluvio.connect(fluvio.target());
 * }
 * }</pre>
 *
 * Not verified against a Docker engine by fluviokit's own CI (none is available there); see the README.
 */
public class FluvioContainer extends GenericContainer<FluvioContainer> {

    /** Fluvio's image; tags are Fluvio versions. */
    public static final DockerImageName IMAGE = DockerImageName.parse("infinyon/fluvio");
    /** The Fluvio version whose behaviour fluviokit reproduces. */
    public static final String DEFAULT_TAG = "0.18.1";

    static final int SC_PUBLIC_PORT = 9003;
    static final int SC_PRIVATE_PORT = 9004;
    static final int SPU_PUBLIC_PORT = 9010;
    static final int SPU_PRIVATE_PORT = 9011;
    static final int SPU_ID = 5001;
    static final String STARTER_SCRIPT = "/fluviokit-start.sh";
    static final String READY_LINE = "fluviokit: cluster ready";

    /** {@code infinyon/fluvio:0.18.1}. */
    public FluvioContainer() {
        this(IMAGE.withTag(DEFAULT_TAG));
    }

    /** Another tag or a compatible image (declare it with {@code asCompatibleSubstituteFor("infinyon/fluvio")}). */
    public FluvioContainer(DockerImageName image) {
        super(image);
        image.assertCompatibleWith(IMAGE);
        withExposedPorts(SC_PUBLIC_PORT, SPU_PUBLIC_PORT);
        withEnv("RUST_LOG", "info");
        withCommand("sh", "-c", "while [ ! -f " + STARTER_SCRIPT + " ]; do sleep 0.1; done; exec sh " + STARTER_SCRIPT);
        waitingFor(Wait.forLogMessage(".*" + READY_LINE + ".*", 1).withStartupTimeout(Duration.ofMinutes(2)));
    }

    /**
     * A started container of {@code image} (e.g. {@code infinyon/fluvio:0.18.1}, or a local image
     * built from Fluvio's {@code fluvio-run}): what {@code @FluvioTest} uses, once per JVM, for the
     * target {@code container}. Stop it when done.
     */
    public static FluvioContainer start(String image) {
        FluvioContainer container = new FluvioContainer(DockerImageName.parse(image).asCompatibleSubstituteFor(IMAGE));
        container.start();
        return container;
    }

    /** Whether a Docker engine can be reached (Testcontainers' own test, as {@code disabledWithoutDocker} uses). */
    public static boolean isDockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    /** The SC's public endpoint on the host, {@code host:port}. */
    public String getEndpoint() {
        return getHost() + ":" + getMappedPort(SC_PUBLIC_PORT);
    }

    /** The cluster as a fluviokit target. */
    public FluvioTarget target() {
        return FluvioTarget.cluster(getEndpoint());
    }

    @Override
    protected void containerIsStarting(InspectContainerResponse containerInfo) {
        copyFileToContainer(Transferable.of(starterScript(getHost(), getMappedPort(SPU_PUBLIC_PORT)), 0755),
                STARTER_SCRIPT);
    }

    /**
     * The script that starts the cluster, registering the SPU with the public address clients use
     * ({@code host:port} as mapped on the Docker host).
     */
    static String starterScript(String publicHost, int publicSpuPort) {
        return "#!/bin/sh\n"
                + "set -e\n"
                + "mkdir -p /fluvio/metadata/SPU /fluvio/data\n"
                // The SC's local metadata store reads this file as a registered custom SPU.
                + "cat > /fluvio/metadata/SPU/custom-spu-" + SPU_ID + ".yaml <<'EOF'\n"
                + spuRegistration(publicHost, publicSpuPort)
                + "EOF\n"
                + "./fluvio-run sc --local /fluvio/metadata --bind-public 0.0.0.0:" + SC_PUBLIC_PORT
                + " --bind-private 127.0.0.1:" + SC_PRIVATE_PORT + " &\n"
                + "until nc -z 127.0.0.1 " + SC_PRIVATE_PORT + "; do sleep 0.1; done\n"
                + "./fluvio-run spu -i " + SPU_ID + " -p 0.0.0.0:" + SPU_PUBLIC_PORT + " -v 127.0.0.1:" + SPU_PRIVATE_PORT
                + " --sc-addr 127.0.0.1:" + SC_PRIVATE_PORT + " --log-base-dir /fluvio/data &\n"
                + "until nc -z 127.0.0.1 " + SPU_PUBLIC_PORT + " && grep -q 'resolution: Online' "
                + "/fluvio/metadata/SPU/custom-spu-" + SPU_ID + ".yaml; do sleep 0.1; done\n"
                + "echo '" + READY_LINE + "'\n"
                + "wait\n";
    }

    /** A custom SPU as the SC's local metadata store keeps it (one YAML file per object). */
    static String spuRegistration(String publicHost, int publicSpuPort) {
        return "!1.0.0\n"
                + "meta:\n"
                + "  id: custom-spu-" + SPU_ID + "\n"
                + "  revision: 0\n"
                + "key: custom-spu-" + SPU_ID + "\n"
                + "status:\n"
                + "  resolution: Init\n"
                + "spec:\n"
                + "  spuId: " + SPU_ID + "\n"
                + "  spuType: Custom\n"
                + "  publicEndpoint:\n"
                + "    port: " + publicSpuPort + "\n"
                + "    ingress:\n"
                + "    - hostname: " + publicHost + "\n"
                + "      ip: null\n"
                + "    encryption: PLAINTEXT\n"
                + "  privateEndpoint:\n"
                + "    port: " + SPU_PRIVATE_PORT + "\n"
                + "    host: 127.0.0.1\n"
                + "    encryption: PLAINTEXT\n";
    }
}
