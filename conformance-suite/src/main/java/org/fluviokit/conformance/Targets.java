package org.fluviokit.conformance;

import java.util.Locale;

/**
 * Which target the suite runs on: the system property {@value #PROPERTY}, else the environment
 * variable {@value #ENV}: {@code fake} (the default) or {@code cluster}.
 */
final class Targets {

    static final String PROPERTY = "fluviokit.target";
    static final String ENV = "FLUVIOKIT_TARGET";

    private Targets() {
    }

    /** The target's name, validated. */
    static String selected() {
        String value = System.getProperty(PROPERTY);
        String source = PROPERTY;
        if (value == null) {
            value = System.getenv(ENV);
            source = ENV;
        }
        String target = value == null ? "fake" : value.trim().toLowerCase(Locale.ROOT);
        switch (target) {
            case "fake":
                return target;
            case "cluster":
                throw new UnsupportedTargetException("The cluster target (" + source + "=" + value + ") is not"
                        + " available in this release: the Java client cannot reach a real cluster yet. Run on the"
                        + " fake (unset " + source + ").");
            default:
                throw new UnsupportedTargetException("Unknown target '" + value + "' (from " + source
                        + "): use 'fake' or 'cluster'");
        }
    }

    /** A fresh target for one scenario. */
    static ScenarioTarget open() {
        selected();
        return ScenarioTarget.fake();
    }

    /** The suite cannot run on the target asked for. */
    static final class UnsupportedTargetException extends RuntimeException {
        UnsupportedTargetException(String message) {
            super(message);
        }
    }
}
