package org.fluviokit.cli;

import java.io.PrintStream;
import java.util.function.Supplier;

import org.fluviokit.client.Fluvio;
import org.fluviokit.client.FluvioTarget;

/** One run of the CLI: its streams and, once a command needs it, its connection. */
final class Shell implements AutoCloseable {

    final CliContext context;
    private final Supplier<FluvioTarget> target;
    private Fluvio fluvio;

    Shell(CliContext context, Supplier<FluvioTarget> target) {
        this.context = context;
        this.target = target;
    }

    /** Connects on first use, as the real CLI connects only after parsing its arguments. */
    Fluvio fluvio() {
        if (fluvio == null) {
            fluvio = Fluvio.connect(target.get());
        }
        return fluvio;
    }

    /** Rust's {@code println!}: the text and a {@code \n}, whatever the platform. */
    void println(String text) {
        PrintStream out = context.stdout();
        out.print(text);
        out.print('\n');
        out.flush();
    }

    /** Rust's {@code eprintln!}. */
    void eprintln(String text) {
        eprint(text + "\n");
    }

    void eprint(String text) {
        PrintStream err = context.stderr();
        err.print(text);
        err.flush();
    }

    /** Seconds since the epoch on the target's clock (virtual on the fake). */
    long nowSeconds() {
        return Math.floorDiv(fluvio().currentTimeMillis(), 1000L);
    }

    @Override
    public void close() {
        if (fluvio != null) {
            fluvio.close();
        }
    }
}
