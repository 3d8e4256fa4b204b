package org.fluviokit.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import org.fluviokit.client.FluvioTarget;
import org.fluviokit.fake.FakeBroker;
import org.fluviokit.testkit.FakeTarget;

/** Runs the CLI in process against one fake broker, capturing stdout, stderr and the exit code. */
final class CliHarness implements AutoCloseable {

    /** What one command printed and returned. */
    record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    final FakeBroker broker;
    final FluvioTarget target;

    CliHarness() {
        this(FakeBroker.create());
    }

    CliHarness(FakeBroker broker) {
        this.broker = broker;
        this.target = FakeTarget.of(broker);
    }

    /** {@code fluvio ARGS < /dev/null}, nothing a terminal. */
    Result run(String... args) {
        return runWith("", context -> context, args);
    }

    /** {@code printf STDIN | fluvio ARGS}. */
    Result runWithStdin(String stdin, String... args) {
        return runWith(stdin, context -> context, args);
    }

    Result runWith(String stdin, UnaryOperator<CliContext> settings, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = CliContext.of(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .withContinuousIdleLimit(Duration.ofMillis(150));
        int code = FluvioCli.run(target, List.of(args), settings.apply(context));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Asserts success with no output, for set-up steps. */
    void ok(String... args) {
        Result result = run(args);
        if (result.exitCode() != 0) {
            throw new AssertionError("fluvio " + String.join(" ", args) + " failed:\n" + result);
        }
    }

    void produce(String topic, String lines, String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "produce";
        args[1] = topic;
        System.arraycopy(options, 0, args, 2, options.length);
        Result result = runWithStdin(lines, args);
        if (result.exitCode() != 0) {
            throw new AssertionError("produce failed:\n" + result);
        }
    }

    @Override
    public void close() {
        broker.close();
    }
}
