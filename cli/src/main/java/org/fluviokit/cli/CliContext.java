package org.fluviokit.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What one run of the CLI talks to instead of the process's own streams: stdin, stdout, stderr,
 * whether each is a terminal, and how a continuous {@code fluvio consume} (one without {@code -d})
 * stops. Immutable: every {@code with…} returns a new context.
 *
 * <p>The real CLI's continuous consume runs until Ctrl-C; then it stops reading, prints
 * {@code Consumer stream has closed} on stderr and, with {@code -c}, commits and flushes the
 * consumer's offset (spec 2.2). Here the same happens when either
 * <ul>
 *   <li>no record arrived for the {@linkplain #withContinuousIdleLimit idle limit} (default
 *       {@value #DEFAULT_IDLE_LIMIT_MILLIS} ms; on the fake broker, records already stored arrive
 *       at once, so a continuous consume prints what is there and then stops — deterministically), or</li>
 *   <li>the {@linkplain #withStopSignal stop signal} completes (the Ctrl-C of an in-process run).</li>
 * </ul>
 * {@code java -jar fluvio.jar} uses no idle limit and a real Ctrl-C.
 */
public final class CliContext {

    /** The idle limit of {@link #of}: a continuous consume stops after this long without a record. */
    public static final long DEFAULT_IDLE_LIMIT_MILLIS = 500;

    private final InputStream stdin;
    private final PrintStream stdout;
    private final PrintStream stderr;
    private final boolean stdinIsTerminal;
    private final boolean stdoutIsTerminal;
    private final Duration idleLimit;
    private final CompletionStage<?> stopSignal;

    private CliContext(InputStream stdin, PrintStream stdout, PrintStream stderr, boolean stdinIsTerminal,
                       boolean stdoutIsTerminal, Duration idleLimit, CompletionStage<?> stopSignal) {
        this.stdin = Objects.requireNonNull(stdin, "stdin");
        this.stdout = Objects.requireNonNull(stdout, "stdout");
        this.stderr = Objects.requireNonNull(stderr, "stderr");
        this.stdinIsTerminal = stdinIsTerminal;
        this.stdoutIsTerminal = stdoutIsTerminal;
        this.idleLimit = idleLimit;
        this.stopSignal = Objects.requireNonNull(stopSignal, "stopSignal");
    }

    /**
     * Streams that are not terminals (as in a pipeline, a CI job or a transcript), the default idle
     * limit and no stop signal.
     */
    public static CliContext of(InputStream stdin, PrintStream stdout, PrintStream stderr) {
        return new CliContext(stdin, stdout, stderr, false, false, Duration.ofMillis(DEFAULT_IDLE_LIMIT_MILLIS),
                new CompletableFuture<Void>());
    }

    /**
     * Whether stdout is a terminal. Then {@code consume} prints its bold banner
     * ({@code Consuming records from 'T' …}) on stderr and reports used-up retries as
     * {@code Max limit of retry connection reached} (spec 2.2, section 3 item 5).
     */
    public CliContext withStdoutTerminal(boolean terminal) {
        return new CliContext(stdin, stdout, stderr, stdinIsTerminal, terminal, idleLimit, stopSignal);
    }

    /**
     * Whether stdin is a terminal. Then {@code produce} is interactive: a {@code > } prompt on stderr
     * and a green {@code Ok!} on stdout after every line and at the end (spec 2.1).
     */
    public CliContext withStdinTerminal(boolean terminal) {
        return new CliContext(stdin, stdout, stderr, terminal, stdoutIsTerminal, idleLimit, stopSignal);
    }

    /** A continuous consume stops (as on Ctrl-C) once no record arrived for {@code limit}. */
    public CliContext withContinuousIdleLimit(Duration limit) {
        if (limit.isNegative()) {
            throw new IllegalArgumentException("an idle limit is never negative: " + limit);
        }
        return new CliContext(stdin, stdout, stderr, stdinIsTerminal, stdoutIsTerminal, limit, stopSignal);
    }

    /** A continuous consume runs until the stop signal completes, however long it waits for records. */
    public CliContext withoutContinuousIdleLimit() {
        return new CliContext(stdin, stdout, stderr, stdinIsTerminal, stdoutIsTerminal, null, stopSignal);
    }

    /** A continuous consume stops (as on Ctrl-C) once {@code signal} completes, normally or not. */
    public CliContext withStopSignal(CompletionStage<?> signal) {
        return new CliContext(stdin, stdout, stderr, stdinIsTerminal, stdoutIsTerminal, idleLimit, signal);
    }

    InputStream stdin() {
        return stdin;
    }

    PrintStream stdout() {
        return stdout;
    }

    PrintStream stderr() {
        return stderr;
    }

    boolean stdinIsTerminal() {
        return stdinIsTerminal;
    }

    boolean stdoutIsTerminal() {
        return stdoutIsTerminal;
    }

    Optional<Duration> idleLimit() {
        return Optional.ofNullable(idleLimit);
    }

    boolean stopRequested() {
        return stopSignal.toCompletableFuture().isDone();
    }
}
