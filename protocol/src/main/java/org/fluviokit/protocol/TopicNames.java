package org.fluviokit.protocol;

/**
 * Fluvio's rule for topic names (L3): lowercase ASCII letters, digits and '-', not starting or
 * ending with '-', at most {@value #MAX_LENGTH} characters. The SC's rule lets the empty name
 * through; the CLI and fluviokit refuse it separately.
 */
public final class TopicNames {

    /** The longest topic name an SC accepts. */
    public static final int MAX_LENGTH = 63;

    private TopicNames() {
    }

    public static boolean isValid(String name) {
        if (name.length() > MAX_LENGTH || name.startsWith("-") || name.endsWith("-")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-')) {
                return false;
            }
        }
        return true;
    }
}
