package org.fluviokit.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The tables of Fluvio's CLI, as the {@code comfy-table} 7 crate draws them without a terminal
 * width: every cell padded with one space on each side and to its column's widest content.
 */
final class TextTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    TextTable addRow(List<String> row) {
        rows.add(List.copyOf(row));
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /**
     * The "NOTHING" preset as the CLI's list commands print it (H2): no borders at all, so columns
     * are two spaces apart, every line starts with the printer's own space plus the cell padding,
     * and the last cell keeps its padding at the end of the line.
     */
    String renderPlain() {
        int[] widths = widths();
        StringBuilder out = new StringBuilder();
        appendPlain(out, header, widths);
        for (List<String> row : rows) {
            appendPlain(out, row, widths);
        }
        return out.toString();
    }

    private void appendPlain(StringBuilder out, List<String> cells, int[] widths) {
        out.append(' ');
        for (int i = 0; i < widths.length; i++) {
            String cell = i < cells.size() ? cells.get(i) : "";
            out.append(' ').append(cell).append(" ".repeat(widths[i] - width(cell))).append(' ');
        }
        out.append('\n');
    }

    /**
     * The default "ASCII_FULL" preset (what {@code consume -O table} prints), as lines: a border,
     * the header, a {@code =} separator, the rows separated by {@code -} lines, a closing border.
     */
    List<String> asciiFullLines() {
        int[] widths = widths();
        List<String> lines = new ArrayList<>();
        lines.add(border(widths, '-'));
        lines.add(asciiRow(header, widths));
        if (!rows.isEmpty()) {
            lines.add(border(widths, '='));
            for (int r = 0; r < rows.size(); r++) {
                if (r > 0) {
                    lines.add(border(widths, '-'));
                }
                lines.add(asciiRow(rows.get(r), widths));
            }
        }
        lines.add(border(widths, '-'));
        return lines;
    }

    private static String border(int[] widths, char line) {
        StringBuilder out = new StringBuilder("+");
        for (int width : widths) {
            out.append(String.valueOf(line).repeat(width + 2)).append('+');
        }
        return out.toString();
    }

    private static String asciiRow(List<String> cells, int[] widths) {
        StringBuilder out = new StringBuilder("|");
        for (int i = 0; i < widths.length; i++) {
            String cell = i < cells.size() ? cells.get(i) : "";
            out.append(' ').append(cell).append(" ".repeat(widths[i] - width(cell))).append(" |");
        }
        return out.toString();
    }

    private int[] widths() {
        int columns = header.size();
        for (List<String> row : rows) {
            columns = Math.max(columns, row.size());
        }
        int[] widths = new int[columns];
        measure(header, widths);
        for (List<String> row : rows) {
            measure(row, widths);
        }
        return widths;
    }

    private static void measure(List<String> cells, int[] widths) {
        for (int i = 0; i < cells.size(); i++) {
            widths[i] = Math.max(widths[i], width(cells.get(i)));
        }
    }

    /** Display width: one column per code point, two for East Asian wide ones (as unicode-width). */
    static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            width += isWide(c) ? 2 : (Character.getType(c) == Character.NON_SPACING_MARK || c == 0x200B ? 0 : 1);
        }
        return width;
    }

    private static boolean isWide(int c) {
        return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F)
                || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F)
                || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F)
                || (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
    }
}
