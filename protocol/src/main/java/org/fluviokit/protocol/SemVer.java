package org.fluviokit.protocol;

import java.util.regex.Pattern;

/** Semantic Versioning 2.0.0 syntax check, as Fluvio's peers apply it to version strings (§3.2). */
final class SemVer {

    // The regular expression published with the SemVer 2.0.0 specification (semver.org).
    private static final Pattern SEMVER = Pattern.compile(
            "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
                    + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)"
                    + "(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
                    + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");

    private SemVer() {
    }

    static boolean isValid(String version) {
        return SEMVER.matcher(version).matches();
    }
}
