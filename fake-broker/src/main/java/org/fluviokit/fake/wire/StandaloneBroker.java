package org.fluviokit.fake.wire;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.fluviokit.fake.FakeBroker;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The fake broker as a local "cluster" for the {@code fluvio} CLI and Fluvio's client libraries:
 *
 * <pre>
 * java -jar fake-broker/target/fluviokit-fake-broker.jar --sc-port 9003 --spu-port 9010 \
 *      [--data-dir DIR] [--profile FILE] [--spus N]
 * </pre>
 *
 * <p>It runs on the real clock until killed. Without {@code --data-dir} everything lives in
 * memory; with it, every record and acknowledged consumer offset is journaled before it is
 * acknowledged and survives even {@code kill -9} (K4). Ports default to ones the operating system
 * chooses (printed at start), so it never collides with a real local cluster on 9003/9010.
 *
 * <p>No profile is written unless {@code --profile FILE} is given; then FILE gets a Fluvio profile
 * pointing here (use it with {@code FLV_PROFILE_PATH=FILE}). A FILE that exists and was not
 * written by fluviokit (such as your own {@code ~/.fluvio/config}) is only replaced with
 * {@code --overwrite-profile}, after a copy to {@code FILE.bak}.
 */
@Command(name = "fluviokit-fake-broker", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serves fluviokit's fake Fluvio broker over Fluvio's wire protocol until killed.",
        version = "fluviokit fake broker (Fluvio " + WireServer.PLATFORM_VERSION + " wire protocol)")
public final class StandaloneBroker implements Callable<Integer> {

    @Option(names = "--sc-port", paramLabel = "PORT",
            description = "SC port (a local Fluvio cluster uses 9003); default: chosen by the OS")
    int scPort;

    @Option(names = "--spu-port", paramLabel = "PORT",
            description = "first SPU's port, the next SPUs get +10 each (a local cluster uses 9010); default: chosen by the OS")
    int spuPort;

    @Option(names = "--spus", paramLabel = "N", defaultValue = "1", description = "number of SPUs (default: ${DEFAULT-VALUE})")
    int spus;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "journal records and consumer offsets here and replay them at start (survives kill -9)")
    Path dataDir;

    @Option(names = "--profile", paramLabel = "FILE",
            description = "write the Fluvio profile pointing here to FILE (use with FLV_PROFILE_PATH=FILE);"
                    + " default: DIR/fluvio-profile with --data-dir, else a temporary one, deleted at exit")
    Path profile;

    @Option(names = "--profile-name", paramLabel = "NAME", defaultValue = "fluviokit",
            description = "name of the profile and cluster in it (default: ${DEFAULT-VALUE})")
    String profileName;

    @Option(names = "--overwrite-profile",
            description = "replace a --profile FILE not written by fluviokit (kept as FILE.bak)")
    boolean overwriteProfile;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "address to listen on and publish for the SPUs (default: ${DEFAULT-VALUE})")
    String host;

    private StandaloneBroker() {
    }

    public static void main(String[] args) {
        int exit = new CommandLine(new StandaloneBroker()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        if (spus < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--spus must be at least 1");
        }
        FakeBroker.Builder builder = FakeBroker.builder().clock(Clock.systemUTC()).spuCount(spus);
        if (dataDir != null) {
            builder.dataDirectory(dataDir);
        }
        FakeBroker broker = builder.build();
        WireServer server;
        try {
            server = WireServer.builder(broker).host(host).scPort(scPort).spuPort(spuPort).start();
        } catch (UncheckedIOException e) {
            broker.close();
            System.err.println("fluviokit-fake-broker: " + e.getCause().getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            broker.close();
            stopped.countDown();
        }, "fluviokit-shutdown"));

        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        out.println("fluviokit fake broker (Fluvio " + WireServer.PLATFORM_VERSION + " wire protocol)");
        out.println("SC endpoint: " + server.scEndpoint());
        for (int id : broker.spuIds()) {
            out.println("SPU " + id + ": " + server.host() + ":" + server.spuPort(id));
        }
        out.println(dataDir == null ? "data: in memory (use --data-dir DIR to keep it)"
                : "data directory: " + dataDir.toAbsolutePath());
        try {
            // Never ~/.fluvio/config unless asked: a user's own profiles are theirs.
            if (profile == null && dataDir != null) {
                profile = dataDir.resolve("fluvio-profile");
            } else if (profile == null) {
                Path directory = Files.createTempDirectory("fluviokit-");
                profile = directory.resolve("fluvio-profile");
                // deleteOnExit runs in reverse order: the file, then its directory
                directory.toFile().deleteOnExit();
                profile.toFile().deleteOnExit();
            }
            writeProfile(server);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            System.err.println("fluviokit-fake-broker: " + e.getMessage());
            return 1;
        }
        out.println("profile: " + profile.toAbsolutePath() + " (FLV_PROFILE_PATH=" + profile.toAbsolutePath()
                + " fluvio topic list, or fluvio -c " + server.scEndpoint() + " topic list)");
        out.println("ready in " + sinceJvmStart().toMillis() + " ms");
        stopped.await();
        return 0;
    }

    private void writeProfile(WireServer server) throws IOException {
        if (Files.exists(profile) && !writtenByFluviokit(profile)) {
            if (!overwriteProfile) {
                throw new IllegalStateException(profile + " exists and was not written by fluviokit;"
                        + " choose another --profile FILE, or add --overwrite-profile (it is kept as "
                        + profile.getFileName() + ".bak)");
            }
            Files.copy(profile, profile.resolveSibling(profile.getFileName() + ".bak"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        server.writeProfile(profile, profileName);
    }

    private static boolean writtenByFluviokit(Path file) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.findFirst().map(WireServer.PROFILE_MARKER::equals).orElse(false);
        }
    }

    /** Since the JVM was created (its own record of it; the process start time from /proc is coarser). */
    private static Duration sinceJvmStart() {
        return Duration.ofMillis(java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
    }
}
