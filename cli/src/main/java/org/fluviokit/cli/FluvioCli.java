package org.fluviokit.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import org.fluviokit.client.FluvioException;
import org.fluviokit.client.FluvioTarget;

/**
 * The {@code fluvio} command line of Fluvio 0.18, over any {@link FluvioTarget}: {@code produce},
 * {@code consume}, {@code topic create|delete|list} and {@code consumer list|delete}, with Fluvio's
 * flags, output texts, streams and exit codes (spec section 2): 0 on success, 1 with the error's
 * message alone on stderr when a command fails, 2 with clap's text when the command line is wrong.
 *
 * <p>In process, as transcripts run it (many times per JVM, on a fake broker):
 * <pre>{@code
 * int code = FluvioCli.run(FakeTarget.of(broker), List.of("consume", "hello-topic", "-c", "c1", "-Bd"),
 *         stdin, stdout, stderr, false);
 * }</pre>
 * It never calls {@code System.exit} and never touches {@code System.in/out/err}. A continuous
 * consume (without {@code -d}) stops as on Ctrl-C after an idle time or on a stop signal, see
 * {@link CliContext}.
 *
 * <p>As a program, {@code java -jar cli/target/fluvio.jar ARGS} runs {@link #main}.
 */
public final class FluvioCli {

    private FluvioCli() {
    }

    /**
     * Runs one command line against {@code target}, with streams that are not terminals except
     * stdout when {@code stdoutIsTerminal}, and the default idle limit for continuous consumes.
     *
     * @param args the words after {@code fluvio}, e.g. {@code ["topic", "create", "hello-topic"]}
     * @return the exit code: 0, 1 (command failed) or 2 (usage error)
     */
    public static int run(FluvioTarget target, List<String> args, InputStream stdin, PrintStream stdout,
                          PrintStream stderr, boolean stdoutIsTerminal) {
        return run(target, args, CliContext.of(stdin, stdout, stderr).withStdoutTerminal(stdoutIsTerminal));
    }

    /**
     * Runs one command line against {@code target}. Root options that choose a cluster
     * ({@code -c/--cluster}, {@code -P/--profile}) are accepted and ignored: the target is given.
     *
     * @return the exit code: 0, 1 (command failed) or 2 (usage error)
     */
    public static int run(FluvioTarget target, List<String> args, CliContext context) {
        Objects.requireNonNull(target, "target");
        return execute(args, context, root -> () -> target);
    }

    /**
     * {@code java -jar fluvio.jar ARGS}: the cluster comes from {@code -c/--cluster HOST:PORT} or
     * the current profile of {@code $FLV_PROFILE_PATH} / {@code ~/.fluvio/config}; stdout counts as
     * a terminal when the JVM has a console; Ctrl-C stops a continuous consume as the real CLI's
     * does (last commit and flush, then exit 0 within 2 s).
     */
    public static void main(String[] args) {
        PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        InputStream stdin = new FileInputStream(FileDescriptor.in);
        boolean terminal = System.console() != null;
        CompletableFuture<Void> ctrlC = new CompletableFuture<>();
        CountDownLatch finished = new CountDownLatch(1);
        boolean[] exiting = new boolean[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (exiting) {
                if (exiting[0]) {
                    return;
                }
            }
            // Ctrl-C: let the command finish its last flush, at most 2 s, then exit 0 (spec 2.2).
            ctrlC.complete(null);
            try {
                finished.await(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stdout.flush();
            Runtime.getRuntime().halt(0);
        }, "fluvio-ctrl-c"));
        CliContext context = CliContext.of(stdin, stdout, stderr)
                .withStdoutTerminal(terminal)
                .withStdinTerminal(terminal)
                .withoutContinuousIdleLimit()
                .withStopSignal(ctrlC);
        Map<String, String> env = System.getenv();
        int code = execute(List.of(args), context,
                root -> () -> FluvioTarget.cluster(ClusterProfiles.endpoint(root, env)));
        stdout.flush();
        synchronized (exiting) {
            exiting[0] = true;
        }
        finished.countDown();
        System.exit(code);
    }

    static int execute(List<String> args, CliContext context,
                       Function<Map<String, String>, Supplier<FluvioTarget>> targets) {
        Commands commands = new Commands();
        Syntax.Outcome outcome;
        if (args.isEmpty() || List.of("-h", "--help", "help").contains(args.get(0))) {
            context.stdout().print(Syntax.rootHelp(commands.groups));
            context.stdout().flush();
            return 0;
        }
        try {
            outcome = Syntax.parse(args, commands.root, commands.groups, commands.leaves);
        } catch (UsageError e) {
            context.stderr().print(e.text());
            context.stderr().flush();
            return 2;
        } catch (Syntax.HelpRequested e) {
            context.stdout().print(e.getMessage());
            context.stdout().flush();
            return 0;
        }
        if (outcome instanceof Syntax.Help help) {
            context.stdout().print(help.text());
            context.stdout().flush();
            return 0;
        }
        Syntax.Leaf leaf = (Syntax.Leaf) outcome;
        try (Shell shell = new Shell(context, targets.apply(leaf.root()))) {
            try {
                return dispatch(shell, leaf.parsed());
            } catch (CliFailure | FluvioException e) {
                shell.eprintln(e.getMessage());
                return 1;
            } catch (CompletionException e) {
                shell.eprintln(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
                return 1;
            } catch (RuntimeException e) {
                // e.g. a transport failure: Fluvio shows the error's message alone too
                shell.eprintln(String.valueOf(e.getMessage()));
                return 1;
            }
        }
    }

    private static int dispatch(Shell shell, Syntax.Parsed parsed) {
        return switch (parsed.command.path) {
            case Commands.PRODUCE -> new ProduceCommand(shell, parsed).run();
            case Commands.CONSUME -> new ConsumeCommand(shell, parsed).run();
            case Commands.TOPIC_CREATE -> TopicCommands.create(shell, parsed);
            case Commands.TOPIC_DELETE -> TopicCommands.delete(shell, parsed);
            case Commands.TOPIC_LIST -> TopicCommands.list(shell, parsed);
            case Commands.CONSUMER_LIST -> ConsumerCommands.list(shell, parsed);
            case Commands.CONSUMER_DELETE -> ConsumerCommands.delete(shell, parsed);
            default -> throw new IllegalStateException(parsed.command.path);
        };
    }

    /** Refuses an option that needs something the kit does not have (smart modules, mirrors, …). */
    static void refuse(Syntax.Parsed parsed, String... ids) {
        for (String id : ids) {
            if (parsed.has(id)) {
                throw new CliFailure("fluviokit's fluvio CLI does not support " + parsed.command.arg(id).display());
            }
        }
    }
}
