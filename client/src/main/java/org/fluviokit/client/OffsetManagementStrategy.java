package org.fluviokit.client;

import java.util.Locale;

import org.fluviokit.protocol.ErrorCode;

/** How a consumer stream stores its offset (spec groups C, D, E). */
public enum OffsetManagementStrategy {
    /** Offsets are not stored; commit and flush fail (E2). The default, even with a consumer id (E1). */
    NONE,
    /** Offsets are stored only when the application commits and then flushes (D1). */
    MANUAL,
    /**
     * Every record handed out is committed at once, and flushed periodically, when the stream ends
     * and when it is closed (C1–C6).
     */
    AUTO;

    /**
     * Parses a strategy name as Fluvio does: {@code none}, {@code manual} or {@code auto}, in any case (E6).
     *
     * @throws FluvioException {@code Consumer config error: Invalid offset management strategy: <s>}
     */
    public static OffsetManagementStrategy parse(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "none":
                return NONE;
            case "manual":
                return MANUAL;
            case "auto":
                return AUTO;
            default:
                throw new FluvioException(ErrorCode.OTHER,
                        "Consumer config error: Invalid offset management strategy: " + name);
        }
    }
}
