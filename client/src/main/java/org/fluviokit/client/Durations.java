package org.fluviokit.client;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations written as Fluvio's tools write them: {@code 2s}, {@code 500ms}, {@code 1m 30s}, {@code 1h}. */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private Durations() {
    }

    /**
     * Parses a sum of amounts with units ms, s, m, h and d, separated by optional spaces.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Duration parse(String text) {
        String trimmed = text.trim();
        Matcher matcher = PART.matcher(trimmed);
        Duration total = Duration.ZERO;
        int end = 0;
        while (matcher.find() && trimmed.substring(end, matcher.start()).isBlank()) {
            long amount = Long.parseLong(matcher.group(1));
            total = total.plus(switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
            end = matcher.end();
        }
        if (end == 0 || end != trimmed.length()) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (write e.g. 2s, 500ms or 1m 30s)");
        }
        return total;
    }
}
