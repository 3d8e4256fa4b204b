package org.fluviokit.cli;

import java.time.Duration;

/**
 * Durations the way Fluvio's CLI reads and writes them: the {@code humantime} 2.2 crate's format
 * (LAST SEEN of {@code consumer list}, H3; RETENTION TIME of {@code topic list}) and parser
 * ({@code topic create --retention-time}).
 */
final class Humantime {

    static final long YEAR = 31_557_600L; // 365.25 days
    static final long MONTH = 2_630_016L; // 30.44 days
    static final long DAY = 86_400L;

    private Humantime() {
    }

    /**
     * Whole seconds as humantime writes them (H3): years and months take a plural {@code s}, days
     * are {@code day}/{@code days}, then {@code h}, {@code m}, {@code s}; zero units are left out.
     */
    static String format(long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("a duration is never negative: " + seconds);
        }
        if (seconds == 0) {
            return "0s";
        }
        long years = Long.divideUnsigned(seconds, YEAR);
        long rest = Long.remainderUnsigned(seconds, YEAR);
        long months = rest / MONTH;
        rest %= MONTH;
        long days = rest / DAY;
        long daySeconds = rest % DAY;
        StringBuilder text = new StringBuilder();
        plural(text, years, "year");
        plural(text, months, "month");
        plural(text, days, "day");
        unit(text, daySeconds / 3600, "h");
        unit(text, daySeconds % 3600 / 60, "m");
        unit(text, daySeconds % 60, "s");
        return text.toString();
    }

    private static void plural(StringBuilder text, long value, String name) {
        unit(text, value, value > 1 ? name + "s" : name);
    }

    private static void unit(StringBuilder text, long value, String name) {
        if (value > 0) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(value).append(name);
        }
    }

    /**
     * Parses {@code 1h}, {@code 2d 10s}, {@code 7 days}, … as humantime does.
     *
     * @throws IllegalArgumentException with humantime's own message (shown by clap after the value)
     */
    static Duration parse(String text) {
        return new Parser(text).parse();
    }

    /** A reader over the text, reporting positions in UTF-8 bytes as the crate does. */
    private static final class Parser {
        private final String src;
        private int index;
        private long seconds;
        private long nanos;

        Parser(String src) {
            this.src = src;
        }

        private int byteOffset() {
            return src.substring(0, index).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }

        private boolean hasNext() {
            return index < src.length();
        }

        private int nextChar() {
            int c = src.codePointAt(index);
            index += Character.charCount(c);
            return c;
        }

        /** The first digit of a number, skipping white space; -1 at the end of the text. */
        private long firstDigit() {
            int offset = byteOffset();
            while (hasNext()) {
                int c = nextChar();
                if (c >= '0' && c <= '9') {
                    return c - '0';
                }
                if (!Character.isWhitespace(c)) {
                    throw new IllegalArgumentException("expected number at " + offset);
                }
            }
            return -1;
        }

        Duration parse() {
            long n = firstDigit();
            if (n < 0) {
                throw new IllegalArgumentException("value was empty");
            }
            while (true) {
                int unitStart = -1;
                int offset = byteOffset();
                int startIndex = index;
                // the rest of the number (white space inside it is allowed)
                while (hasNext()) {
                    int before = index;
                    int c = nextChar();
                    if (c >= '0' && c <= '9') {
                        n = multiplyExact(n, 10) + (c - '0');
                        if (n < 0) {
                            throw new IllegalArgumentException("number is too large");
                        }
                    } else if (Character.isWhitespace(c)) {
                        // skipped
                    } else if (isAsciiLetter(c)) {
                        unitStart = before;
                        break;
                    } else {
                        throw new IllegalArgumentException("invalid character at " + offset);
                    }
                    offset = byteOffset();
                    startIndex = index;
                }
                if (unitStart < 0) {
                    unitStart = startIndex;
                }
                int unitEnd = index;
                boolean more = false;
                boolean nextNumber = false;
                long nextDigit = 0;
                while (hasNext()) {
                    int before = index;
                    int c = nextChar();
                    if (c >= '0' && c <= '9') {
                        nextNumber = true;
                        nextDigit = c - '0';
                        unitEnd = before;
                        break;
                    } else if (Character.isWhitespace(c)) {
                        unitEnd = before;
                        more = true;
                        break;
                    } else if (isAsciiLetter(c)) {
                        unitEnd = index;
                    } else {
                        throw new IllegalArgumentException("invalid character at "
                                + src.substring(0, before).getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
                    }
                }
                if (!nextNumber && !more) {
                    unitEnd = index;
                }
                addUnit(n, src.substring(unitStart, Math.max(unitStart, unitEnd)));
                if (nextNumber) {
                    n = nextDigit;
                    continue;
                }
                long following = firstDigit();
                if (following < 0) {
                    return Duration.ofSeconds(seconds, nanos);
                }
                n = following;
            }
        }

        private static boolean isAsciiLetter(int c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        private static long multiplyExact(long a, long b) {
            try {
                return Math.multiplyExact(a, b);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("number is too large");
            }
        }

        private void addUnit(long n, String unit) {
            long sec;
            long nsec = 0;
            switch (unit) {
                case "nanos", "nsec", "ns" -> {
                    sec = 0;
                    nsec = n;
                }
                case "usec", "us" -> {
                    sec = 0;
                    nsec = multiplyExact(n, 1000);
                }
                case "millis", "msec", "ms" -> {
                    sec = 0;
                    nsec = multiplyExact(n, 1_000_000);
                }
                case "seconds", "second", "secs", "sec", "s" -> sec = n;
                case "minutes", "minute", "min", "mins", "m" -> sec = multiplyExact(n, 60);
                case "hours", "hour", "hr", "hrs", "h" -> sec = multiplyExact(n, 3600);
                case "days", "day", "d" -> sec = multiplyExact(n, DAY);
                case "weeks", "week", "w" -> sec = multiplyExact(n, DAY * 7);
                case "months", "month", "M" -> sec = multiplyExact(n, MONTH);
                case "years", "year", "y" -> sec = multiplyExact(n, YEAR);
                default -> {
                    if (unit.isEmpty()) {
                        throw new IllegalArgumentException("time unit needed, for example " + n + "sec or " + n + "ms");
                    }
                    throw new IllegalArgumentException("unknown time unit \"" + unit + "\", supported units: ns, us, ms,"
                            + " sec, min, hours, days, weeks, months, years (and few variations)");
                }
            }
            nanos += nsec;
            if (nanos > 1_000_000_000L) {
                sec = addExact(sec, nanos / 1_000_000_000L);
                nanos %= 1_000_000_000L;
            }
            seconds = addExact(seconds, sec);
        }

        private static long addExact(long a, long b) {
            try {
                return Math.addExact(a, b);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("number is too large");
            }
        }
    }
}
