package org.fluviokit.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * What a terminal shows once a program's output has been written to it: carriage returns,
 * erase-line and cursor-up sequences (used by spinners and progress bars, such as the real
 * {@code fluvio consume} draws on a terminal) are applied; colours and other sequences are dropped.
 * Good enough for line-oriented CLIs, not a full VT100.
 */
final class TerminalScreen {

    private final List<StringBuilder> lines = new ArrayList<>();
    private int row;
    private int column;

    private TerminalScreen() {
        lines.add(new StringBuilder());
    }

    /** The screen's lines after {@code output} was written, trailing spaces and trailing empty lines removed. */
    static List<String> render(String output) {
        TerminalScreen screen = new TerminalScreen();
        screen.write(output);
        List<String> result = new ArrayList<>();
        for (StringBuilder line : screen.lines) {
            result.add(line.toString().stripTrailing());
        }
        while (!result.isEmpty() && result.get(result.size() - 1).isEmpty()) {
            result.remove(result.size() - 1);
        }
        return result;
    }

    private void write(String output) {
        for (int i = 0; i < output.length(); i++) {
            char c = output.charAt(i);
            switch (c) {
                case '\r' -> column = 0;
                case '\n' -> {
                    row++;
                    column = 0;
                    while (lines.size() <= row) {
                        lines.add(new StringBuilder());
                    }
                }
                case '\b' -> column = Math.max(0, column - 1);
                case '\u001B' -> i = escape(output, i);
                default -> {
                    if (c >= ' ' || c == '\t') {
                        put(c);
                    }
                }
            }
        }
    }

    private void put(char c) {
        StringBuilder line = lines.get(row);
        while (line.length() < column) {
            line.append(' ');
        }
        if (column < line.length()) {
            line.setCharAt(column, c);
        } else {
            line.append(c);
        }
        column++;
    }

    /** Applies the escape sequence starting at {@code start}; returns the index of its last character. */
    private int escape(String output, int start) {
        if (start + 1 >= output.length() || output.charAt(start + 1) != '[') {
            return Math.min(start + 1, output.length() - 1);
        }
        int i = start + 2;
        StringBuilder parameters = new StringBuilder();
        while (i < output.length() && (Character.isDigit(output.charAt(i)) || output.charAt(i) == ';'
                || output.charAt(i) == '?')) {
            parameters.append(output.charAt(i));
            i++;
        }
        if (i >= output.length()) {
            return output.length() - 1;
        }
        char command = output.charAt(i);
        int n = parameters.length() == 0 || !parameters.toString().matches("\\d+") ? 1
                : Integer.parseInt(parameters.toString());
        StringBuilder line = lines.get(row);
        switch (command) {
            case 'A' -> row = Math.max(0, row - n);
            case 'B' -> {
                row += n;
                while (lines.size() <= row) {
                    lines.add(new StringBuilder());
                }
            }
            case 'G' -> column = Math.max(0, n - 1);
            case 'K' -> {
                String mode = parameters.toString();
                if (mode.equals("2")) {
                    line.setLength(0);
                } else if (mode.isEmpty() || mode.equals("0")) {
                    if (column < line.length()) {
                        line.setLength(column);
                    }
                }
            }
            case 'J' -> {
                if (column < line.length()) {
                    line.setLength(column);
                }
                while (lines.size() > row + 1) {
                    lines.remove(lines.size() - 1);
                }
            }
            default -> {
                // colours (m), cursor visibility (?25l/h) and the like change nothing on the lines
            }
        }
        return i;
    }
}
