package org.fluviokit.cli;

/**
 * A command that failed at run time: Fluvio's CLI prints the error's message alone on stderr and
 * exits with 1 ({@code crates/fluvio-cli/src/bin/main.rs}, spec section 2).
 */
final class CliFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CliFailure(String message) {
        super(message, null, false, false);
    }

    /** The CLI's own {@code CliError::InvalidArg}: {@code Invalid argument: …}. */
    static CliFailure invalidArgument(String message) {
        return new CliFailure("Invalid argument: " + message);
    }

    /** An error of Fluvio's client wrapped by the CLI ({@code CliError::ClientError}). */
    static CliFailure clientError(String message) {
        return new CliFailure("Fluvio client error: " + message);
    }
}
