package org.fluviokit.conformance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

/**
 * Compares what a command printed with what a transcript says it prints:
 * <ul>
 *   <li>line by line, exactly, ignoring trailing spaces (and the terminal's carriage returns and
 *       colour codes);</li>
 *   <li>{@code [..]} in an expected line matches any text within the line;</li>
 *   <li>a line of {@code ...} matches any number of lines;</li>
 *   <li>in {@code consumer list} tables, columns are compared cell by cell and the LAST SEEN cell
 *       matches any humantime duration (spec H3): the docs' {@code 4m 14s} is not reproducible;</li>
 *   <li>a command ending in the comment {@value #ANY_ORDER} may print its lines in any order (records
 *       of several partitions: each partition's stream answers on its own);</li>
 *   <li>the real CLI's progress spinner, whose last frame stays on screen when the CLI prints past it
 *       on an 80-column terminal, is not part of the output.</li>
 * </ul>
 */
final class TranscriptMatcher {

    private static final Pattern HUMANTIME = Pattern.compile(
            "\\d+(years?|months?|days?|h|m|s|ms|us|ns)( \\d+(years?|months?|days?|h|m|s|ms|us|ns))*");
    private static final String ANY_LINES = "...";
    private static final String ANY_TEXT = "[..]";
    static final String ANY_ORDER = "# lines in any order";
    /** A spinner frame (a braille pattern) and the padding to the terminal's width that follows it. */
    private static final Pattern SPINNER = Pattern.compile("^[\u2800-\u28FF](?: {20,}|$)");

    private final boolean consumerTable;
    private final boolean anyOrder;

    private TranscriptMatcher(boolean consumerTable, boolean anyOrder) {
        this.consumerTable = consumerTable;
        this.anyOrder = anyOrder;
    }

    /** The matcher for a command: {@code consumer list} without an output format prints a table. */
    static TranscriptMatcher forCommand(String command) {
        List<String> words = Arrays.asList(command.trim().split("\\s+"));
        int consumer = words.indexOf("consumer");
        boolean table = consumer >= 0 && consumer + 1 < words.size() && words.get(consumer + 1).equals("list")
                && !words.contains("-O") && !words.contains("--output") && words.stream().noneMatch(w -> w.startsWith("-O"));
        return new TranscriptMatcher(table, command.stripTrailing().endsWith(ANY_ORDER));
    }

    /** Terminal output as the lines a person sees on the screen once the command finished. */
    static List<String> lines(String output) {
        List<String> lines = new ArrayList<>();
        for (String line : TerminalScreen.render(output)) {
            Matcher spinner = SPINNER.matcher(line);
            if (!spinner.find()) {
                lines.add(line);
            } else if (spinner.end() < line.length()) {
                lines.add(line.substring(spinner.end()));
            }
        }
        return lines;
    }

    boolean matches(List<String> expected, List<String> actual) {
        List<String> wanted = withoutTrailingBlankLines(expected);
        if (anyOrder) {
            return sameLinesInAnyOrder(wanted, actual);
        }
        return matchFrom(wanted, 0, actual, 0, new Boolean[wanted.size() + 1][actual.size() + 1]);
    }

    /** Every expected line matches its own actual line, and no actual line is left over. */
    private boolean sameLinesInAnyOrder(List<String> expected, List<String> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        List<String> unmatched = new ArrayList<>(actual);
        for (String line : expected) {
            int found = -1;
            for (int k = 0; k < unmatched.size() && found < 0; k++) {
                if (lineMatches(line, unmatched.get(k))) {
                    found = k;
                }
            }
            if (found < 0) {
                return false;
            }
            unmatched.remove(found);
        }
        return true;
    }

    /** Expected lines as compared: trailing spaces and trailing blank lines do not count, as on a screen. */
    static List<String> withoutTrailingBlankLines(List<String> expected) {
        List<String> lines = new ArrayList<>(expected.stream().map(String::stripTrailing).toList());
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private boolean matchFrom(List<String> expected, int i, List<String> actual, int j, Boolean[][] memo) {
        if (memo[i][j] != null) {
            return memo[i][j];
        }
        boolean result;
        if (i == expected.size()) {
            result = j == actual.size();
        } else if (expected.get(i).strip().equals(ANY_LINES)) {
            result = false;
            for (int k = j; k <= actual.size() && !result; k++) {
                result = matchFrom(expected, i + 1, actual, k, memo);
            }
        } else {
            result = j < actual.size() && lineMatches(expected.get(i), actual.get(j))
                    && matchFrom(expected, i + 1, actual, j + 1, memo);
        }
        memo[i][j] = result;
        return result;
    }

    boolean lineMatches(String expected, String actual) {
        String wanted = expected.stripTrailing();
        if (consumerTable && isTableRow(wanted) && isTableRow(actual)) {
            return cellsMatch(cells(wanted), cells(actual));
        }
        return wanted.contains(ANY_TEXT) ? wildcard(wanted, actual) : wanted.equals(actual);
    }

    private static boolean wildcard(String wanted, String actual) {
        StringBuilder regex = new StringBuilder();
        String[] parts = wanted.split(Pattern.quote(ANY_TEXT), -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return actual.matches(regex.toString());
    }

    /** Rows of {@code consumer list}'s table start with two spaces (a leading space and a cell's padding, H2). */
    private static boolean isTableRow(String line) {
        return line.startsWith("  ") && !line.isBlank();
    }

    private static List<String> cells(String row) {
        return Arrays.asList(row.strip().split("\\s{2,}"));
    }

    private static boolean cellsMatch(List<String> expected, List<String> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        boolean header = expected.get(0).equals("CONSUMER");
        for (int i = 0; i < expected.size(); i++) {
            boolean lastSeen = !header && i == expected.size() - 1 && expected.size() == 5;
            boolean same = lastSeen ? HUMANTIME.matcher(actual.get(i)).matches()
                    : expected.get(i).contains(ANY_TEXT) ? wildcard(expected.get(i), actual.get(i))
                    : expected.get(i).equals(actual.get(i));
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /**
     * A unified diff of the expected and the actual output, with the expected side numbered as
     * lines of the transcript file.
     */
    String unifiedDiff(String file, Transcript.Command command, List<String> actual) {
        List<String> expected = withoutTrailingBlankLines(command.expected());
        Patch<String> patch = DiffUtils.diff(expected, actual, this::lineMatches);
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(file, "actual output of: " + command.command(),
                expected, patch, 3);
        List<String> renumbered = new ArrayList<>();
        Pattern hunk = Pattern.compile("^@@ -(\\d+)(,\\d+)? (.*)$");
        for (String line : diff) {
            Matcher matcher = hunk.matcher(line);
            if (matcher.matches()) {
                int fileLine = Integer.parseInt(matcher.group(1)) + command.line();
                line = "@@ -" + fileLine + (matcher.group(2) == null ? "" : matcher.group(2)) + " " + matcher.group(3);
            }
            renumbered.add(line);
        }
        if (renumbered.isEmpty()) {
            // the lines are the same one by one but a '...' could not be placed: show both sides
            renumbered.add("--- " + file + " (from line " + (command.line() + 1) + ")");
            renumbered.add("+++ actual output of: " + command.command());
            expected.forEach(line -> renumbered.add("-" + line));
            actual.forEach(line -> renumbered.add("+" + line));
        }
        return String.join("\n", renumbered);
    }
}
