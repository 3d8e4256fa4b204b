package org.fluviokit.testkit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.fluviokit.client.ClusterSettings;
import org.fluviokit.client.FluvioException;
import org.fluviokit.client.FluvioTarget;
import org.fluviokit.client.spi.FluvioTargetProvider;
import org.fluviokit.client.spi.TargetSettings;
import org.fluviokit.protocol.ErrorCode;

/**
 * {@code cluster}, as the client provides it, plus what only a test wants: with
 * {@value #RESTART_COMMAND_PROPERTY} (or {@code FLUVIOKIT_RESTART_COMMAND}) the cluster can be
 * restarted, by running that command ({@code sh -c}, e.g. {@code kubectl rollout restart …} or
 * {@code systemctl restart fluvio}) and then waiting until it is ready again: consumer offsets answer.
 */
public final class ClusterTargetProvider implements FluvioTargetProvider {

    /** Setting with the command that restarts the cluster. */
    public static final String RESTART_COMMAND_PROPERTY = "fluviokit.cluster.restart-command";

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    @Override
    public String name() {
        return "cluster";
    }

    @Override
    public FluvioTarget open(TargetSettings settings) {
        String endpoint = FluvioTarget.clusterEndpoint(settings);
        if (FluvioTarget.EMBEDDED_ENDPOINT.equals(endpoint)) {
            return new EmbeddedTargetProvider().open(settings);
        }
        Optional<String> command = settings.get(RESTART_COMMAND_PROPERTY);
        if (command.isEmpty()) {
            return FluvioTarget.cluster(endpoint);
        }
        return FluvioTarget.restartableCluster(endpoint, ClusterSettings.defaults(), () -> {
            run(command.get());
            awaitReady(endpoint);
            return Set.of(); // which servers went down is the command's business: wait for every connection
        });
    }

    private static void run(String command) {
        java.nio.file.Path output = null;
        try {
            // The output goes to a file: a command that leaves a server running in the background keeps any pipe
            // open, and reading one would never end.
            output = java.nio.file.Files.createTempFile("fluviokit-restart", ".out");
            Process process = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            boolean finished = process.waitFor(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!finished || process.exitValue() != 0) {
                process.destroyForcibly();
                String printed = java.nio.file.Files.readString(output, StandardCharsets.UTF_8).strip();
                throw new FluvioException(ErrorCode.OTHER, "the cluster's restart command failed ("
                        + (finished ? "exit code " + process.exitValue() : "still running after " + READY_TIMEOUT.toMinutes()
                        + " min") + "): " + command + (printed.isEmpty() ? "" : "\n" + printed));
            }
        } catch (IOException e) {
            throw new FluvioException(ErrorCode.OTHER, "cannot run the cluster's restart command " + command + ": "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FluvioException(ErrorCode.OTHER, "interrupted running the cluster's restart command");
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    /** Ready is when consumer offsets can be listed: the consumer-offset partition is online again. */
    private static void awaitReady(String endpoint) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String last = "no answer";
        while (System.nanoTime() - deadline < 0) {
            try {
                ConsumerOffsetProbe.list(endpoint);
                return;
            } catch (FluvioException notYet) {
                last = notYet.getMessage();
            }
            try {
                // a cluster coming back after a command: nothing to be notified of, so poll
                TimeUnit.MILLISECONDS.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new FluvioException(ErrorCode.OTHER, "the cluster at " + endpoint + " was not ready "
                + READY_TIMEOUT.toMinutes() + " min after its restart command (last answer: " + last + ")");
    }
}
