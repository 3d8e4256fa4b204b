package org.fluviokit.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A terminal session written down in Markdown. Every fenced block that has lines starting with
 * {@code $ } is replayed: such a line is a command, and the lines after it, up to the next
 * {@code $ } line or the end of the block, are what the terminal showed (stdout and stderr
 * together). Prose and other blocks are documentation.
 *
 * @param title    the first Markdown heading, or the file name
 * @param ids      the behaviour ids its prose names (spec offset-semantics), ranges such as {@code I1–I5} spelled
 *                 out; HTML comments (notes on what the file does not cover, or where the docs differ) do not count
 * @param commands the commands in order
 * @param source   where it was read from
 */
record Transcript(String title, List<String> ids, List<Command> commands, String source) {

    /** A behaviour id such as {@code B3}, or a range such as {@code I1–I5} (en dash or hyphen). */
    private static final Pattern BEHAVIOUR = Pattern.compile("\\b([A-O])(\\d{1,2})(?:[–-]\\1?(\\d{1,2}))?\\b");

    Transcript {
        ids = List.copyOf(ids);
        commands = List.copyOf(commands);
    }

    /**
     * One command and the output expected from it.
     *
     * @param line     the command's line in the file
     * @param command  the command, without {@code $ }
     * @param expected the expected output lines
     */
    record Command(int line, String command, List<String> expected) {
        Command {
            expected = List.copyOf(expected);
        }
    }

    static Transcript parse(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read transcript " + file, e);
        }
    }

    static Transcript parse(String text, String source) {
        String title = null;
        Set<String> ids = new LinkedHashSet<>();
        List<Command> commands = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        boolean inBlock = false;
        boolean inComment = false;
        String fence = null;
        int commandLine = -1;
        String command = null;
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            String trimmed = line.strip();
            if (!inBlock) {
                if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                    inBlock = true;
                    fence = trimmed.substring(0, 3);
                } else if (title == null && trimmed.startsWith("# ")) {
                    title = trimmed.substring(2).strip();
                }
                inComment = behaviourIdsOutsideComments(line, inComment, ids);
                continue;
            }
            if (trimmed.startsWith(fence)) {
                if (command != null) {
                    commands.add(new Command(commandLine, command, expected));
                }
                inBlock = false;
                command = null;
                expected = new ArrayList<>();
                continue;
            }
            if (line.startsWith("$ ")) {
                if (command != null) {
                    commands.add(new Command(commandLine, command, expected));
                }
                command = line.substring(2);
                commandLine = i + 1;
                expected = new ArrayList<>();
            } else if (command != null) {
                expected.add(line);
            }
        }
        if (inBlock) {
            throw new IllegalArgumentException(source + ": a fenced block is not closed");
        }
        if (commands.isEmpty()) {
            throw new IllegalArgumentException(source + ": no command to replay (lines starting with '$ ' in a fenced block)");
        }
        String name = title != null ? title : Path.of(source).getFileName().toString();
        return new Transcript(name, List.copyOf(ids), commands, source);
    }

    /** Adds the ids of a prose line's text outside HTML comments; returns whether a comment is still open. */
    private static boolean behaviourIdsOutsideComments(String line, boolean inComment, Set<String> ids) {
        int at = 0;
        while (at < line.length()) {
            if (inComment) {
                int close = line.indexOf("-->", at);
                if (close < 0) {
                    return true;
                }
                at = close + 3;
                inComment = false;
            } else {
                int open = line.indexOf("<!--", at);
                behaviourIds(line.substring(at, open < 0 ? line.length() : open), ids);
                if (open < 0) {
                    return false;
                }
                at = open + 4;
                inComment = true;
            }
        }
        return inComment;
    }

    private static void behaviourIds(String prose, Set<String> ids) {
        Matcher matcher = BEHAVIOUR.matcher(prose);
        while (matcher.find()) {
            String group = matcher.group(1);
            int first = Integer.parseInt(matcher.group(2));
            int last = matcher.group(3) == null ? first : Integer.parseInt(matcher.group(3));
            for (int n = first; n <= Math.max(first, last); n++) {
                ids.add(group + n);
            }
        }
    }
}
