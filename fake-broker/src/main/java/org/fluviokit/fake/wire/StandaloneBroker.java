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

import org.fluviokit.fake.DataDirectoryException;
import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.JournalDamagedException;
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
 * acknowledged and survives even {@code kill -9} (K4); {@code --fsync} forces each entry to disk
 * too, so it survives a power loss. Ports default to ones the operating system chooses (printed at
 * start), so it never collides with a real local cluster on 9003/9010.
 *
 * <p>Errors are one line on standard error, with an exit code: 1 a port or the profile cannot be
 * used, 2 bad options, 3 the data directory cannot be used, 4 another broker is using it, 5 its
 * journal is damaged (nothing changed; {@code --repair} keeps a copy and cuts it).
 *
 * <p>No profile is written unless {@code --profile FILE} is given; then FILE gets a Fluvio profile
 * pointing here (use it with {@code FLV_PROFILE_PATH=FILE}). A FILE that exists and was not
 * written by fluviokit (such as your own {@code ~/.fluvio/config}) is only replaced with
 * {@code --overwrite-profile}, after a copy to {@code FILE.bak}.
 */
@Command(name = "fluviokit-fake-broker", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serves fluviokit's fake Fluvio broker over Fluvio's wire protocol until killed.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:stopped (by a signal)",
            "1:a port or the profile cannot be used",
            "2:bad options",
            "3:the data directory cannot be used (a file, not writable, unreadable journal)",
            "4:another broker is using the data directory",
            "5:the journal is damaged; nothing was changed (see --repair)"},
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

    @Option(names = "--fsync",
            description = "force every journal entry to disk before acknowledging it (survives power loss; default:"
                    + " entries reach the operating system, which survives kill -9)")
    boolean fsync;

    @Option(names = "--repair",
            description = "if the journal is damaged, keep a copy (fluviokit-journal.log.damaged-TIME), keep the entries"
                    + " before the damage, drop the rest and start (default: refuse to start, change nothing)")
    boolean repair;

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

    static final int EXIT_CANNOT_SERVE = 1;
    static final int EXIT_BAD_OPTIONS = 2;
    static final int EXIT_DATA_DIRECTORY_UNUSABLE = 3;
    static final int EXIT_DATA_DIRECTORY_IN_USE = 4;
    static final int EXIT_JOURNAL_DAMAGED = 5;
    private static final String NAME = "fluviokit-fake-broker: ";

    private StandaloneBroker() {
    }

    public static void main(String[] args) {
        int exit = commandLine().execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** The command with one-line errors: a mistyped option or a failure never ends in a page of usage or a stack trace. */
    static CommandLine commandLine() {
        CommandLine command = new CommandLine(new StandaloneBroker());
        command.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println(NAME + e.getMessage() + " (--help lists the options)");
            return EXIT_BAD_OPTIONS;
        });
        command.setExecutionExceptionHandler((e, line, result) -> {
            line.getErr().println(NAME + "stopped by an unexpected error: " + e);
            return EXIT_CANNOT_SERVE;
        });
        return command;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (spus < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--spus must be at least 1");
        }
        if (dataDir == null && (fsync || repair)) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    (fsync ? "--fsync" : "--repair") + " needs --data-dir");
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        FakeBroker.Builder builder = FakeBroker.builder().clock(Clock.systemUTC()).spuCount(spus);
        if (dataDir != null) {
            builder.dataDirectory(dataDir).fsync(fsync).repairDamagedJournal(repair).journalNotices(out::println);
        }
        FakeBroker broker;
        try {
            broker = builder.build();
        } catch (DataDirectoryException e) {
            System.err.println(NAME + e.getMessage());
            return e.inUseByAnotherBroker() ? EXIT_DATA_DIRECTORY_IN_USE : EXIT_DATA_DIRECTORY_UNUSABLE;
        } catch (JournalDamagedException e) {
            System.err.println(NAME + e.damage() + "; nothing was changed. Restore the file from a backup, or start"
                    + " again with --repair to keep a copy of it and start from the " + e.position()
                    + " bytes before the damage (everything from byte " + e.position() + " on is dropped)");
            return EXIT_JOURNAL_DAMAGED;
        }
        WireServer server;
        try {
            server = WireServer.builder(broker).host(host).scPort(scPort).spuPort(spuPort).start();
        } catch (UncheckedIOException e) {
            broker.close();
            System.err.println(NAME + e.getCause().getMessage());
            return EXIT_CANNOT_SERVE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            broker.close();
            stopped.countDown();
        }, "fluviokit-shutdown"));

        out.println("fluviokit fake broker (Fluvio " + WireServer.PLATFORM_VERSION + " wire protocol)");
        out.println("SC endpoint: " + server.scEndpoint());
        for (int id : broker.spuIds()) {
            out.println("SPU " + id + ": " + server.host() + ":" + server.spuPort(id));
        }
        out.println(dataDir == null ? "data: in memory (use --data-dir DIR to keep it)"
                : "data directory: " + dataDir.toAbsolutePath() + (fsync ? " (every entry forced to disk before it is"
                + " acknowledged)" : " (entries reach the operating system before they are acknowledged; --fsync"
                + " forces them to disk)"));
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
            System.err.println(NAME + e.getMessage());
            return EXIT_CANNOT_SERVE;
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
