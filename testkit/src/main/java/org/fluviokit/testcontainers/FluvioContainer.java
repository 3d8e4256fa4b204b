package org.fluviokit.testcontainers;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import org.fluviokit.client.ClusterSettings;
import org.fluviokit.client.FluvioTarget;
import org.fluviokit.testkit.internal.SpuRegistration;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.ContainerFetchException;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.TransportConfig;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.ImageNameSubstitutor;
import org.testcontainers.utility.TestcontainersConfiguration;

/**
 * A one-SC, one-SPU Fluvio cluster in a Docker container, from Fluvio's own image (which holds
 * only {@code fluvio-run}) or a compatible one.
 *
 * <p>A client reaches an SPU at the address the SC publishes for it, so the SPU must be registered
 * with the address and port Docker mapped on the host, which are only known once the container
 * runs. As Testcontainers' Kafka module does, the container waits for a starter script that is
 * copied in when the ports are known: it writes the SPU's registration into the SC's local
 * metadata, starts the SC, then the SPU. The container is started once the {@code consumer-offset}
 * partition answers, which the SC creates about a second after it starts.
 *
 * <pre>{@code
 * try (FluvioContainer fluvio = new FluvioContainer()) {
 *     fluvio.start();
 *     Fluvio client = Fluvio.connect(fluvio.target());
 *     fluvio.target().restart();   // records and flushed offsets survive; the client reconnects
 * }
 * }</pre>
 *
 * {@link #start()} fails within seconds, naming the image, when an image it needs is neither on the
 * Docker engine nor pullable from there (where Testcontainers would retry the pull for minutes).
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
    /** The SPU's registration as the SC's local metadata store keeps it (the SC rewrites it as the SPU's status changes). */
    static final String SPU_REGISTRATION = "/fluvio/metadata/SPU/custom-spu-" + SPU_ID + ".yaml";
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(2);
    /** The images Testcontainers 2.0.5 pulls for itself (its configuration does not say which). */
    private static final String RYUK_IMAGE = "testcontainers/ryuk:0.14.0";
    private static final String TINY_IMAGE = "alpine:3.17";
    private static final Pattern ENGINE_MESSAGE = Pattern.compile("(?s)Status \\d+: \\{\"message\":\"(.*)\"\\}");

    private final DockerImageName image;
    private final FluvioReady ready = new FluvioReady();
    private FluvioTarget target;

    /** {@code infinyon/fluvio:0.18.1}. */
    public FluvioContainer() {
        this(IMAGE.withTag(DEFAULT_TAG));
    }

    /** Another tag or a compatible image (declare it with {@code asCompatibleSubstituteFor("infinyon/fluvio")}). */
    public FluvioContainer(DockerImageName image) {
        super(image);
        image.assertCompatibleWith(IMAGE);
        this.image = image;
        withExposedPorts(SC_PUBLIC_PORT, SPU_PUBLIC_PORT);
        withEnv("RUST_LOG", "info");
        withCommand("sh", "-c", "while [ ! -f " + STARTER_SCRIPT + " ]; do sleep 0.1; done; exec sh " + STARTER_SCRIPT);
        waitingFor(ready.withStartupTimeout(STARTUP_TIMEOUT));
    }

    /**
     * A started container of {@code image} (e.g. {@code infinyon/fluvio:0.18.1}, or a local image
     * built from Fluvio's {@code fluvio-run}): what {@code @FluvioTest} uses, once per JVM, for the
     * target {@code container}. Stop it when done.
     */
    public static FluvioContainer start(String image) {
        FluvioContainer container = new FluvioContainer(DockerImageName.parse(image).asCompatibleSubstituteFor(IMAGE));
        try {
            container.start();
        } catch (ContainerLaunchException e) {
            throw new ContainerLaunchException(reason(e), e);
        }
        return container;
    }

    /** Testcontainers' message names the image only; the innermost of its own exceptions says why. */
    private static String reason(ContainerLaunchException failure) {
        Throwable why = failure;
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ContainerLaunchException || cause instanceof ContainerFetchException) {
                why = cause;
            }
        }
        return why == failure ? failure.getMessage() : failure.getMessage() + ": " + why.getMessage();
    }

    /**
     * Whether a Docker engine answers. Only asks the engine: unlike Testcontainers'
     * {@code isDockerAvailable()}, it starts no container and pulls no image, so it answers at once
     * where images cannot be pulled.
     */
    public static boolean isDockerAvailable() {
        try {
            // Not the host's address: inside a container, finding it can start a container.
            DockerClientFactory.instance().getTransportConfig();
            return true;
        } catch (IllegalStateException noEngine) {
            return false;
        }
    }

    @Override
    public void start() {
        if (getContainerId() == null) {
            requireImages();
        }
        super.start();
    }

    @Override
    public void stop() {
        synchronized (this) {
            target = null;
        }
        ready.reset();
        super.stop();
    }

    /** The SC's public endpoint on the host, {@code host:port}. */
    public String getEndpoint() {
        return getHost() + ":" + getMappedPort(SC_PUBLIC_PORT);
    }

    /**
     * The cluster as a fluviokit target (the same one while the container runs). Its
     * {@link FluvioTarget#restart() restart()} stops the SC and the SPU and starts them again in
     * the container, on the same data and the same mapped ports, and returns once the
     * {@code consumer-offset} partition answers again and the clients of this target have seen
     * their connections close.
     */
    public synchronized FluvioTarget target() {
        if (target == null) {
            target = FluvioTarget.restartableCluster(getEndpoint(), ClusterSettings.defaults(), this::restartCluster);
        }
        return target;
    }

    @Override
    protected void containerIsStarting(InspectContainerResponse containerInfo) {
        copyFileToContainer(Transferable.of(starterScript(getHost(), getMappedPort(SPU_PUBLIC_PORT)), 0755),
                STARTER_SCRIPT);
    }

    /** Restarts SC and SPU in the container; both public ports went down. */
    private java.util.Set<Integer> restartCluster() {
        try {
            Container.ExecResult result = execInContainer("sh", STARTER_SCRIPT, "restart");
            if (result.getExitCode() != 0) {
                throw new ContainerLaunchException("Restarting Fluvio in " + getContainerName() + " failed (exit code "
                        + result.getExitCode() + "): " + result.getStdout() + result.getStderr());
            }
        } catch (IOException e) {
            throw new ContainerLaunchException("Restarting Fluvio in " + getContainerName() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerLaunchException("Interrupted while restarting Fluvio in " + getContainerName(), e);
        }
        ready.startedAgain();
        ready.waitUntilReady(this);
        return java.util.Set.of(getMappedPort(SC_PUBLIC_PORT), getMappedPort(SPU_PUBLIC_PORT));
    }

    /**
     * Fails at once where an image this container needs is not on the Docker engine and cannot be
     * pulled from there: Testcontainers would retry each pull for {@code pull.timeout} (2 minutes)
     * before failing. A pull that works goes on as usual.
     */
    private void requireImages() {
        TransportConfig transport = DockerClientFactory.instance().getTransportConfig();
        // Testcontainers' own client would start Ryuk first, which is the pull that hangs.
        try (DockerClient docker = DockerClientProviderStrategy.getClientForConfig(transport)) {
            List<Needed> needed = new ArrayList<>();
            if (!Boolean.parseBoolean(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))) {
                needed.add(new Needed(RYUK_IMAGE, true, "Testcontainers' resource reaper, Ryuk",
                        "set TESTCONTAINERS_RYUK_DISABLED=true to run without Ryuk"));
            }
            if (hostLookupStartsAContainer(docker, transport)) {
                needed.add(new Needed(TINY_IMAGE, true,
                        "Testcontainers runs it to find the Docker host's address from inside a container",
                        "set TESTCONTAINERS_HOST_OVERRIDE to the address where this JVM reaches the engine's"
                                + " published ports (localhost when the engine runs in this container)"));
            }
            needed.add(new Needed(image.asCanonicalNameString(), false, "Fluvio",
                    "load or build the Fluvio image on the engine and name it with -Dfluviokit.container.image=NAME:TAG"
                            + " (fluviokit's README says how to build one from fluvio-run)"));
            for (Needed one : needed) {
                DockerImageName name = ImageNameSubstitutor.instance().apply(DockerImageName.parse(one.name()));
                String failure = pullFailure(docker, name, one.anyTag());
                if (failure != null) {
                    throw new ContainerFetchException(cannotGet(name, one.role(), failure, one.remedy()));
                }
            }
        } catch (IOException ignored) {
            // closing a Docker client cannot fail the start
        }
    }

    /**
     * Inside a container, Testcontainers takes the default bridge network's gateway as the Docker
     * host's address, and where that network names none (as a fresh Docker 20.10 engine's did) it
     * runs its tiny image to read the route instead.
     */
    private static boolean hostLookupStartsAContainer(DockerClient docker, TransportConfig transport) {
        String scheme = transport.getDockerHost().getScheme();
        if (!new File("/.dockerenv").exists() || System.getenv("TESTCONTAINERS_HOST_OVERRIDE") != null
                || !("unix".equals(scheme) || "npipe".equals(scheme))) {
            return false;
        }
        Network.Ipam ipam = docker.inspectNetworkCmd().withNetworkId("bridge").exec().getIpam();
        return ipam == null || ipam.getConfig() == null
                || ipam.getConfig().stream().noneMatch(config -> config.getGateway() != null);
    }

    /**
     * Why {@code name} cannot be had, or null when it is on the engine (any tag of its repository, for
     * {@code anyTag}) or a pull of it works.
     */
    private static String pullFailure(DockerClient docker, DockerImageName name, boolean anyTag) {
        if (anyTag ? !docker.listImagesCmd().withReferenceFilter(name.getUnversionedPart()).exec().isEmpty()
                : isLocal(docker, name)) {
            return null;
        }
        try {
            docker.pullImageCmd(name.getUnversionedPart()).withTag(name.getVersionPart()).start()
                    .awaitCompletion(TestcontainersConfiguration.getInstance().getImagePullTimeout(), TimeUnit.SECONDS);
            return null;
        } catch (DockerException | DockerClientException e) {
            // The engine's own words, without docker-java's "Status 500: {"message":…}" wrapping.
            Matcher engine = ENGINE_MESSAGE.matcher(e.getMessage().trim());
            return engine.matches() ? engine.group(1).replace("\\\"", "\"") : e.getMessage().trim();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static boolean isLocal(DockerClient docker, DockerImageName name) {
        try {
            docker.inspectImageCmd(name.asCanonicalNameString()).exec();
            return true;
        } catch (NotFoundException absent) {
            return false;
        }
    }

    /** Names the image, why it is needed and what to set where images cannot be pulled. */
    static String cannotGet(DockerImageName name, String role, String failure, String remedy) {
        return "Cannot get the Docker image " + name.asCanonicalNameString() + " (" + role + "): it is not on the"
                + " Docker engine and pulling it failed: " + failure + ". Where images cannot be pulled: " + remedy
                + "; or point Testcontainers at a registry you can reach (image name substitution:"
                + " hub.image.name.prefix in ~/.testcontainers.properties, or TESTCONTAINERS_HUB_IMAGE_NAME_PREFIX).";
    }

    /**
     * The script that runs the cluster, registering the SPU with the public address clients use
     * ({@code host:port} as mapped on the Docker host). {@code sh SCRIPT} runs it as the container's
     * process; {@code sh SCRIPT restart} stops the SC and the SPU, which the first then starts
     * again. POSIX {@code sh} and busybox only: Fluvio's image is Alpine.
     */
    static String starterScript(String publicHost, int publicSpuPort) {
        return "#!/bin/sh\n"
                + "# fluviokit's FluvioContainer: runs Fluvio's SC and SPU, and runs them again after '$0 restart'.\n"
                + "registration=" + SPU_REGISTRATION + "\n"
                // A zombie still answers kill -0: read its state instead.
                + "alive() { grep -qv ') Z ' \"/proc/$1/stat\" 2>/dev/null; }\n"
                // /proc, not nc: busybox's nc has no -z in every build (Debian's has none).
                + "listening() { grep -q \":$1 00000000:0000 0A\" /proc/net/tcp; }\n"
                + "if [ \"$1\" = restart ]; then\n"
                + "  touch /fluvio/restart\n"
                // The SC first: with the SPU still up it is not rewriting the SPU's registration, which it
                // truncates and writes in place; SIGTERM is no gentler than SIGKILL (fluvio-run has no handler).
                + "  for process in sc spu; do\n"
                + "    pid=$(cat /fluvio/$process.pid)\n"
                + "    kill -TERM \"$pid\"\n"
                // A later fluvio-run may stop gracefully on SIGTERM; one that takes over 10 s is killed.
                + "    waited=0\n"
                + "    while alive \"$pid\"; do\n"
                + "      [ $waited -lt 200 ] || kill -KILL \"$pid\"\n"
                + "      waited=$((waited + 1))\n"
                + "      sleep 0.05\n"
                + "    done\n"
                + "  done\n"
                + "  exit 0\n"
                + "fi\n"
                + "mkdir -p /fluvio/metadata/SPU /fluvio/data\n"
                + "cat > /fluvio/spu-registration.yaml <<'EOF'\n"
                + spuRegistration(publicHost, publicSpuPort)
                + "EOF\n"
                + "start() {\n"
                // Written again before every start: a killed SC can leave it empty, and then never starts.
                + "  cat /fluvio/spu-registration.yaml > \"$registration\"\n"
                + "  ./fluvio-run sc --local /fluvio/metadata --bind-public 0.0.0.0:" + SC_PUBLIC_PORT
                + " --bind-private 127.0.0.1:" + SC_PRIVATE_PORT + " &\n"
                + "  echo $! > /fluvio/sc.pid\n"
                + "  until listening " + hex(SC_PRIVATE_PORT) + "; do alive $(cat /fluvio/sc.pid) || return 1; sleep 0.1; done\n"
                + "  ./fluvio-run spu -i " + SPU_ID + " -p 0.0.0.0:" + SPU_PUBLIC_PORT + " -v 127.0.0.1:" + SPU_PRIVATE_PORT
                + " --sc-addr 127.0.0.1:" + SC_PRIVATE_PORT + " --log-base-dir /fluvio/data &\n"
                + "  echo $! > /fluvio/spu.pid\n"
                + "  until listening " + hex(SPU_PUBLIC_PORT) + " && grep -q 'resolution: Online' \"$registration\"; do\n"
                + "    alive $(cat /fluvio/sc.pid) && alive $(cat /fluvio/spu.pid) || return 1\n"
                + "    sleep 0.1\n"
                + "  done\n"
                + "  echo '" + READY_LINE + "'\n"
                + "}\n"
                + "while start; do\n"
                + "  wait\n"
                + "  [ -f /fluvio/restart ] || break\n"
                + "  rm /fluvio/restart\n"
                + "done\n"
                + "echo 'fluviokit: Fluvio stopped unasked'\n"
                + "exit 1\n";
    }

    /** A port as {@code /proc/net/tcp} writes it. */
    private static String hex(int port) {
        return String.format(Locale.ROOT, "%04X", port);
    }

    /** The SPU's registration in the SC's local metadata, with the address clients reach it at. */
    static String spuRegistration(String publicHost, int publicSpuPort) {
        return SpuRegistration.yaml(SPU_ID, publicHost, publicSpuPort, "127.0.0.1", SPU_PRIVATE_PORT);
    }

    /** {@code anyTag}: Testcontainers names its own images inside, so a version we guess must not fail a start. */
    private record Needed(String name, boolean anyTag, String role, String remedy) {
    }
}
