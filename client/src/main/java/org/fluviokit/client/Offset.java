package org.fluviokit.client;

import java.util.Locale;
import java.util.Objects;

import org.fluviokit.protocol.ErrorCode;

/**
 * Where a consumer stream starts, as Fluvio's {@code Offset}: an absolute offset, or a distance
 * from the beginning or from the end of the partition's log.
 *
 * <p>Without a stored consumer offset, {@code fromBeginning(n)} starts at log start + n and
 * {@code fromEnd(n)} at the end − n, both clamped to the log (A3, A4); {@link #end()} starts after
 * the last record (A2). <b>With</b> a stored offset S, relative offsets count from the resume point
 * S+1 instead (B3–B6), and {@link #absolute(long)} ignores it (B7).
 */
public final class Offset {

    enum Kind { ABSOLUTE, FROM_BEGINNING, FROM_END }

    private final Kind kind;
    private final long value;

    private Offset(Kind kind, long value) {
        this.kind = kind;
        this.value = value;
    }

    /**
     * The record at {@code offset}, whatever a stored consumer offset says (A5, B7).
     *
     * @throws FluvioException {@code Attempted to create negative offset: N} for a negative offset
     */
    public static Offset absolute(long offset) {
        return new Offset(Kind.ABSOLUTE, nonNegative(offset));
    }

    /** The first record still stored, or the resume point of a stored offset (A1, B3). */
    public static Offset beginning() {
        return fromBeginning(0);
    }

    /** After the last record: only new records, or the resume point of a stored offset (A2, B4). */
    public static Offset end() {
        return fromEnd(0);
    }

    /** {@code n} records after the beginning, or after the resume point (A3, B5). */
    public static Offset fromBeginning(long n) {
        return new Offset(Kind.FROM_BEGINNING, nonNegative(n));
    }

    /** {@code n} records before the end, or before the resume point: {@code fromEnd(1)} is the last record (A4, B6). */
    public static Offset fromEnd(long n) {
        return new Offset(Kind.FROM_END, nonNegative(n));
    }

    /**
     * Parses the connector configuration's words (spec N1): {@code beginning}, {@code end},
     * {@code absolute N}, {@code from-beginning N}, {@code from-end N} (a colon or {@code =} may
     * separate the word and the number).
     *
     * @throws IllegalArgumentException for any other text
     */
    public static Offset parse(String text) {
        String normalized = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        String[] parts = normalized.split("[\\s:=]+");
        try {
            if (parts.length == 1 && parts[0].equals("beginning")) {
                return beginning();
            }
            if (parts.length == 1 && parts[0].equals("end")) {
                return end();
            }
            if (parts.length == 2) {
                long n = Long.parseLong(parts[1]);
                switch (parts[0]) {
                    case "absolute":
                        return absolute(n);
                    case "from-beginning":
                        return fromBeginning(n);
                    case "from-end":
                        return fromEnd(n);
                    default:
                        break;
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an offset: '" + text + "'", e);
        }
        throw new IllegalArgumentException("not an offset: '" + text
                + "' (use beginning, end, absolute N, from-beginning N or from-end N)");
    }

    Kind kind() {
        return kind;
    }

    long value() {
        return value;
    }

    /**
     * The absolute start offset (Fluvio's {@code Offset::resolve}): relative offsets count from the
     * resume point when there is one and are clamped to [log start, LSO]; absolute ones are not
     * clamped (B8); nothing resolves below 0.
     *
     * @param logStart       the partition's first stored offset
     * @param lastStable     the partition's high watermark
     * @param resumePoint    stored consumer offset + 1, or null when there is none
     */
    long resolve(long logStart, long lastStable, Long resumePoint) {
        long resolved;
        switch (kind) {
            case ABSOLUTE:
                resolved = value;
                break;
            case FROM_BEGINNING:
                resolved = clamp((resumePoint != null ? resumePoint : logStart) + value, logStart, lastStable);
                break;
            case FROM_END:
                resolved = clamp((resumePoint != null ? resumePoint : lastStable) - value, logStart, lastStable);
                break;
            default:
                throw new AssertionError(kind);
        }
        return Math.max(0, resolved);
    }

    private static long clamp(long value, long min, long max) {
        // Rust's clamp panics when min > max; a log's start never passes its end, so this cannot happen.
        return Math.min(Math.max(value, min), max);
    }

    private static long nonNegative(long offset) {
        if (offset < 0) {
            throw new FluvioException(ErrorCode.OFFSET_OUT_OF_RANGE, "Attempted to create negative offset: " + offset);
        }
        return offset;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Offset that && kind == that.kind && value == that.value;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, value);
    }

    @Override
    public String toString() {
        switch (kind) {
            case ABSOLUTE:
                return "absolute " + value;
            case FROM_BEGINNING:
                return value == 0 ? "beginning" : "from-beginning " + value;
            default:
                return value == 0 ? "end" : "from-end " + value;
        }
    }
}
