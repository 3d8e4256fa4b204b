package org.fluviokit.cli;

/**
 * A command line that clap (the Rust CLI's argument parser) refuses: the text clap prints on stderr,
 * ending in a newline, and exit code 2.
 */
final class UsageError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageError(String text) {
        super(text, null, false, false);
    }

    /** What clap prints, ready for stderr. */
    String text() {
        return getMessage();
    }
}
