package org.fluviokit.protocol;

import java.util.HexFormat;

/** Hex helpers for tests: the spec writes bytes as space-separated hex pairs. */
public final class Hex {

    private Hex() {
    }

    /** Bytes from hex text; whitespace (spaces, newlines) is ignored. */
    public static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }

    /** Space-separated lower-case hex pairs, the spec's notation, for readable assertion diffs. */
    public static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }

    /** {@code hex} normalised to {@link #hex(byte[])}'s notation. */
    public static String normalize(String hex) {
        return hex(bytes(hex));
    }
}
